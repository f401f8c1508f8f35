"""The importer, the web forms and the API read money and dates with one parser, so they accept the
same values, store the same thing and refuse the same values in the same words (issue 18).

Each route gets the value in its own shape — a spreadsheet cell, GOV.UK's day/month/year boxes or a
form's text box, the API's JSON — and a refusal changes nothing."""

import html
import re
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from accord.kernel import values
from accord.outputs.transfer import cells
from accord.outputs.transfer import columns as c
from accord.register.models import Contribution, Partnership
from tests import factories as f

RANGE = values.DATE_RANGE

# (day, month, year) → the date every route stores, or the reason every route gives.
DATES = [
    ((1, 4, 2024), date(2024, 4, 1)),
    ((29, 2, 2024), date(2024, 2, 29)),
    ((1, 1, 1900), date(1900, 1, 1)),
    ((31, 12, 2100), date(2100, 12, 31)),
    ((1, 1, 1), RANGE),  # the web form took year 1, the importer refused it, the API said "4 numbers"
    ((31, 12, 9999), RANGE),  # the web form and the API took it; the importer refused it
    ((31, 12, 1899), RANGE),
    ((1, 1, 2101), RANGE),
    ((29, 2, 2023), values.DATE_NOT_REAL),
    ((31, 4, 2024), values.DATE_NOT_REAL),
]


def _importer_date(day: int, month: int, year: int) -> date | str:
    written = f"{day:02d}/{month:02d}/{year:04d}"
    try:
        return cells.read(c.PARTNERSHIPS.by_key["start_date"], written)
    except cells.CellProblem as problem:
        message = str(problem)
        assert f'"{written}"' in message  # the spreadsheet's report shows the value as written
        return message.replace(f' "{written}"', "")


def _web_date(client, partnership: Partnership, day: int, month: int, year: int) -> date | str:
    response = client.post(
        reverse("partnership-edit", args=[partnership.pk, "dates"]),
        {
            "start_date-day": str(day),
            "start_date-month": str(month),
            "start_date-year": f"{year:04d}",
            "version": partnership.version,
        },
    )
    return _stored_or_refused(response, partnership)


def _stored_or_refused(response, partnership: Partnership) -> date | str:
    partnership.refresh_from_db()
    if response.status_code == 302:
        return partnership.start_date
    assert response.status_code == 200 and "There is a problem" in response.content.decode()
    assert partnership.start_date is None  # nothing changed
    [message] = {
        html.unescape(m)
        for m in re.findall(
            r'<p id="[^"]*start_date[^"]*-error" class="govuk-error-message">\s*'
            r'<span class="govuk-visually-hidden">Error:</span>\s*([^<]+?)\s*</p>',
            response.content.decode(),
        )
    }
    return message


def _api_date(api, partnership: Partnership, day: int, month: int, year: int) -> date | str:
    response = api.patch(
        f"partnerships/{partnership.pk}",
        {"version": partnership.version, "start_date": f"{year:04d}-{month:02d}-{day:02d}"},
    )
    partnership.refresh_from_db()
    if response.status_code == 200:
        assert response.json()["start_date"] == partnership.start_date.isoformat()
        return partnership.start_date
    assert response.status_code == 422, response.content
    assert partnership.start_date is None  # nothing changed
    [error] = response.json()["errors"]
    assert error["field"] == "start_date"
    return error["message"]


@pytest.mark.django_db
@pytest.mark.parametrize(("parts", "outcome"), DATES, ids=lambda p: str(p))
def test_the_importer_the_web_form_and_the_api_agree_on_dates(client, api_as, users, parts, outcome):
    expected = outcome if isinstance(outcome, date) else f"Start date {outcome}"
    client.force_login(users["administrator"])
    on_the_web, through_the_api = (f.PartnershipFactory(reference=ref) for ref in ("WEB-01", "API-01"))
    assert _importer_date(*parts) == expected
    assert _web_date(client, on_the_web, *parts) == expected
    assert _api_date(api_as("administrator"), through_the_api, *parts) == expected


