"""The joint risk register as a spreadsheet, in Bury App 10's layout (Excel and CSV).

The columns are the headings of Bury's "Partnership Risk Assessment Action Plan Register"
(template `risk_action_plan_register`, 001_c825c913872835d1.txt App 10), in order, whatever the
council's own framework: each heading id maps to what Accord records for it, and a heading Accord
has nothing for is left blank. How the scores map (see `score_notes`) is explained on the workbook's
"Scoring" sheet, with the council's likelihood and impact scales, its matrix and its bands. Text
that a spreadsheet could take for a formula is neutralised (`accord.kernel.ui.spreadsheet`).
"""

import csv
import io
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Any

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery
from django.http import Http404, HttpResponse, StreamingHttpResponse
from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from accord.frameworks import citations, loader
from accord.frameworks.schema import Framework, RiskModel
from accord.kernel.ui.spreadsheet import neutralise, xlsx_cell

from . import scoring
from .models import Control, ControlStatus, Kind, Review, Risk

FORMATS = ("xlsx", "csv")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TEMPLATE = ("bury", "risk_action_plan_register")
PARTNERSHIP_HEADING = "Partnership"


def score_notes(model: RiskModel) -> tuple[tuple[str, str], ...]:
    """What the App 10 score columns hold, in the framework's names for the three scores."""
    names = model.scores
    return (
        ("Impact Score, Likelihood Score", f"The {names.inherent.lower()} scores: before any controls."),
        ("Residual Score", f"The {names.current.lower()} score: with the controls in place."),
        ("Target Score", f"The {names.target.lower()} score: where the planned controls should bring it."),
        ("High Medium Low", f"The band of the {names.current.lower()} score."),
    )


WIDE = {"partnership_objective", "risk_event", "controls_in_place", "controls_planned"}


def headings() -> list[tuple[str, str]]:
    """(id, text) of each App 10 column, in order."""
    framework_id, template_id = TEMPLATE
    template = next(t for t in loader.get(framework_id).templates if t.id == template_id)
    return [(h.id, h.text) for h in template.headings]


def _lines(values: Iterable[str]) -> str:
    return "\n".join(v for v in values if v)


def _risk_event(risk: Risk) -> str:
    title = f"{risk.title} (opportunity)" if risk.kind == Kind.OPPORTUNITY else risk.title
    parts = [("Cause", risk.cause), ("Event", risk.event), ("Consequence", risk.consequence)]
    return _lines([title, *(f"{label}: {text}" for label, text in parts if text)])


def _controls(status: str) -> Callable[[Risk], str]:
    return lambda risk: _lines(c.description for c in risk.controls.all() if c.status == status)


def _control_partners(status: str) -> Callable[[Risk], str]:
    def partners(risk: Risk) -> str:
        names = {o.name for c in risk.controls.all() if c.status == status for o in c.partners.all()}
        return ", ".join(sorted(names))

    return partners


def column_values(model: RiskModel) -> dict[str, Callable[[Risk], Any]]:
    """What each App 10 heading id holds, for the council's risk model."""
    bands = {b.id: b.name for b in model.bands}
    strategies = {s.id: s.name for s in model.strategies}
    return {
        "partnership_objective": lambda r: r.objective,
        "reference": lambda r: r.reference,
        "risk_event": _risk_event,
        "date_identified": lambda r: r.identified_on,
        "lead_officers": lambda r: r.lead_officers,
        "date_of_review": lambda r: r.last_reviewed_on,
        "controls_in_place": _controls(ControlStatus.IN_PLACE),
        "partners_involved_in_place": _control_partners(ControlStatus.IN_PLACE),
        "controls_planned": _controls(ControlStatus.PLANNED),
        "partners_involved_planned": _control_partners(ControlStatus.PLANNED),
        "impact_score": lambda r: r.inherent_impact,
        "likelihood_score": lambda r: r.inherent_likelihood,
        "residual_score": lambda r: r.current_score,
        "target_score": lambda r: r.target_score,
        "rating": lambda r: bands.get(r.current_band, r.current_band),
        "strategy": lambda r: strategies.get(r.strategy_id, r.strategy_id),
    }


def for_export(risks: QuerySet[Risk]) -> QuerySet[Risk]:
    """The risks with what the columns read: controls and their partners, the latest review date."""
    latest = Review.objects.filter(risk=OuterRef("pk")).order_by("-reviewed_on", "-id").values("reviewed_on")
    controls = Control.objects.prefetch_related("partners")
    return (
        risks.select_related("partnership")
        .prefetch_related(Prefetch("controls", queryset=controls))
        .annotate(last_reviewed_on=Subquery(latest[:1]))
    )


def rows(risks: QuerySet[Risk], model: RiskModel, with_partnership: bool = False) -> Iterator[list[Any]]:
    """The header row, then one row per risk."""
    columns = headings()
    values = column_values(model)
    blank = lambda risk: None  # noqa: E731 - a heading Accord records nothing for
    readers = [values.get(heading_id, blank) for heading_id, _ in columns]
    yield ([PARTNERSHIP_HEADING] if with_partnership else []) + [text for _, text in columns]
    for risk in for_export(risks).iterator(chunk_size=1000):
        yield ([risk.partnership.name] if with_partnership else []) + [read(risk) for read in readers]


