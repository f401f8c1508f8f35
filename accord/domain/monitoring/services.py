"""Every change to a partnership's performance record goes through these functions: one transaction
each, the partnership locked (a finished partnership is refused), the change in the partnership's
history, and obligations kept in step (values, exception reports and delivery plans are evidence).
Progress reports are in accord.domain.monitoring.progress."""

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.db import models, transaction
from django.db.models import F

from accord.frameworks.store import partnerships_changed
from accord.kernel import clock
from accord.kernel.accounts.models import User
from accord.kernel.audit.models import Action as AuditAction
from accord.kernel.audit.models import AuditEvent
from accord.kernel.audit.service import Actor, snapshot
from accord.kernel.audit.service import record as audit
from accord.register.models import Partnership
from accord.register.services import HasVersion, StaleEdit, lock_open

from . import performance
from .models import BudgetYear, Indicator, IndicatorValue, Milestone, MilestoneStatus


class MonitoringError(Exception):
    """A change refused; the message says why in plain words."""


INDICATOR_FIELDS = (
    "name",
    "definition",
    "unit",
    "baseline",
    "target",
    "direction",
    "tolerance",
    "frequency",
    "source",
    "owner",
    "active",
)
MILESTONE_FIELDS = ("plan_year", "title", "due_on", "owner", "status", "completed_on", "note")
BUDGET_FIELDS = ("year", "budget", "actual", "explanation")


def _changed(
    actor: Actor,
    instance: models.Model,
    before: dict[str, tuple[str, str]],
    partnership: Partnership,
    reason: str = "",
) -> None:
    action = AuditAction.CHANGED if before else AuditAction.CREATED
    after = snapshot(instance, ["partnership", "indicator"])
    audit(
        actor=actor,
        instance=instance,
        action=action,
        before=before,
        after=after,
        reason=reason,
        partnership=partnership,
    )
    partnerships_changed([partnership.pk])


def stale(instance: HasVersion, object_type: str) -> StaleEdit:
    """The refusal of a stale edit, with the change that came in first."""
    latest = AuditEvent.objects.filter(object_type=object_type, object_id=instance.pk).order_by("-at", "-id")
    return StaleEdit(instance, list(latest[:1]))


@transaction.atomic
def save_indicator(
    actor: Actor,
    partnership: Partnership,
    values: Mapping[str, Any],
    indicator: Indicator | None = None,
    expected_version: int | None = None,
) -> Indicator:
    """Add an indicator, or change one (refused if someone else saved it since `expected_version`)."""
    partnership = lock_open(partnership)
    if values.get("tolerance") is not None and values["tolerance"] < 0:
        raise MonitoringError("The tolerance cannot be negative")
    before: dict[str, tuple[str, str]] = {}
    if indicator is None:
        indicator = Indicator(partnership=partnership)
    else:
        indicator = Indicator.objects.select_for_update().get(pk=indicator.pk, partnership=partnership)
        if expected_version is not None and indicator.version != expected_version:
            raise stale(indicator, "indicator")
        before = snapshot(indicator, ["partnership"])
        indicator.version = F("version") + 1
    for name in INDICATOR_FIELDS:
        if name in values:
            setattr(indicator, name, values[name])
    if indicator.tolerance is None:
        indicator.tolerance = Decimal("0")
    indicator.save()
    indicator.refresh_from_db()
    _changed(actor, indicator, before, partnership)
    return indicator


@transaction.atomic
def record_value(
    actor: Actor,
    indicator: Indicator,
    period: performance.Period,
    actual: Decimal,
    note: str = "",
    corrective_action: str = "",
    value: IndicatorValue | None = None,
) -> IndicatorValue:
    """Record the actual for a period (or correct one recorded), judged against the indicator's
    target now; off target needs the corrective action agreed (Central Bedfordshire 2.13.2)."""
    partnership = lock_open(indicator.partnership)
    indicator = Indicator.objects.select_for_update().get(pk=indicator.pk)
    if value is None and not indicator.active:
        raise MonitoringError(f"{indicator.name} is no longer reported; make it active to record a value")
    taken = IndicatorValue.objects.filter(indicator=indicator, period_start=period.start)
    if value is not None:
        taken = taken.exclude(pk=value.pk)
    if taken.exists():
        raise MonitoringError(f"A value for {period.label} is already recorded; change that one instead")
    target = indicator.target if value is None else value.target
    status = performance.status_against_target(actual, target, indicator.direction, indicator.tolerance)
    if status == performance.OFF_TARGET and not corrective_action.strip():
        raise MonitoringError(
            f"{actual} is off target ({target}): enter the corrective action agreed for the exception report"
        )
    before = snapshot(value, ["indicator"]) if value is not None else {}
    if value is None:
        value = IndicatorValue(indicator=indicator, target=target, recorded_by=_user(actor))
    value.period_label, value.period_start, value.period_end = period.label, period.start, period.end
    value.actual, value.status = actual, status
    value.note, value.corrective_action = note.strip(), corrective_action.strip()
    value.save()
    _changed(actor, value, before, partnership, f"Indicator {indicator.name}")
    return value


def _user(actor: Actor) -> User | None:
    return actor if isinstance(actor, User) and actor.pk else None


@transaction.atomic
def save_milestone(
    actor: Actor, partnership: Partnership, values: Mapping[str, Any], milestone: Milestone | None = None
) -> Milestone:
    """Add a delivery plan milestone or change it; done sets the date completed (today unless given)."""
    partnership = lock_open(partnership)
    before = snapshot(milestone, ["partnership"]) if milestone is not None else {}
    milestone = milestone or Milestone(partnership=partnership)
    for name in MILESTONE_FIELDS:
        if name in values:
            setattr(milestone, name, values[name])
    if milestone.status == MilestoneStatus.DONE:
        milestone.completed_on = milestone.completed_on or clock.today()
    else:
        milestone.completed_on = None
    milestone.save()
    _changed(actor, milestone, before, partnership)
    return milestone


@transaction.atomic
def save_budget_year(
    actor: Actor, partnership: Partnership, values: Mapping[str, Any], budget_year: BudgetYear | None = None
) -> BudgetYear:
    """The council's budget for the partnership in a financial year and, when known, the actual; an
    overspend needs its explanation."""
    partnership = lock_open(partnership)
    year = values.get("year", budget_year.year if budget_year else None)
    taken = BudgetYear.objects.filter(partnership=partnership, year=year)
    if budget_year is not None:
        taken = taken.exclude(pk=budget_year.pk)
    if taken.exists():
        raise MonitoringError(
            f"{performance.financial_year_label(year)} already has a budget; change that one instead"
        )
    budget, actual = values.get("budget"), values.get("actual")
    if (
        budget is not None
        and performance.on_budget(budget, actual) is False
        and not (values.get("explanation") or "").strip()
    ):
        raise MonitoringError("Explain why the actual is over budget")
    before = snapshot(budget_year, ["partnership"]) if budget_year is not None else {}
    budget_year = budget_year or BudgetYear(partnership=partnership)
    for name in BUDGET_FIELDS:
        if name in values:
            setattr(budget_year, name, values[name])
    budget_year.explanation = (budget_year.explanation or "").strip()
    budget_year.save()
    _changed(actor, budget_year, before, partnership)
    return budget_year
