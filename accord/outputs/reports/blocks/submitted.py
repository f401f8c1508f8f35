"""The partnerships' own reports (accord.domain.monitoring progress reports) submitted for the
period: one row per heading, in the words the service submitted, under the headings the report was
written with. Reports of the framework's performance or progress report artefacts, whose period ends
in the report's period."""

from __future__ import annotations

from accord.domain.monitoring.models import ProgressReport, ReportStatus

from ..periods import describe
from ..structure import Table
from .scope import Scope

KINDS = ("performance_report", "progress_report")


def submitted_reports(scope: Scope) -> list[Table]:
    artefacts = {a.id for a in scope.ctx.framework.artefacts if a.kind in KINDS}
    by_pk = {p.pk: p for p in scope.items}
    found = ProgressReport.objects.filter(
        partnership_id__in=list(by_pk),
        artefact_id__in=artefacts,
        status=ReportStatus.SUBMITTED,
        period_end__gte=scope.period.start,
        period_end__lte=scope.period.end,
    ).order_by("period_end", "id")
    rows = []
    for report in found.only(
        "partnership_id", "period_start", "period_end", "submitted_on", "headings", "answers"
    ):
        p = by_pk[report.partnership_id]
        answers = report.answers or {}
        for heading in report.headings or []:
            text = answers.get(heading.get("id", ""), "")
            rows.append(
                [
                    p.reference,
                    p.name,
                    describe(report.period_start, report.period_end),
                    report.submitted_on,
                    heading.get("text", ""),
                    text if isinstance(text, str) else str(text),
                ]
            )
    return [
        Table(
            "submitted_reports",
            "Reports submitted by the partnerships",
            ["Reference", "Partnership", "Period", "Submitted on", "Heading", "Report"],
            rows,
            key=None,  # the period's own reports
            empty="No partnership submitted a report for the period.",
            sheet="Submitted reports",
        )
    ]
