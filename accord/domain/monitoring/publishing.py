"""Publishing a progress report on the published register (or taking it off): the one way to change
a report's `is_published`, in a transaction and recorded in the audit trail. The published register
(accord.outputs.public) only reads the flag."""

from django.db import transaction
from django.db.models import F

from accord.kernel.audit.models import Action as AuditAction
from accord.kernel.audit.service import Actor, record
from accord.register.services import lock_open

from .models import ProgressReport, ReportStatus
from .services import MonitoringError


def _state(published: bool) -> dict[str, tuple[str, str]]:
    return {"is_published": ("Published to the public", "Yes" if published else "No")}


@transaction.atomic
def set_report_published(actor: Actor, report: ProgressReport, published: bool) -> ProgressReport:
    """Publish a submitted progress report, or take it off the published register. A draft cannot be
    published: only what the partnership has submitted may reach the public."""
    lock_open(report.partnership)
    locked = ProgressReport.objects.select_for_update().get(pk=report.pk)
    if locked.status != ReportStatus.SUBMITTED:
        raise MonitoringError("Only a submitted report can be published")
    if locked.is_published == published:
        return locked
    ProgressReport.objects.filter(pk=locked.pk).update(is_published=published, version=F("version") + 1)
    locked.refresh_from_db()
    record(
        actor=actor,
        instance=locked,
        action=AuditAction.CHANGED,
        before=_state(not published),
        after=_state(published),
        partnership=locked.partnership,
        reason="Published on the public register" if published else "Taken off the public register",
    )
    return locked
