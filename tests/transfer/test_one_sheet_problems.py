"""A one-sheet register's extra columns with values that cannot land: each is a plain problem naming
its spreadsheet row, and nothing is written; what is left out on purpose is said, never dropped."""

from datetime import timedelta
from decimal import Decimal

import pytest

from accord.frameworks import loader, services
from accord.frameworks.council_duties import financial_year_start
from accord.frameworks.models import PriorCompletion
from accord.kernel import clock
from accord.kernel.audit.models import AuditEvent
from accord.outputs.transfer.commit import ImportRefused, commit
from accord.outputs.transfer.plan import build
from accord.outputs.transfer.reading import read
from accord.register.models import Contribution, Organisation, Partnership
from tests import factories as f

from .helpers import PARTNERSHIP_HEADERS, guessed_mapping, partnership_row, xlsx
from .one_sheet import register, reviewed_on, row


def refused(book, mapping) -> list[str]:
    with pytest.raises(ImportRefused) as caught:
        commit(None, "register.csv", book, mapping, framework=loader.current())
    assert not Partnership.objects.exists() and not Contribution.objects.exists()
    assert not PriorCompletion.objects.exists() and not AuditEvent.objects.exists()
    return [str(p) for p in caught.value.plan.problems]


def test_a_negative_or_unreadable_contribution_is_a_row_problem_and_nothing_is_written(admin):
    book, mapping = register(
        row("A-1", "One", {"Council Contribution": "-500"}),
        row("A-2", "Two", {"Council Contribution": "(1,000)"}),
        row("A-3", "Three", {"Council Contribution": "about ten grand"}),
        row("A-4", "Four", {"Council Contribution": "£5,000"}),
    )
    assert refused(book, mapping) == [
        'Partnerships sheet, row 2: Council contribution "-500" must be £0 or more',
        'Partnerships sheet, row 3: Council contribution "(1,000)" must be £0 or more',
        'Partnerships sheet, row 4: Council contribution "about ten grand" must be an amount in pounds, '
        "like 12,500 or £1.25m",
    ]


def test_an_invalid_org_id_in_brackets_is_a_row_problem(admin):
    book, mapping = register(
        row("B-1", "One", {"Partner organisations": "Age UK Lancashire; BID Company Ltd (GB-COH-1122)"}),
        row("B-2", "Two", {"Partner organisations": "Groundwork (XX-ABC-123)"}),
    )
    problems = refused(book, mapping)
    assert problems[0].startswith(
        'Partnerships sheet, row 2: Partner organisations: the org-id "GB-COH-1122" of BID Company Ltd: '
    )
    assert problems[1].startswith('Partnerships sheet, row 3: Partner organisations: the org-id "XX-ABC-123"')
    assert "is not an organisation identifier scheme Accord knows" in problems[1]
    assert not Organisation.objects.filter(name__startswith="Age UK").exists()


def test_a_lead_officer_two_people_share_the_name_of_is_a_row_problem(admin):
    council = Organisation.objects.get(is_council=True)
    f.PersonFactory(name="Sam Patel", organisation=council)
    f.PersonFactory(name="Sam  patel", organisation=council)
    book, mapping = register(row("C-1", "One", {"Lead Officer": "sam patel"}))
    assert refused(book, mapping) == [
        'Partnerships sheet, row 2: Lead Officer: more than one person is called "sam patel": name the lead '
        "officer on a Representatives sheet, with their email"
    ]


def test_a_last_review_on_or_after_go_live_is_refused_and_says_why(admin):
    go_live = clock.today() - timedelta(days=30)
    services.set_tracking_from(admin, go_live, "Went live", framework=loader.current())
    book, mapping = register(
        row("D-1", "One", {"Date of last review": go_live.strftime("%d/%m/%Y")}),
        row("D-2", "Two", {"Date of last review": (go_live - timedelta(days=1)).strftime("%d/%m/%Y")}),
    )
    plan = build("register.csv", book, mapping, framework=loader.current())
    long = f"{go_live.day} {go_live:%B %Y}"
    assert [str(p) for p in plan.problems] == [
        f"Partnerships sheet, row 2: Date of last review ({long}) must be before {long}, when Accord began "
        "tracking the council's duties: a review since then is recorded in Accord itself"
    ]


