"""The facts every report opens with, the same on the page, in Word and in Excel: the council, who
the report is for, the period, the date stamp and the framework applied."""

from __future__ import annotations

from django.utils import timezone

from .periods import describe
from .structure import Report


def stamp(report: Report) -> str:
    """'Issued on 21 May 2026 by Ann Admin', or 'Generated from the live record on 21 May 2026 at 3:04pm'."""
    if report.issued_at:
        when = timezone.localtime(report.issued_at).strftime("%-d %B %Y")
        return f"Issued on {when}" + (f" by {report.issued_by}" if report.issued_by else "")
    local = timezone.localtime(report.generated_at)
    when = local.strftime("%-d %B %Y at %-I:%M") + local.strftime("%p").lower()
    return f"Generated from the live record on {when}"


def summary_rows(report: Report) -> list[tuple[str, str]]:
    rows = [
        ("Council", report.council),
        ("Report for", report.audience),
        ("Period", describe(report.period_start, report.period_end)),
        ("Date", stamp(report)),
    ]
    if report.framework:
        rows.append(("Framework applied", report.framework))
    return rows
