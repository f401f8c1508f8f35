"""Importing a register: the dry run, the all-or-nothing import, re-imports and matching organisations."""

import pytest

from accord.domain.lifecycle.models import Transition
from accord.kernel.audit.models import AuditEvent
from accord.outputs.transfer import commit as commit_module
from accord.outputs.transfer.commit import ImportRefused, commit
from accord.outputs.transfer.plan import build
from accord.outputs.transfer.reading import read
from accord.register.models import Membership, Organisation, Partnership, SearchTerm

from .helpers import PARTNERSHIP_HEADERS, guessed_mapping, partnership_row, xlsx


def workbook(rows, **sheets):
    content = xlsx({"Partnerships": [PARTNERSHIP_HEADERS, *rows], **sheets})
    book = read("register.xlsx", content)
    return book, guessed_mapping(book)


def three_rows(**last):
    return [
        partnership_row("CSP-01", "Community Safety Partnership"),
        partnership_row(
            "HWB-01", "Health and Wellbeing Board", **{"Lead organisation": "Lancashire NHS Trust"}
        ),
        partnership_row("WASTE-01", "Waste Partnership", **last),
    ]


def test_the_dry_run_says_what_would_happen_and_writes_nothing(admin):
    book, mapping = workbook(three_rows())
    plan = build("register.xlsx", book, mapping)
    assert plan.ok, plan.problems
    assert plan.counts()["Partnerships"] == {"created": 3, "updated": 0, "unchanged": 0}
    assert [o.name for o in plan.new_organisations] == ["Lancashire NHS Trust"]
    assert not Partnership.objects.exists()
    assert not Organisation.objects.filter(name="Lancashire NHS Trust").exists()


def test_importing_creates_partnerships_with_their_history_index_and_cycle(admin):
    book, mapping = workbook(three_rows())
    commit(admin, "register.xlsx", book, mapping)
    csp = Partnership.objects.get(reference="CSP-01")
    assert csp.status == "active" and csp.start_date.isoformat() == "2024-04-01"
    events = AuditEvent.objects.filter(partnership=csp)
    assert {e.reason for e in events} == {"Imported from register.xlsx"}
    assert events.filter(object_type="partnership", action="created").count() == 1
    assert Membership.objects.filter(partnership=csp, organisation__is_council=True).exists()
    assert SearchTerm.objects.filter(partnership=csp, term="community").exists()
    first = Transition.objects.get(partnership=csp)
    assert first.to_status == "active" and first.retrospective
    trust = Organisation.objects.get(name="Lancashire NHS Trust")
    assert AuditEvent.objects.filter(organisation=trust, reason="Imported from register.xlsx").exists()


def test_reimporting_the_same_file_changes_nothing(admin):
    book, mapping = workbook(three_rows())
    commit(admin, "register.xlsx", book, mapping)
    events = AuditEvent.objects.count()
    plan = commit(admin, "register.xlsx", book, mapping)
    assert plan.counts()["Partnerships"] == {"created": 0, "updated": 0, "unchanged": 3}
    assert Partnership.objects.count() == 3
    assert AuditEvent.objects.count() == events  # no history noise


def test_reimporting_an_edited_file_updates_rows_matched_by_reference(admin):
    book, mapping = workbook(three_rows())
    commit(admin, "register.xlsx", book, mapping)
    version = Partnership.objects.get(reference="WASTE-01").version
    book, mapping = workbook(three_rows(Name="Lancashire Waste Partnership", Reference=" waste-01 "))
    plan = commit(admin, "register-v2.xlsx", book, mapping)
    assert plan.counts()["Partnerships"] == {"created": 0, "updated": 1, "unchanged": 2}
    waste = Partnership.objects.get(reference="WASTE-01")
    assert waste.name == "Lancashire Waste Partnership"
    assert waste.version == version + 1
    assert Partnership.objects.count() == 3
    change = AuditEvent.objects.get(partnership=waste, action="changed")
    assert change.reason == "Imported from register-v2.xlsx"
    assert change.changes == [
        {"field": "name", "label": "Name", "old": "Waste Partnership", "new": "Lancashire Waste Partnership"}
    ]


def test_a_file_that_fails_only_on_its_last_row_writes_nothing(admin):
    book, mapping = workbook(three_rows(**{"Proposed end date": "31/02/2024"}))
    with pytest.raises(ImportRefused) as refused:
        commit(admin, "register.xlsx", book, mapping)
    assert [str(p) for p in refused.value.plan.problems] == [
        'Partnerships sheet, row 4: Proposed end date "31/02/2024" must be a real date'
    ]
    assert not Partnership.objects.exists()
    assert not Organisation.objects.filter(name="Lancashire NHS Trust").exists()
    assert not AuditEvent.objects.exists()


