"""The import's bulk forms of the services (issue 18) do exactly what the one-at-a-time forms do: the
same rows, the same history events in the same order and words, the same refusals."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import transaction

from accord.domain.lifecycle import agreements
from accord.domain.lifecycle.models import Agreement, ArtefactRecord
from accord.frameworks import loader, services
from accord.frameworks.models import PriorCompletion
from accord.kernel.audit.models import AuditEvent
from accord.register.models import Partnership
from accord.register.services import Finished
from accord.register.writes import refresh_contribution_total, refresh_contribution_totals
from tests import factories as f

pytestmark = pytest.mark.django_db
REASON = "Imported from register.xlsx"
SIGNED = {"title": "Terms of reference (signed)", "document_type": "terms_of_reference", "status": "signed"}
SIGNED["signed_on"] = date(2024, 5, 1)
DRAFT = {"title": "Memorandum of understanding", "document_type": "mou", "status": "draft"}


class Undo(Exception):
    """Rolls back what a block wrote, once it has been read."""


def written(partnerships: list[Partnership]) -> dict[str, list]:
    """What the services left for these partnerships, without ids and times."""
    ids = [p.pk for p in partnerships]
    return {
        "agreements": list(
            Agreement.objects.filter(partnership_id__in=ids)
            .order_by("partnership_id")
            .values_list("partnership_id", *agreements.AGREEMENT_FIELDS, "coverage", "gap_reasons")
        ),
        "records": list(
            ArtefactRecord.objects.filter(partnership_id__in=ids)
            .order_by("partnership_id")
            .values_list(
                "partnership_id",
                "slot",
                "kind",
                "title",
                "complete",
                "produced_on",
                "revision",
                "answers",
                "summary",
                "created_by",
                "updated_by",
            )
        ),
        "done": list(
            PriorCompletion.objects.filter(partnership_id__in=ids)
            .order_by("id")
            .values_list("partnership_id", "obligation_id", "done_on", "note", "framework_id", "recorded_by")
        ),
        "history": list(
            AuditEvent.objects.filter(partnership_id__in=ids)
            .order_by("id")
            .values_list(
                "partnership_id",
                "actor",
                "actor_name",
                "action",
                "object_type",
                "object_label",
                "version",
                "changes",
                "reason",
            )
        ),
    }


def one_by_one_then_undone(write_each) -> dict[str, list]:
    seen: dict[str, list] = {}
    try:
        with transaction.atomic():
            seen = write_each()
            raise Undo
    except Undo:
        pass
    return seen


def test_agreements_saved_together_match_those_saved_one_by_one(users):
    admin = users["administrator"]
    partnerships = [f.PartnershipFactory(), f.PartnershipFactory()]
    wanted = list(zip(partnerships, [SIGNED, DRAFT], strict=True))

    def each():
        for partnership, values in wanted:
            agreements.save_agreement(admin, partnership, values, REASON)
        return written(partnerships)

    expected = one_by_one_then_undone(each)
    agreements.create_many(admin, wanted, REASON)
    assert written(partnerships) == expected
    assert [event[4] for event in expected["history"]] == ["agreement", "record"] * 2


def test_an_agreement_already_recorded_is_changed_as_one_by_one(users, own_partnership):
    admin = users["administrator"]
    agreements.save_agreement(admin, own_partnership, DRAFT)
    new = f.PartnershipFactory()
    wanted = [(own_partnership, SIGNED), (new, DRAFT)]

    def each():
        for partnership, values in wanted:
            agreements.save_agreement(admin, partnership, values, REASON)
        return written([own_partnership, new])

    expected = one_by_one_then_undone(each)
    agreements.create_many(admin, wanted, REASON)
    found = written([own_partnership, new])
    assert sorted(found["history"], key=str) == sorted(expected["history"], key=str)
    assert {k: v for k, v in found.items() if k != "history"} == {
        k: v for k, v in expected.items() if k != "history"
    }
    assert ArtefactRecord.objects.get(partnership=own_partnership).revision == 2


def test_a_finished_partnership_is_refused_and_nothing_is_saved(users):
    closed = f.PartnershipFactory(status="closed")
    open_one = f.PartnershipFactory()
    with pytest.raises(Finished):
        agreements.create_many(users["administrator"], [(open_one, DRAFT), (closed, DRAFT)], REASON)
    assert not Agreement.objects.exists()
    assert not ArtefactRecord.objects.exists()


def test_last_done_dates_recorded_together_match_those_recorded_one_by_one(settings, users):
    settings.ACCORD_FRAMEWORK = "chorley"
    f.track_from(date(2026, 9, 1))
    admin = users["administrator"]
    first, second = f.PartnershipFactory(), f.PartnershipFactory()
    done = [
        (first, "three_yearly_review", date(2023, 3, 14)),
        (second, "three_yearly_review", date(2022, 6, 1)),
        (first, "three_yearly_review", date(2024, 3, 14)),  # a correction: 'changed'
    ]
    framework = loader.current()

    def each():
        for partnership, obligation_id, day in done:
            services.record_last_done(admin, partnership, obligation_id, day, REASON, framework=framework)
        return written([first, second])

    expected = one_by_one_then_undone(each)
    services.record_last_done_many(admin, done, REASON, framework=framework)
    assert written([first, second]) == expected
    assert [action for _, _, _, action, *_ in expected["history"]] == ["created", "created", "changed"]


def test_a_last_done_date_after_go_live_refuses_them_all(settings, users):
    settings.ACCORD_FRAMEWORK = "chorley"
    f.track_from(date(2026, 9, 1))
    done = [
        (f.PartnershipFactory(), "three_yearly_review", date(2023, 3, 14)),
        (f.PartnershipFactory(), "three_yearly_review", date(2026, 9, 1)),
    ]
    with pytest.raises(services.TrackingError, match="Accord has tracked duties since 1 September 2026"):
        services.record_last_done_many(users["administrator"], done, REASON, framework=loader.current())
    assert not PriorCompletion.objects.exists()


def test_contribution_totals_worked_out_together_match_those_worked_out_one_by_one():
    partnerships = [f.PartnershipFactory() for _ in range(4)]
    first, second, third, _none = partnerships
    f.ContributionFactory(partnership=first, year=2024, amount=Decimal("100.50"))
    f.ContributionFactory(partnership=first, year=2025, amount=Decimal("20.25"))
    f.ContributionFactory(partnership=first, year=2025, amount=Decimal("5.00"), description="Officer time")
    f.ContributionFactory(partnership=second, year=2023, amount=Decimal("7.00"))
    f.ContributionFactory(partnership=second, year=2025, amount=None)  # the latest year, not valued
    f.ContributionFactory(partnership=third, year=2022, amount=Decimal("1234567.89"))
    Partnership.objects.update(latest_year_contribution=Decimal("999"))
    for partnership in partnerships:
        refresh_contribution_total(partnership)
    expected = dict(Partnership.objects.values_list("pk", "latest_year_contribution"))
    Partnership.objects.update(latest_year_contribution=Decimal("999"))
    refresh_contribution_totals([p.pk for p in partnerships])
    assert dict(Partnership.objects.values_list("pk", "latest_year_contribution")) == expected
    assert expected[first.pk] == Decimal("25.25")
    assert expected[second.pk] == Decimal("0")