def test_without_a_go_live_date_a_last_review_today_is_refused_as_the_import_starts_tracking(admin):
    today = clock.today()
    book, mapping = register(row("E-1", "One", {"Date of last review": today.strftime("%d/%m/%Y")}))
    problems = refused(book, mapping)
    assert len(problems) == 1
    assert "no go-live date is set: it is the day the register's first partnership was entered" in problems[0]


def test_a_closed_partnership_keeps_its_columns_that_cannot_change_in_the_preview(admin):
    book, mapping = register(
        row(
            "F-1",
            "Old Partnership",
            {
                "Governance document": "MoU (signed)",
                "Date of last review": reviewed_on().strftime("%d/%m/%Y"),
            },
            **{"Status": "Closed", "Start date": "01/04/2010", "Proposed end date": "31/03/2024"},
        )
    )
    plan = build("register.csv", book, mapping, framework=loader.current())
    assert plan.ok, [str(p) for p in plan.problems]
    assert [str(p) for p in plan.extras.not_recorded] == [
        'Partnerships sheet, row 2: Governance document "MoU (signed)" is not recorded: the partnership is '
        "closed, so its records cannot change",
        "Partnerships sheet, row 2: Date of last review is not recorded: the partnership is closed, so no "
        "review is due",
    ]


def test_columns_no_field_is_chosen_for_are_listed_as_not_imported(admin):
    headers = ["Reference", "Name", "Description", "Type", "Statutory", "Legal status", "Lead organisation"]
    headers += ["Council role", "Service", "Ward", "RAG rating"]
    cells = ["G-1", "One", "One.", "Public sector strategic", "Y", "Unincorporated", "Chorley Council"]
    cells += ["Member", "Communities", "Astley", "Green"]
    book, mapping = register(cells, headers=headers)
    plan = build("register.csv", book, mapping, framework=loader.current())
    assert plan.extras.not_imported == [("Partnerships", "Ward"), ("Partnerships", "RAG rating")]
    assert plan.ok


def test_a_contribution_also_on_the_contributions_sheet_is_given_once(admin):
    start = financial_year_start(clock.today()).year
    content = xlsx(
        {
            "Partnerships": [
                [*PARTNERSHIP_HEADERS, "Council contribution"],
                [*partnership_row("H-1", "One"), "£1,000"],
            ],
            "Contributions": [
                ["Partnership reference", "Financial year", "Category", "Amount (£)", "Description"],
                ["H-1", f"{start}/{(start + 1) % 100:02d}", "Finance", "1000", "Council contribution"],
            ],
        }
    )
    book = read("register.xlsx", content)
    plan = build("register.xlsx", book, guessed_mapping(book), framework=loader.current())
    assert [str(p) for p in plan.problems] == [
        f"Partnerships sheet, row 2: Council contribution for {start}/{(start + 1) % 100:02d} is also on "
        "row 2 of the Contributions sheet: give it once"
    ]


def test_in_kind_support_written_as_an_amount_is_valued_and_a_negative_one_refused(admin):
    book, mapping = register(
        row("I-1", "One", {"In-kind support": "£1.25m"}),
        row("I-2", "Two", {"In-kind support": "-£300"}),
    )
    plan = build("register.csv", book, mapping, framework=loader.current())
    assert [str(p) for p in plan.problems] == [
        'Partnerships sheet, row 3: In-kind support "-£300" must be £0 or more'
    ]
    valued = [ch.values for ch in plan.changes["Contributions"] if ch.row == 2]
    assert [(v["amount"], v["description"], v["finance_form"]) for v in valued] == [
        (Decimal("1250000"), "In-kind support", "in_kind")
    ]
