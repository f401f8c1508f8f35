"""A council's own register, as it is: its headings matched by synonyms, the required fields it lacks
given once as defaults, references made from the council's pattern and statuses worked out from dates,
each said in the preview."""

from datetime import date

import pytest

from accord.domain.lifecycle.models import Transition
from accord.kernel.audit.models import AuditEvent
from accord.outputs.transfer import defaults as assume
from accord.outputs.transfer import mapping as maps
from accord.outputs.transfer import summary
from accord.outputs.transfer.assumptions import ImportChoices
from accord.outputs.transfer.commit import ImportRefused, commit
from accord.outputs.transfer.plan import build
from accord.outputs.transfer.reading import read
from accord.register.models import Partnership
from tests import factories as f
from tests.clock import on_day

from .helpers import csv_bytes

TODAY = date(2026, 6, 1)
HEADINGS = [
    "Partnership Name",
    "Service Area",
    "Type of partnership",
    "Statutory?",
    "Start Date",
    "End Date",
    "RAG",
]
ROWS = [
    ["Community Safety Partnership", "Communities", "Public sector strategic", "Y", "01/04/2010", "", "G"],
    ["Town Centre BID", "Place", "Voluntary sector delivery", "N", "01/04/2019", "31/03/2024", "A"],
    ["Youth Hub", "Communities", "Voluntary sector delivery", "N", "01/09/2030", "", ""],
    ["Health and Wellbeing Board", "Communities", "Public sector strategic", "Yes", "", "", "R"],
]


@pytest.fixture(autouse=True)
def on_the_first_of_june():
    with on_day(TODAY):
        yield


def council_file(rows=ROWS, headings=HEADINGS):
    return read("council.csv", csv_bytes([headings, *rows]))


def plan_of(book, **choices):
    return build("council.csv", book, maps.suggested(book), choices=ImportChoices(**choices))


def test_council_headings_are_matched_by_synonyms_and_say_why(lists):
    book = council_file()
    keys = maps.suggested(book)["Partnerships"]
    assert keys == [
        "name",
        "directorate",
        "partnership_type",
        "statutory_status",
        "start_date",
        "proposed_end_date",
        "",
    ]
    why = maps.reasons(maps.c.PARTNERSHIPS, book.sheets["Partnerships"].headers, keys)
    assert why[0] == maps.BY_HEADING and why[1] == maps.BY_SYNONYM and why[-1] == maps.NOT_MATCHED
    for heading, key in [
        ("Name of partnership", "name"),
        ("Ref No", "reference"),
        ("Directorate", "directorate"),
        ("Lead Service", "directorate"),
        ("Ref", "reference"),
        ("End Date", "proposed_end_date"),
    ]:
        assert maps.match(maps.c.PARTNERSHIPS, heading)[0] == key, heading


def test_a_council_csv_without_required_columns_imports_with_the_defaults_chosen_once(admin):
    book = council_file()
    plan = plan_of(book, defaults=assume.council_defaults())
    assert plan.ok, plan.problems
    assert plan.counts()["Partnerships"]["created"] == 4
    assert dict(plan.assumed.defaults_applied) == {
        "lead_organisation": 4,
        "council_role": 4,
        "incorporation": 4,
        "description": 4,
    }
    said = summary.of(plan)
    assert "Lead organisation: Chorley Council (4 rows)" in said.defaults
    assert "The council's role: Member (4 rows)" in said.defaults
    assert said.not_imported == ["Partnerships: RAG"]
    commit(admin, "council.csv", book, maps.suggested(book), ImportChoices(assume.council_defaults()))
    csp = Partnership.objects.get(name="Community Safety Partnership")
    assert csp.lead_organisation.name == "Chorley Council" and csp.council_role == "member"
    assert csp.statutory_status == "statutory" and csp.directorate.name == "Communities"
    assert csp.description == assume.NO_DESCRIPTION


