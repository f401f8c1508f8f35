"""A council's own way of writing values imports: Y/N and ✓/✗ for statutory status, dd/mm/yy and
"1 April 2024" dates, "£1.25m" and "12,500" amounts (issue 18; the parser is accord.kernel.values)."""

from datetime import date
from decimal import Decimal

from accord.outputs.transfer.commit import commit
from accord.outputs.transfer.plan import build
from accord.outputs.transfer.reading import read
from accord.register.models import Contribution, Partnership

from .helpers import PARTNERSHIP_HEADERS, csv_bytes, guessed_mapping, partnership_row, xlsx

CONTRIBUTION_HEADERS = [
    "Partnership reference",
    "Financial year",
    "Category",
    "Amount (£)",
    "Form of finance",
]


def test_statutory_status_written_yes_or_no_imports_as_the_councils_choice(admin):
    rows = [
        partnership_row("S-1", "One", **{"Statutory status": "Y"}),
        partnership_row("S-2", "Two", **{"Statutory status": "N"}),
        partnership_row("S-3", "Three", **{"Statutory status": "yes"}),
        partnership_row("S-4", "Four", **{"Statutory status": "✗"}),
        partnership_row("S-5", "Five", **{"Statutory status": "Statutory"}),
    ]
    book = read("register.csv", csv_bytes([PARTNERSHIP_HEADERS, *rows]))
    commit(admin, "register.csv", book, guessed_mapping(book))
    statuses = dict(Partnership.objects.values_list("reference", "statutory_status"))
    assert statuses == {
        "S-1": "statutory",
        "S-2": "non_statutory",
        "S-3": "statutory",
        "S-4": "non_statutory",
        "S-5": "statutory",
    }


def test_dates_and_money_as_councils_write_them_import(admin):
    rows = [
        partnership_row("D-1", "One", **{"Start date": "1/4/10", "Proposed end date": "31 March 2030"}),
        partnership_row("D-2", "Two", **{"Start date": "2024-04-01", "Proposed end date": "31.03.2027"}),
    ]
    money = [
        CONTRIBUTION_HEADERS,
        ["D-1", "2025/26", "Finance", "£1.25m", "Grant"],
        ["D-1", "2024/25", "Finance", "12,500", "Grant"],
        ["D-2", "2025/26", "Finance", "£5,000.50", "Pooled budget"],
    ]
    book = read("register.xlsx", xlsx({"Partnerships": [PARTNERSHIP_HEADERS, *rows], "Contributions": money}))
    commit(admin, "register.xlsx", book, guessed_mapping(book))
    one, two = Partnership.objects.order_by("reference")
    assert (one.start_date, one.proposed_end_date) == (date(2010, 4, 1), date(2030, 3, 31))
    assert (two.start_date, two.proposed_end_date) == (date(2024, 4, 1), date(2027, 3, 31))
    amounts = sorted(Contribution.objects.values_list("partnership__reference", "year", "amount"))
    assert amounts == [
        ("D-1", 2024, Decimal("12500")),
        ("D-1", 2025, Decimal("1250000")),
        ("D-2", 2025, Decimal("5000.50")),
    ]


def test_a_negative_contribution_in_brackets_is_refused_in_plain_words(admin):
    book = read(
        "register.xlsx",
        xlsx(
            {
                "Partnerships": [PARTNERSHIP_HEADERS, partnership_row("N-1", "One")],
                "Contributions": [CONTRIBUTION_HEADERS, ["N-1", "2025/26", "Finance", "(1,000)", "Grant"]],
            }
        ),
    )
    plan = build("register.xlsx", book, guessed_mapping(book))
    assert [str(p) for p in plan.problems] == [
        'Contributions sheet, row 2: Amount (£) "(1,000)" must be £0 or more'
    ]
