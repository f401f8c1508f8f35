"""Each kind of problem in a row, in the words the preview shows, with the spreadsheet row number."""

import pytest

from accord.outputs.transfer.plan import build
from accord.outputs.transfer.reading import read
from tests import factories as f

from .helpers import PARTNERSHIP_HEADERS, guessed_mapping, partnership_row, xlsx


def problems(rows, **sheets):
    book = read("register.xlsx", xlsx({"Partnerships": [PARTNERSHIP_HEADERS, *rows], **sheets}))
    return [str(p) for p in build("register.xlsx", book, guessed_mapping(book)).problems]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"Proposed end date": "31/02/2024"}, 'Proposed end date "31/02/2024" must be a real date'),
        (
            {"Start date": "next Tuesday"},
            'Start date "next Tuesday" must be a date, like 31/03/2025, 2025-03-31 or 31 March 2025',
        ),
        ({"Type": "Joint venture"}, 'Type "Joint venture" is not one of the council\'s partnership types ('),
        (
            {"Lead directorate or service": "Finance"},
            'Lead directorate or service "Finance" is not one of the council\'s directorates or services (',
        ),
        ({"Statutory status": "maybe"}, 'Statutory status "maybe" is not one of: Statutory, Non-statutory'),
        ({"Name": ""}, "Enter the name"),
        ({"Name": "x" * 201}, "Name must be 200 characters or fewer (it has 201)"),
        (
            {"Start date": "2025-01-01", "Proposed end date": "2024-12-31"},
            "Proposed end date must be after the start date",
        ),
    ],
)
def test_each_problem_is_reported_in_plain_words_with_its_row(lists, overrides, message):
    rows = [partnership_row(f"P-{n}", f"Partnership {n}") for n in range(1, 13)]
    rows.append(partnership_row("P-13", "Partnership 13", **overrides))
    (found,) = problems(rows)
    expected = f"Partnerships sheet, row 14: {message}"
    assert found.startswith(expected) if message.endswith("(") else found == expected
    if message.startswith("Type"):
        # the allowed values: the framework's own types (Chorley's)
        assert "Contractual arrangement" in found and "Partnership required under legislation" in found
    if message.startswith("Lead directorate"):
        assert "Communities" in found and "Place" in found


def test_a_reference_given_twice_is_a_problem(lists):
    rows = [partnership_row("CSP-01", "One"), partnership_row("csp-01", "Two")]
    assert problems(rows) == [
        "Partnerships sheet, row 3: Reference CSP-01 is also on row 2: each must be different"
    ]


def test_an_invalid_org_id_is_a_problem(lists):
    headers = [*PARTNERSHIP_HEADERS, "Lead organisation org-id"]
    book = read("r.xlsx", xlsx({"Partnerships": [headers, partnership_row("A", "A") + ["GB-COH-123"]]}))
    found = [p.message for p in build("r.xlsx", book, guessed_mapping(book)).problems]
    assert len(found) == 1 and found[0].startswith('Lead organisation org-id "GB-COH-123":')


def test_money_accepts_pounds_and_commas_and_refuses_words(lists):
    f.PartnershipFactory(reference="CSP-01")
    sheet = [
        ["Partnership reference", "Financial year", "Category", "Amount (£)", "Description"],
        ["CSP-01", "2025/26", "Finance", "£1,234.50", "Grant"],
        ["CSP-01", 2024, "finance", "lots", "Grant"],
        ["CSP-01", "2023-24", "Officer time", -5, "Time"],
    ]
    book = read("r.xlsx", xlsx({"Contributions": sheet}))
    plan = build("r.xlsx", book, guessed_mapping(book))
    assert [str(p) for p in plan.problems] == [
        'Contributions sheet, row 3: Amount (£) "lots" must be an amount in pounds, like 12,500 or £1.25m',
        'Contributions sheet, row 4: Amount (£) "-5" must be £0 or more',
    ]
    (change,) = plan.changes["Contributions"]
    assert str(change.values["amount"]) == "1234.50" and change.values["year"] == 2025


def test_a_child_row_must_name_a_partnership_in_the_register_or_the_file(lists):
    members = [["Partnership reference", "Organisation"], ["NOPE-1", "Lancashire Constabulary"]]
    assert problems([partnership_row("CSP-01", "One")], Members=members) == [
        "Members sheet, row 2: Partnership reference NOPE-1 is not in the register or the Partnerships sheet"
    ]


def test_excel_date_cells_and_day_numbers_are_read_as_dates(lists):
    from datetime import datetime

    rows = [partnership_row("A", "A", **{"Start date": datetime(2024, 4, 1), "Proposed end date": 46112})]
    book = read("r.xlsx", xlsx({"Partnerships": [PARTNERSHIP_HEADERS, *rows]}))
    plan = build("r.xlsx", book, guessed_mapping(book))
    values = plan.changes["Partnerships"][0].values
    assert (values["start_date"].isoformat(), values["proposed_end_date"].isoformat()) == (
        "2024-04-01",
        "2026-03-31",
    )