def test_a_failure_at_the_very_end_of_writing_rolls_everything_back(admin, monkeypatch):
    book, mapping = workbook(three_rows())

    def fail(partnership_ids):
        assert Partnership.objects.count() == 3  # everything was written by now...
        raise ValueError("the database went away")

    monkeypatch.setattr(commit_module, "partnerships_changed", fail)
    with pytest.raises(ValueError):
        commit(admin, "register.xlsx", book, mapping)
    assert not Partnership.objects.exists()  # ...and none of it was kept
    assert not Transition.objects.exists()
    assert not SearchTerm.objects.exists()
    assert not Organisation.objects.filter(name="Lancashire NHS Trust").exists()
    assert not AuditEvent.objects.exists()


def test_a_service_refusing_mid_import_rolls_everything_back(admin, monkeypatch):
    from accord.register import services

    Organisation.objects.filter(is_council=True).update(sector="other")
    headers = ["Organisation", "Org-id", "Sector"]
    book, mapping = workbook(
        three_rows(), Organisations=[headers, ["Chorley Council", "GB-LAE-CHO", "Public sector"]]
    )

    def refuse(*args, **kwargs):  # someone else saved the council while the import ran
        raise services.StaleEdit(Organisation.objects.get(is_council=True), [])

    monkeypatch.setattr(services, "update", refuse)
    with pytest.raises(services.StaleEdit):
        commit(admin, "register.xlsx", book, mapping)
    assert not Partnership.objects.exists()
    assert not Organisation.objects.filter(name="Lancashire NHS Trust").exists()
    assert not AuditEvent.objects.exists()


def test_an_import_cannot_change_an_existing_partnerships_status(admin):
    book, mapping = workbook(three_rows())
    commit(admin, "register.xlsx", book, mapping)
    book, mapping = workbook(three_rows(Status="Closed"))
    plan = build("register.xlsx", book, mapping)
    assert [p.message for p in plan.problems] == [
        "Status cannot change from Active to Closed by an import: status changes go through the "
        "partnership cycle (the partnership's Cycle page)"
    ]
    assert Partnership.objects.get(reference="WASTE-01").status == "active"


def test_new_partnerships_can_be_added_as_proposals_or_existing_ones(admin):
    idea = partnership_row("NEW-01", "A new idea", Status="", **{"Start date": ""})  # no dates: proposed
    book, mapping = workbook([idea, *three_rows()[:1]])
    commit(admin, "register.xlsx", book, mapping)
    assert Partnership.objects.get(reference="NEW-01").status == "proposed"
    assert Partnership.objects.get(reference="CSP-01").status == "active"


def test_organisations_are_matched_by_org_id_then_name_else_created(admin):
    from tests import factories as f

    trust = f.OrganisationFactory(name="Lancs Teaching Hospitals", org_id="GB-NHS-RXN")
    police = f.OrganisationFactory(name="Lancashire Constabulary")
    headers = [*PARTNERSHIP_HEADERS, "Lead organisation org-id"]
    rows = [
        partnership_row("A-1", "By org-id", **{"Lead organisation": "Lancashire Teaching Hospitals NHS FT"})
        + ["gb-nhs-rxn"],
        partnership_row("A-2", "By name", **{"Lead organisation": "  LANCASHIRE   constabulary "}) + [""],
        partnership_row("A-3", "New", **{"Lead organisation": "Chorley Youth Zone"}) + ["GB-CHC-1123456"],
        partnership_row("A-4", "New again", **{"Lead organisation": "chorley youth zone"}) + [""],
    ]
    book = read("orgs.xlsx", xlsx({"Partnerships": [headers, *rows]}))
    plan = commit(admin, "orgs.xlsx", book, guessed_mapping(book))
    assert [(o.name, o.org_id) for o in plan.new_organisations] == [("Chorley Youth Zone", "GB-CHC-1123456")]
    lead = dict(Partnership.objects.values_list("reference", "lead_organisation"))
    youth = Organisation.objects.get(org_id="GB-CHC-1123456")
    assert lead == {"A-1": trust.pk, "A-2": police.pk, "A-3": youth.pk, "A-4": youth.pk}


def test_a_closed_partnership_cannot_be_changed_by_an_import(admin):
    from tests import factories as f

    f.PartnershipFactory(reference="OLD-01", name="Old partnership", status="closed")
    book, mapping = workbook([partnership_row("OLD-01", "Renamed", Status="Closed")])
    plan = build("register.xlsx", book, mapping)
    assert [p.message for p in plan.problems] == [
        "Old partnership is closed: it is read-only, so the import cannot change it"
    ]
