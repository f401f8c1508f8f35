"""How values read on screen: GOV.UK style dates and money, status tags."""

from datetime import date, datetime
from decimal import Decimal

from django.utils import timezone


def money(value: Decimal | None) -> str:
    if value is None:
        return ""
    return f"£{value:,.0f}" if value == value.to_integral_value() else f"£{value:,.2f}"


def govuk_date(value: date | None) -> str:
    return value.strftime("%-d %B %Y") if value else ""


def govuk_datetime(value: datetime | None) -> str:
    if not value:
        return ""
    local = timezone.localtime(value)
    return local.strftime("%-d %B %Y at %-I:%M") + local.strftime("%p").lower()


def yesno(value: bool | None) -> str:
    return "Yes" if value else "No"


def blank(value, text: str = "Not recorded") -> str:
    return text if value in (None, "") else value