# --------------------------------------------------------------------------------------------
# CSV
# --------------------------------------------------------------------------------------------


def csv_cell(value: Any) -> Any:
    """A value as CSV text; text that a spreadsheet would read as a formula is neutralised."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return neutralise(value)


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(table: Iterable[list[Any]]) -> Iterator[str]:
    """UTF-8 text with a byte-order mark first, so Excel reads it as UTF-8."""
    writer = csv.writer(_Echo())
    yield "\ufeff"
    for row in table:
        yield writer.writerow([csv_cell(v) for v in row])


# --------------------------------------------------------------------------------------------
# Excel
# --------------------------------------------------------------------------------------------


def _xlsx_cell(sheet, value: Any, wrap: bool = False, bold: bool = False) -> Cell:
    cell = xlsx_cell(sheet, value)
    if isinstance(value, date):
        cell.number_format = "d mmm yyyy"
    if wrap or bold:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    if bold:
        cell.font = Font(bold=True)
    return cell


def register_sheet(workbook: Workbook, table: Iterator[list[Any]], with_partnership: bool) -> None:
    sheet = workbook.create_sheet("Risk register")
    ids = (["partnership"] if with_partnership else []) + [heading_id for heading_id, _ in headings()]
    for index, heading_id in enumerate(ids, 1):
        wide = heading_id in WIDE or heading_id == "partnership"
        sheet.column_dimensions[get_column_letter(index)].width = 45 if wide else 18
    sheet.freeze_panes = "A2"
    header = next(table)
    sheet.append([_xlsx_cell(sheet, text, bold=True) for text in header])
    for row in table:
        sheet.append([_xlsx_cell(sheet, value, wrap=ids[i] in WIDE) for i, value in enumerate(row)])


def scoring_rows(framework: Framework) -> Iterator[list[Any]]:
    """The 'Scoring' sheet: the scales, the matrix, the bands, and what the score columns hold."""
    model = framework.risk_model
    yield [f"How risks are scored: {framework.name} ({framework.council}), {scoring.matrix_label(model)}"]
    yield [citations.display(model.cite)]
    yield []
    for title, scale in (("Likelihood", model.likelihood), ("Impact", model.impact)):
        yield [title, "Name", "Description"]
        for point in sorted(scale, key=lambda p: p.value, reverse=True):
            yield [point.value, point.name, point.descriptor]
        yield []
    impacts = sorted(model.impact, key=lambda p: p.value)
    yield ["Score (likelihood × impact)", *(f"{p.name} ({p.value})" for p in impacts)]
    for point in sorted(model.likelihood, key=lambda p: p.value, reverse=True):
        cells = [scoring.score(model, point.value, i.value) for i in impacts]
        yield [f"{point.name} ({point.value})", *(f"{s.score} {s.band_name}" for s in cells)]
    yield []
    yield ["Band", "Scores", "What to do", "Review every"]
    for band in sorted(model.bands, key=lambda b: b.min, reverse=True):
        yield [band.name, f"{band.min} to {band.max}", band.action, band.review_every or ""]
    if model.bands_note:
        yield []
        yield [model.bands_note]
    yield []
    yield ["Column", "What it holds"]
    yield from ([column, text] for column, text in score_notes(model))


def scoring_sheet(workbook: Workbook, framework: Framework) -> None:
    sheet = workbook.create_sheet("Scoring")
    for letter, width in zip("ABCDEF", (30, 22, 60, 22, 22, 22), strict=True):
        sheet.column_dimensions[letter].width = width
    headers = {"Likelihood", "Impact", "Band", "Column", "Score (likelihood × impact)"}
    for index, row in enumerate(scoring_rows(framework)):
        bold = index == 0 or bool(row and row[0] in headers)
        sheet.append([_xlsx_cell(sheet, value, wrap=True, bold=bold) for value in row])


def workbook_bytes(table: Iterator[list[Any]], framework: Framework, with_partnership: bool) -> bytes:
    workbook = Workbook(write_only=True)
    register_sheet(workbook, table, with_partnership)
    scoring_sheet(workbook, framework)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --------------------------------------------------------------------------------------------
# Responses
# --------------------------------------------------------------------------------------------


def filename(stem: str, fmt: str) -> str:
    safe = re.sub(r"[^A-Za-z0-9_-]+", "-", stem).strip("-") or "risks"
    return f"{safe}-risk-register.{fmt}"


def check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise Http404("Download the register as xlsx or csv")


def export(
    risks: QuerySet[Risk], fmt: str, stem: str, with_partnership: bool = False, *, framework: Framework
) -> HttpResponse | StreamingHttpResponse:
    """The register as a download: Excel (with its Scoring sheet) or CSV (streamed)."""
    check_format(fmt)
    table = rows(risks, framework.risk_model, with_partnership)
    disposition = f'attachment; filename="{filename(stem, fmt)}"'
    response: HttpResponse | StreamingHttpResponse
    if fmt == "csv":
        response = StreamingHttpResponse(csv_lines(table), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(workbook_bytes(table, framework, with_partnership), content_type=XLSX)
    response["Content-Disposition"] = disposition
    return response