def test_a_required_field_with_no_column_and_no_default_is_a_row_problem_and_nothing_is_written(admin):
    book = council_file()
    with pytest.raises(ImportRefused) as refused:
        commit(
            admin,
            "council.csv",
            book,
            maps.suggested(book),
            ImportChoices({"lead_organisation": "Chorley Council"}),
        )
    first_row = [p.message for p in refused.value.plan.problems if p.row == 2]
    assert sorted(first_row) == [
        "Enter the council's role",
        "Enter the description",
        "Enter the legal status",
    ]
    assert not Partnership.objects.exists() and not AuditEvent.objects.exists()


def test_references_are_made_from_the_pattern_unique_against_the_register_and_the_file(admin, settings):
    f.PartnershipFactory(reference="P-0001", name="Already here")
    headings = ["Ref", *HEADINGS]
    rows = [["P-0002", *ROWS[0]], ["", *ROWS[1]], ["", *ROWS[2]]]
    plan = plan_of(council_file(rows, headings), defaults=assume.council_defaults())
    assert plan.assumed.references == [(3, "P-0003"), (4, "P-0004")]
    assert summary.of(plan).references == ["row 3: P-0003", "row 4: P-0004"]
    settings.ACCORD_IMPORT_REFERENCE_PATTERN = "PSHIP-{n:03}"
    plan = plan_of(council_file(), defaults=assume.council_defaults())
    assert [ref for _, ref in plan.assumed.references] == ["PSHIP-001", "PSHIP-002", "PSHIP-003", "PSHIP-004"]
    settings.ACCORD_IMPORT_REFERENCE_PATTERN = "FIXED"
    plan = plan_of(council_file(), defaults=assume.council_defaults())
    assert 'The reference pattern "FIXED" must contain {n}' in plan.problems[0].message


def test_statuses_come_from_the_dates_and_are_counted_or_set_for_the_whole_import(admin):
    book = council_file()
    plan = plan_of(book, defaults=assume.council_defaults())
    assert dict(plan.assumed.statuses) == {"active": 1, "closed": 1, "proposed": 2}
    assert summary.of(plan).statuses == "1 will be active, 1 closed, 2 proposed: because of their dates"
    everything_active = plan_of(book, defaults=assume.council_defaults(), status_rule="active")
    assert dict(everything_active.assumed.statuses) == {"active": 4}
    assert summary.of(everything_active).statuses.endswith("as chosen for the whole import")


def test_active_and_closed_partnerships_are_recorded_retrospectively_with_the_file_as_the_reason(admin):
    book = council_file()
    commit(admin, "council.csv", book, maps.suggested(book), ImportChoices(assume.council_defaults()))
    statuses = dict(Partnership.objects.values_list("name", "status"))
    assert statuses == {
        "Community Safety Partnership": "active",
        "Town Centre BID": "closed",
        "Youth Hub": "proposed",
        "Health and Wellbeing Board": "proposed",
    }
    closed = Transition.objects.get(partnership__name="Town Centre BID")
    assert closed.retrospective and closed.to_status == "closed" and closed.decided_on == date(2024, 3, 31)
    assert closed.reason == "Recorded retrospectively: imported from council.csv."
    assert not Transition.objects.get(partnership__name="Youth Hub").retrospective
    assert AuditEvent.objects.filter(
        object_label__contains="Town Centre BID", reason="Imported from council.csv"
    ).exists()


def test_a_bad_default_is_a_plain_message():
    with pytest.raises(assume.BadDefault, match="not a field a default can be given for"):
        assume.check("name", "x")
    with pytest.raises(assume.BadDefault, match='The council\'s role "boss" is not one of'):
        assume.check("council_role", "boss")


def test_the_councils_own_defaults_are_offered_first(lists, settings):
    assert "partnership_type" not in assume.council_defaults()  # two active types: no guess
    settings.ACCORD_IMPORT_DEFAULTS = {"partnership_type": "Public sector strategic", "name": "ignored"}
    offered = assume.council_defaults()
    assert offered["partnership_type"] == "Public sector strategic" and "name" not in offered
    assert offered["lead_organisation"] == "Chorley Council" and offered["council_role"] == "member"