# Money as written → the amount every route reads, or the reason every route gives.
MONEY = [
    ("12,500", Decimal("12500")),
    ("£45,000", Decimal("45000")),
    ("1,250,000", Decimal("1250000")),
    ("£1,250,000", Decimal("1250000")),
    ("£5,000.50", Decimal("5000.50")),  # the web form refused this and "1,000"; the importer took them
    ("£1.25m", Decimal("1250000")),
    ("1.5 million", Decimal("1500000")),
    ("250k", Decimal("250000")),
    ("0", Decimal("0")),
    ("-1,000", values.MONEY_NEGATIVE),
    ("(1,000)", values.MONEY_NEGATIVE),
    ("lots", values.MONEY_FORMAT),
    ("£5.555", values.MONEY_PENCE),
    ("£1,000,000,000,000", values.MONEY_TOO_LARGE),
]


def _importer_money(written: str) -> Decimal | str:
    try:
        return cells.read(c.CONTRIBUTIONS.by_key["amount"], written)
    except cells.CellProblem as problem:
        return str(problem).replace(f' "{written}"', "")


def _web_money(client, partnership: Partnership, written: str) -> Decimal | str:
    response = client.post(
        reverse("child-add", args=[partnership.pk, "contributions"]),
        {
            "year": "2025",
            "category": "finance",
            "amount": written,
            "finance_form": "grant",
            "version": partnership.version,
        },
    )
    if response.status_code == 302:
        return Contribution.objects.get(partnership=partnership).amount
    page = html.unescape(response.content.decode())
    assert "There is a problem" in page
    assert not Contribution.objects.exists()  # nothing changed
    reasons = [r for r in (values.MONEY_NEGATIVE, values.MONEY_FORMAT, values.MONEY_PENCE,
                           values.MONEY_TOO_LARGE) if f"Amount (£) {r}" in page]  # fmt: skip
    assert len(reasons) == 1, reasons
    return f"Amount (£) {reasons[0]}"


def _api_money(api, written: str) -> Decimal | str:
    """The API writes no money; it reads an amount in the register's filter, with the same parser.
    The amount it read is the one that a partnership above it passes and one at it does not."""
    response = api.get("partnerships", contribution_above=written)
    if response.status_code == 422:
        [error] = response.json()["errors"]
        assert error["field"] == "contribution_above"
        return error["message"].replace("Council contribution above (£)", "Amount (£)")
    assert response.status_code == 200, response.content
    found = {row["reference"] for row in response.json()["results"]}
    assert found == {"ABOVE-01"}, found
    return Partnership.objects.get(reference="AT-01").latest_year_contribution


@pytest.mark.django_db
@pytest.mark.parametrize(("written", "outcome"), MONEY)
def test_the_importer_the_web_form_and_the_api_agree_on_money(client, api_as, users, written, outcome):
    expected = outcome if isinstance(outcome, Decimal) else f"Amount (£) {outcome}"
    client.force_login(users["administrator"])
    partnership = f.PartnershipFactory(reference="WEB-01")
    if isinstance(outcome, Decimal):  # one partnership at the amount, one a penny above it
        for reference, amount in (("AT-01", outcome), ("ABOVE-01", outcome + Decimal("0.01"))):
            f.PartnershipFactory(reference=reference)
            Partnership.objects.filter(reference=reference).update(latest_year_contribution=amount)
    assert _importer_money(written) == expected
    assert _api_money(api_as("administrator"), written) == expected  # before the web adds money
    assert _web_money(client, partnership, written) == expected


@pytest.mark.django_db
def test_a_budget_is_written_as_councils_write_money(client, users, own_partnership):
    from accord.domain.monitoring.models import BudgetYear

    client.force_login(users["officer"])
    add = reverse("budget-add", args=[own_partnership.pk])
    refused = client.post(add, {"year": "2025", "budget": "(1,000)"})
    assert "Budget (£) must be £0 or more" in html.unescape(refused.content.decode())
    assert not BudgetYear.objects.exists()
    client.post(add, {"year": "2025", "budget": "£1.25m", "actual": "1,200,000.50"})
    saved = BudgetYear.objects.get()
    assert (saved.budget, saved.actual) == (Decimal("1250000"), Decimal("1200000.50"))
