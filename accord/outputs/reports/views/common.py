"""What the report views share: finding the report kind, building a report for the user, the
page's context and the Word, Excel and PDF downloads."""

from __future__ import annotations

import re
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from accord.frameworks import loader
from accord.kernel import clock
from accord.kernel.accounts.policy import Action, can
from accord.register.access import visible_partnerships
from accord.register.models import Partnership

from .. import excel, periods, word
from ..builders import Context, ReportKind, build, kinds_for
from ..cells import row_text, totals
from ..compare import CHANGES
from ..structure import Report
from ..summary import summary_rows


def _pdf(report: Report) -> bytes:
    """The report as tagged PDF/UA for agenda packs (ADR 0033). WeasyPrint takes most of a second to
    import (Pango and its fonts), so a process imports it only when it first writes a PDF."""
    from .. import pdf

    return pdf.render(report)


FORMATS = {
    "docx": (word.render, word.DOCX),
    "xlsx": (excel.render, excel.XLSX),
    "pdf": (_pdf, "application/pdf"),
}
# The downloads a report page offers, in this order: (format, the words after "Download as").
DOWNLOADS = (("docx", "Word"), ("xlsx", "Excel"), ("pdf", "PDF"))


def kind_or_404(request: HttpRequest, kind_id: str, council_wide: bool = True) -> ReportKind:
    """The report kind, if it is offered under the request's framework."""
    kind = kinds_for(loader.for_request(request), council_wide).get(kind_id)
    if kind is None:
        raise Http404("No such report")
    return kind


def check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise Http404("Download the report as docx, xlsx or pdf")


def make(
    request: HttpRequest, kind: ReportKind, period: periods.Period, partnership: Partnership | None = None
) -> Report:
    """The report of `kind` for `period`, from the partnerships the user may see."""
    return build(
        kind,
        Context.make(visible_partnerships(request.user), period, framework=loader.for_request(request)),
        partnership,
    )


def period_from_query(request: HttpRequest, kind: ReportKind) -> periods.Period:
    """The period a download asks for (?period=), the default when none; a wrong one is not found."""
    today = clock.today()
    given = request.GET.get("period")
    if not given:
        return periods.last_complete(kind.cadence, today)
    found = periods.parse(given, today)
    if found is None:
        raise Http404("No such period")
    return found


def filename(stem: str, fmt: str) -> str:
    safe = re.sub(r"[^A-Za-z0-9.-]+", "-", stem).strip("-.") or "report"
    return f"{safe}.{fmt}"


def download(report: Report, fmt: str, stem: str) -> HttpResponse:
    render_bytes, content_type = FORMATS[fmt]
    response = HttpResponse(render_bytes(report), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename(stem, fmt)}"'
    return response


def show(request: HttpRequest, template: str, report: Report, **context: Any) -> HttpResponse:
    """A report as a page: its summary, contents and sections."""
    contents = [(s.id, s.heading) for s in report.sections]
    changes = next((s for s in report.sections if s.id == CHANGES), None)
    return render(
        request,
        template,
        {
            "report": report,
            "summary": summary_rows(report),
            "contents": contents,
            "changes": changes,
            "can_issue": can(request.user, Action.ISSUE_REPORTS),
            "row_text": row_text,
            "total_row": totals,
            **context,
        },
    )
