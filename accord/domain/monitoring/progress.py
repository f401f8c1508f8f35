"""Progress reports (Redditch §8 and App 3): written on the framework's template as a draft, then
submitted, after which they are read-only. A submitted report keeps the headings it was written
under and meets its artefact (accord.domain.monitoring.evidence). Every change is in the history."""

from collections.abc import Mapping
from datetime import date

from django.db import transaction
from django.db.models import F

from accord.frameworks.schema import Framework, Heading
from accord.frameworks.store import partnerships_changed
from accord.kernel import clock
from accord.kernel.accounts.models import User
from accord.kernel.audit.models import Action as AuditAction
from accord.kernel.audit.service import record as audit
from accord.register.models import Partnership
from accord.register.services import lock_open

from . import rules
from .models import ProgressReport, ReportStatus
from .services import MonitoringError, stale

PERIOD_REFUSED = "The end of the period must be after its start"


class Incomplete(MonitoringError):
    """Submitting a report with headings still empty."""

    def __init__(self, missing: list[Heading]):
        super().__init__("Answer every heading before submitting the report")
        self.missing = missing


def headings_of(report: ProgressReport, kind: rules.ProgressKind | None) -> list[Heading]:
    """The headings a report is read under: those it was submitted with, else its template's."""
    if report.headings:
        return [Heading(**h) for h in report.headings]
    return list(kind.template.headings) if kind is not None else []


def _snapshot(report: ProgressReport, headings: list[Heading]) -> dict[str, tuple[str, str]]:
    state = {
        "period": ("Period", f"{report.period_start:%-d %B %Y} to {report.period_end:%-d %B %Y}"),
        "status": ("Status", report.get_status_display()),
    }
    for heading in headings:
        state[f"answer_{heading.id}"] = (heading.text, str(report.answers.get(heading.id, "")))
    return state


def _lock(report: ProgressReport, expected_version: int | None) -> ProgressReport:
    lock_open(report.partnership)
    locked = ProgressReport.objects.select_for_update().get(pk=report.pk)
    if locked.status == ReportStatus.SUBMITTED:
        raise MonitoringError("The report has been submitted; it can no longer change")
    if expected_version is not None and locked.version != expected_version:
        raise stale(locked, "progress report")
    return locked


def _clean(answers: Mapping[str, str], headings: list[Heading]) -> dict[str, str]:
    known = {h.id for h in headings}
    return {k: str(v).strip() for k, v in answers.items() if k in known and str(v).strip()}


@transaction.atomic
def save_draft(
    actor,
    partnership: Partnership,
    kind: rules.ProgressKind,
    period_start: date,
    period_end: date,
    answers: Mapping[str, str],
    report: ProgressReport | None = None,
    expected_version: int | None = None,
    *,
    framework: Framework,
) -> ProgressReport:
    """Start a draft or save more of one; empty headings are allowed until it is submitted. A report
    covers a real period: one that ends after it starts (ADR 0024)."""
    if period_end <= period_start:
        raise MonitoringError(PERIOD_REFUSED)
    headings = list(kind.template.headings)
    before: dict = {}
    if report is None:
        partnership = lock_open(partnership)
        report = ProgressReport(
            partnership=partnership,
            artefact_id=kind.id,
            template_id=kind.template.id,
            framework_id=framework.id,
            framework_version=framework.version,
        )
    else:
        report = _lock(report, expected_version)
        before = _snapshot(report, headings)
        report.version = F("version") + 1
    report.period_start, report.period_end = period_start, period_end
    report.answers = _clean(answers, headings)
    report.save()
    report.refresh_from_db()
    audit(
        actor=actor,
        instance=report,
        action=AuditAction.CHANGED if before else AuditAction.CREATED,
        before=before,
        after=_snapshot(report, headings),
        partnership=report.partnership,
        reason=kind.name,
    )
    return report


@transaction.atomic
def submit(
    actor,
    report: ProgressReport,
    kind: rules.ProgressKind,
    expected_version: int | None = None,
    *,
    framework: Framework,
):
    """Submit a draft: refused while any heading is empty. The headings are kept with the report."""
    report = _lock(report, expected_version)
    if report.period_end <= report.period_start:
        raise MonitoringError(PERIOD_REFUSED)
    headings = list(kind.template.headings)
    missing = rules.missing_headings(headings, report.answers)
    if missing:
        raise Incomplete(missing)
    before = _snapshot(report, headings)
    ProgressReport.objects.filter(pk=report.pk).update(
        status=ReportStatus.SUBMITTED,
        submitted_on=clock.today(),
        submitted_by=actor if isinstance(actor, User) and actor.pk else None,
        headings=[{"id": h.id, "text": h.text, "guidance": h.guidance} for h in headings],
        framework_id=framework.id,
        framework_version=framework.version,
        version=F("version") + 1,
    )
    report.refresh_from_db()
    audit(
        actor=actor,
        instance=report,
        action=AuditAction.CHANGED,
        before=before,
        after=_snapshot(report, headings),
        partnership=report.partnership,
        reason=f"{kind.name} submitted",
    )
    partnerships_changed([report.partnership_id])
    return report
