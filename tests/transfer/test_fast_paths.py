"""The import's fast paths give exactly what the slower, general ones give.

The import writes rows with prepared INSERTs (accord/outputs/transfer/bulk.py) instead of
bulk_create, and snapshots records for the history with cached field lists: the register and its
history must hold the same either way. (The sheet reader is held to openpyxl in
test_xlsx_reader.py.)
"""

import gc
from datetime import date

import pytest

from accord.kernel.audit.service import diff, snapshot
from accord.outputs.transfer.bulk import Maker, Snapshots, collector_paused, created_changes, insert_returning
from accord.register.models import Membership, Partnership
from tests import factories as f


@pytest.mark.django_db
def test_snapshots_and_changes_match_the_audit_service():
    partnership = f.PartnershipFactory(start_date=date(2024, 4, 1), is_key_partnership=True)
    membership = f.MembershipFactory(partnership=partnership)
    fast = Snapshots(Partnership)
    assert fast(partnership) == snapshot(partnership)
    assert Snapshots(Membership, ("partnership",))(membership) == snapshot(membership, ["partnership"])
    assert created_changes(snapshot(partnership)) == diff({}, snapshot(partnership))
    partnership.status = "not-a-status"
    assert fast(partnership) == snapshot(partnership)


@pytest.mark.django_db
def test_inserted_records_get_their_ids_and_are_stored_as_bulk_create_stores_them():
    first, second = f.PartnershipFactory(), f.PartnershipFactory()
    council = f.council()
    fast = [Membership(partnership=p, organisation=council, role="member") for p in (first, second)]
    insert_returning(Membership, fast, batch=1)
    assert all(m.pk and not m._state.adding for m in fast)
    stored = Membership.objects.filter(pk__in=[m.pk for m in fast]).order_by("pk")
    assert [(m.partnership_id, m.organisation_id, m.role) for m in stored] == [
        (first.pk, council.pk, "member"),
        (second.pk, council.pk, "member"),
    ]
    other = f.OrganisationFactory()
    orm = [Membership(partnership=first, organisation=other, role="member")]
    Membership.objects.bulk_create(orm)
    by_orm = Membership.objects.values().get(pk=orm[0].pk)
    by_fast = Membership.objects.values().get(pk=fast[0].pk)
    for name in ("id", "organisation_id", "created_at", "updated_at"):
        by_orm.pop(name, None)
        by_fast.pop(name, None)
    assert by_fast == by_orm


@pytest.mark.django_db
def test_a_maker_builds_the_object_the_constructor_builds():
    partnership = f.PartnershipFactory()
    organisation = f.OrganisationFactory()
    values = {"partnership": partnership, "organisation": organisation, "role": "member"}
    made, built = Maker(Membership)(**values), Membership(**values)
    fields = [field.attname for field in Membership._meta.concrete_fields]
    assert [getattr(made, a) for a in fields] == [getattr(built, a) for a in fields]
    assert made.partnership is partnership  # cached, as the constructor caches it
    assert made._state.adding
    with pytest.raises(TypeError, match="Membership has no field colour"):
        Maker(Membership)(colour="red")


def test_the_cycle_collector_is_back_as_it_was_after_a_bulk_write_even_one_that_fails():
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        assert not gc.isenabled()
        raise RuntimeError("refused")
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # someone else turned it off: left off
    finally:
        gc.enable()
