"""Monitoring as evidence for the framework engines (an `EvidenceSource`, registered with
accord.frameworks.sources in AppConfig.ready()).

- A submitted progress report meets its own artefact (`artefact:<id>`), dated the day it was submitted,
  when it covers a real period: one that ends after it starts (ADR 0024).
- Where the framework's `monitoring:` section says so (accord.domain.monitoring.rules):
  `period_values` — a period's indicator values meet the artefact on the day they count as reported
  (`performance.reported_on`); `exception_report` — the same, for periods in which every value off
  target has its corrective action; `delivery_plan` — a financial year's milestones meet the artefact
  on the day the first was entered.

At most three queries for any number of partnerships, each grouped in the database.
"""

from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from django.db.models import Count, F, Max, Min, Q
from django.utils import timezone

from accord.frameworks.apply import ARTEFACT_KEY
from accord.frameworks.schema import Framework
from accord.register.models import Partnership

from . import performance, rules
from .models import IndicatorValue, Milestone, ProgressReport, ReportStatus, Status

CHUNK = 2000
Found = dict[int, dict[str, tuple[date, ...]]]


def _add(found: Found, pk: int, artefacts: Iterable[str], day: date) -> None:
    for artefact in artefacts:
        key = ARTEFACT_KEY + artefact
        found.setdefault(pk, {})[key] = (*found.get(pk, {}).get(key, ()), day)


def progress_evidence(ids: list[int], found: Found) -> None:
    rows = ProgressReport.objects.filter(
        partnership_id__in=ids,
        status=ReportStatus.SUBMITTED,
        submitted_on__isnull=False,
        period_end__gt=F("period_start"),
    ).values_list("partnership_id", "artefact_id", "submitted_on")
    for pk, artefact_id, submitted_on in rows.iterator(chunk_size=CHUNK):
        _add(found, pk, [artefact_id], submitted_on)


def period_evidence(ids: list[int], found: Found, values_meet: tuple, exceptions_meet: tuple) -> None:
    """One row per partnership, period end and frequency: when it was last recorded, and how many
    values off target have no corrective action."""
    unexplained = Count("pk", filter=Q(status=Status.OFF_TARGET, corrective_action=""))
    rows = (
        IndicatorValue.objects.filter(indicator__partnership_id__in=ids)
        .values_list("indicator__partnership_id", "period_end", "indicator__frequency")
        .annotate(recorded=Max("recorded_at"), unexplained=unexplained)
        .order_by()
    )
    for pk, period_end, frequency, recorded, missing in rows.iterator(chunk_size=CHUNK):
        day = performance.reported_on(frequency, period_end, timezone.localdate(recorded))
        _add(found, pk, values_meet, day)
        if not missing:
            _add(found, pk, exceptions_meet, day)


def plan_evidence(ids: list[int], found: Found, plans_meet: tuple) -> None:
    rows = (
        Milestone.objects.filter(partnership_id__in=ids)
        .values_list("partnership_id", "plan_year")
        .annotate(first=Min("created_at"))
        .order_by()
    )
    for pk, _year, first in rows.iterator(chunk_size=CHUNK):
        _add(found, pk, plans_meet, timezone.localdate(first))


class MonitoringEvidence:
    def __init__(self, partnerships: Sequence[Partnership], framework: Framework):
        self._framework = framework
        """Made with the partnerships like every source; the methods name the ones wanted."""

    def evidence(self, partnership_ids: Iterable[int]) -> Mapping[int, Mapping[str, tuple[date, ...]]]:
        ids = list(partnership_ids)
        found: Found = {}
        if not ids:
            return found
        framework = self._framework
        progress_evidence(ids, found)
        values_meet = rules.artefacts_met_by(framework, rules.PERIOD_VALUES)
        exceptions_meet = rules.artefacts_met_by(framework, rules.EXCEPTION_REPORT)
        if values_meet or exceptions_meet:
            period_evidence(ids, found, values_meet, exceptions_meet)
        plans_meet = rules.artefacts_met_by(framework, rules.DELIVERY_PLAN)
        if plans_meet:
            plan_evidence(ids, found, plans_meet)
        return found

    def anchors(self, partnership_ids: Iterable[int]) -> Mapping[int, Mapping[str, date | None]]:
        return {}
