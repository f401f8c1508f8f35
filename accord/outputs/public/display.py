"""How a public record's values read on its page: GOV.UK dates and money (the record holds ISO text)."""

from datetime import date, datetime
from decimal import Decimal

from django.utils import timezone

from accord.kernel.ui.formatting import govuk_date, money


def _day(value: str | None) -> str:
    return govuk_date(date.fromisoformat(value)) if value else ""


def for_page(record: dict) -> dict:
    """The strings the partnership's page shows for the record's dates and amounts."""
    report = record["latest_report"]
    updated = record["last_updated"]
    return {
        "start_date": _day(record["start_date"]),
        "proposed_end_date": _day(record["proposed_end_date"]),
        "contribution": [
            (c["financial_year"], money(Decimal(c["amount"]))) for c in record["council_contribution"]
        ],
        "report_period": f"{_day(report['period_start'])} to {_day(report['period_end'])}" if report else "",
        "report_submitted": _day(report["submitted_on"]) if report else "",
        "last_updated": govuk_date(timezone.localtime(datetime.fromisoformat(updated))) if updated else "",
    }
