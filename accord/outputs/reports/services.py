"""Issuing a report: freezing it as a snapshot, and reading snapshots back to compare with.

`issue` is the only write in accord.outputs.reports: it replaces the suggested recommendations with the
administrator's own, stamps the report with who issued it and when, stores it as an append-only
`ReportSnapshot` and records the issue in the history.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.db.models import QuerySet

from accord.frameworks.schema import Framework
from accord.kernel import clock
from accord.kernel.accounts.models import User
from accord.kernel.audit.models import Action as AuditAction
from accord.kernel.audit.service import Actor, actor_name
from accord.kernel.audit.service import record as audit
from accord.register.models import Partnership

from . import compare
from .builders import RECOMMENDATIONS, ReportKind
from .builders.common import written
from .models import ReportSnapshot
from .periods import describe
from .structure import Report, Section, from_json, to_json


class IssueError(Exception):
    """The report cannot be issued; the message says why in plain words."""


def snapshots(kind_id: str | None = None, partnership: Partnership | None = None) -> QuerySet[ReportSnapshot]:
    """Issued reports, newest first: of one kind, and for one partnership (packs) or none."""
    found = ReportSnapshot.objects.defer("data")
    if kind_id is not None:
        found = found.filter(kind=kind_id, partnership=partnership)
    return found.order_by("-issued_at", "-id")


def previous(
    kind_id: str, partnership: Partnership | None = None, before: datetime | None = None
) -> ReportSnapshot | None:
    """The latest snapshot of this kind (and partnership) issued before `before` (or ever)."""
    found = ReportSnapshot.objects.filter(kind=kind_id, partnership=partnership)
    if before is not None:
        found = found.filter(issued_at__lt=before)
    return found.order_by("-issued_at", "-id").first()


def frozen(snapshot: ReportSnapshot) -> Report:
    """The report as it was issued."""
    return from_json(snapshot.data)


def with_changes_since(report: Report, earlier: ReportSnapshot | None) -> Report:
    """The report with its "What changed since" section against an earlier snapshot, if any."""
    return compare.with_changes(report, frozen(earlier) if earlier is not None else None)


@transaction.atomic
def issue(
    actor: Actor,
    report: Report,
    kind: ReportKind,
    framework: Framework,
    recommendations: str = "",
    partnership: Partnership | None = None,
) -> ReportSnapshot:
    """Freeze the report as issued now by `actor`, with the administrator's recommendations."""
    if kind.recommendations and not written(recommendations):
        raise IssueError("Enter the recommendations")
    issued_at = clock.now()
    report.sections = [s for s in report.sections if s.id != compare.CHANGES]
    if kind.recommendations:
        section = report.section(RECOMMENDATIONS)
        paragraphs = written(recommendations)
        if section is None:
            report.sections.append(Section(RECOMMENDATIONS, "Recommendations", paragraphs))
        else:
            section.paragraphs = paragraphs
    report.issued_at = issued_at
    report.issued_by = actor_name(actor)
    snapshot = ReportSnapshot.objects.create(
        kind=kind.id,
        title=report.title,
        partnership=partnership,
        period_start=report.period_start,
        period_end=report.period_end,
        issued_at=issued_at,
        issued_by=actor if isinstance(actor, User) and actor.pk else None,
        issued_by_name=actor_name(actor),
        data=to_json(report),
        framework_id=framework.id,
        framework_version=framework.version,
    )
    audit(
        actor=actor,
        instance=snapshot,
        action=AuditAction.CREATED,
        before={},
        after={
            "title": ("Report", report.title),
            "period": ("Period", describe(report.period_start, report.period_end)),
            "audience": ("Report for", report.audience),
        },
        reason="Report issued",
        partnership=partnership,
    )
    return snapshot
