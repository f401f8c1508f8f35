"""Shared by the monitoring pages: who may see and change a partnership's performance record, how
measures and statuses read, and the breadcrumbs."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.urls import reverse
from markupsafe import Markup

from accord.kernel.accounts.policy import Action, can
from accord.kernel.ui.formatting import money
from accord.register.access import partnership_for
from accord.register.models import Partnership
from accord.register.services import Finished, StaleEdit  # noqa: F401  (views catch them from here)

from .. import performance
from ..services import MonitoringError

REFUSED = (MonitoringError, Finished)


def monitoring_partnership(request: HttpRequest, pk: int, change: bool = False) -> Partnership:
    """The partnership whose performance record this is: VIEW_MONITORING to see it (staff only),
    CHANGE_MONITORING and not finished to change it."""
    partnership = partnership_for(request, pk, Action.CHANGE_MONITORING if change else Action.VIEW_MONITORING)
    if change and partnership.is_finished:
        raise PermissionDenied(
            f"{partnership.name} is {partnership.get_status_display().lower()}: read-only."
        )
    return partnership


def can_change(request: HttpRequest, partnership: Partnership) -> bool:
    return not partnership.is_finished and can(request.user, Action.CHANGE_MONITORING, partnership)


def data(request: HttpRequest):
    return request.POST if request.method == "POST" else None


def _tag(colour: str, text: str) -> Markup:
    return Markup('<strong class="govuk-tag govuk-tag--{}">{}</strong>').format(colour, text)


STATUS_COLOURS = {
    performance.ON_TARGET: "green",
    performance.NEAR_TARGET: "yellow",
    performance.OFF_TARGET: "red",
}


def status_tag(status: str | None) -> Markup:
    if not status:
        return _tag("grey", "No value yet")
    return _tag(STATUS_COLOURS.get(status, "grey"), performance.STATUS_LABELS.get(status, status))


MILESTONE_COLOURS = {
    "not_started": "grey",
    "on_track": "blue",
    "at_risk": "orange",
    "done": "green",
    "missed": "red",
}


def milestone_tag(milestone) -> Markup:
    return _tag(MILESTONE_COLOURS.get(milestone.status, "grey"), milestone.get_status_display())


def budget_tag(on_budget: bool | None) -> Markup:
    if on_budget is None:
        return _tag("grey", "Actual not known")
    return _tag("green", "On budget") if on_budget else _tag("red", "Over budget")


def signed_money(value: Decimal | None) -> str:
    """£1,200 over, -£300 under; "Not known" when there is no figure."""
    if value is None:
        return "Not known"
    return money(value) if value >= 0 else f"-{money(-value)}"


def number(value: Decimal | None) -> str:
    """1234.50 -> 1,234.5; 85.00 -> 85."""
    if value is None:
        return ""
    text = f"{value:,.2f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def measure(value: Decimal | None, unit: str) -> str:
    """A value in its unit, as people write it: £1,234, 85%, 12 days."""
    if value is None:
        return "Not recorded"
    unit = (unit or "").strip()
    if unit in ("£", "GBP", "pounds"):
        return f"£{number(value)}" if value >= 0 else f"-£{number(-value)}"
    if unit == "%":
        return f"{number(value)}%"
    return f"{number(value)} {unit}".strip()


def crumbs(partnership: Partnership, *extra: tuple[str, str]) -> list[dict[str, str]]:
    """Register, the partnership, Performance, then any deeper pages as (text, href)."""
    items = [
        {"text": "Register", "href": reverse("register")},
        {"text": partnership.name, "href": reverse("partnership", args=[partnership.pk])},
        {"text": "Performance", "href": reverse("performance", args=[partnership.pk])},
    ]
    return items + [{"text": text, "href": href} for text, href in extra]
