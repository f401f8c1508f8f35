"""Reminder test data: a key partnership under Chorley's framework with a report due on a known
day, and the people who own it and are accountable for it."""

from datetime import date

from accord.register.models import Partnership, Person
from tests import factories as f

JOINED = date(2026, 1, 1)
REPORT_DUE = date(2026, 7, 1)  # Chorley's bi-annual performance report: six months after joining
GOVERNANCE_DUE = date(2027, 1, 1)  # the annual governance check: a year after joining
REPORT = "bi_annual_performance_report"
GOVERNANCE = "annual_governance_check"


def key_partnership(name: str = "Chorley Community Safety Partnership", **extra) -> Partnership:
    """A key partnership (so Chorley's obligations apply), joined on JOINED."""
    extra.setdefault("start_date", JOINED)
    return f.PartnershipFactory(name=name, is_key_partnership=True, **extra)


def person(name: str, email: str = "", username: str | None = None, **user) -> Person:
    """A council officer in the register; with `username`, they can also sign in."""
    found = f.PersonFactory(name=name, email=email)
    if username:
        f.make_user(user.pop("role", "officer"), username=username, person=found, **user)
    return found


def hold(partnership: Partnership, holder: Person, role: str, **extra) -> None:
    f.RoleFactory(partnership=partnership, person=holder, role=role, **extra)
