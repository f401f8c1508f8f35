"""The joint risk register as a spreadsheet (Excel and CSV), in the council's own layout.

The columns are the headings of the framework's `risk_register` document template, in order (Bury's
"Partnership Risk Assessment Action Plan Register", App 10; Northampton's risk register steps), or,
where the framework names none, Accord's plain layout (`plain`): each heading id maps to what Accord
records for it, and a heading Accord has nothing for is left blank. No council's columns appear under
another's framework (ADR 0027). How the scores map (see `score_notes`, in the framework's names for the
three scores) is explained on the workbook's
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

from accord.frameworks import citations, defaults, duty_rules
from accord.frameworks.schema import Framework, Heading, RiskModel
from accord.kernel.ui.spreadsheet import neutralise, xlsx_cell

from . import scoring
from .models import Control, ControlStatus, Kind, Review, Risk

FORMATS = ("xlsx", "csv")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PARTNERSHIP_HEADING = "Partnership"


def plain(model: RiskModel) -> tuple[tuple[str, str], ...]:
    """Accord's own layout, for a framework that names no risk register template; the score columns
    in the framework's names for the three scores."""
    names = model.scores
    return (
        ("reference", "Reference"),
        ("risk_event", "Risk: cause, event and consequence"),
        ("partnership_objective", "Objective at risk"),
        ("date_identified", "Date identified"),
        ("risk_owner", "Risk owner"),
        ("lead_officers", "Lead officers"),
        ("date_of_review", "Last reviewed"),
        ("controls_in_place", "Controls in place"),
        ("partners_involved_in_place", "Partners involved in the controls in place"),
        ("controls_planned", "Controls planned"),
        ("partners_involved_planned", "Partners involved in the controls planned"),
        ("impact_score", f"{names.inherent} impact"),
        ("likelihood_score", f"{names.inherent} likelihood"),
        ("residual_score", f"{names.current} score"),
        ("target_score", f"{names.target} score"),
        ("rating", "Band"),
        ("strategy", "Strategy"),
        ("action_owners", "Actions, owners and due dates"),
    )


def score_notes(model: RiskModel) -> dict[str, str]:
    """What the score columns hold, by heading id (shown with the layout's own heading text), in the
    framework's names for the three scores."""
    names = model.scores
    inherent, current, target = names.inherent.lower(), names.current.lower(), names.target.lower()
    return {
        "impact_score": f"The {inherent} impact: before any controls.",
        "likelihood_score": f"The {inherent} likelihood: before any controls.",
        "residual_score": f"The {current} score: with the controls in place.",
        "target_score": f"The {target} score: where the planned controls should bring it.",
        "rating": f"The band of the {current} score.",
        "scores": f"The {inherent} score (before any controls), the {current} score (with the controls in "
        f"place) and the {target} score (where the planned controls should bring it).",
    }


WIDE = {"partnership_objective", "risk_event", "controls_in_place", "controls_planned", "cause_event_impact"}


def asked(framework: Framework) -> list[Heading]:
    """Columns of the framework's own risk register layout that Accord has no field for: the risk form
    asks them in the framework's words (e.g. how the objective fits the council's ambitions)."""
    template = defaults.document_template(framework, "risk_register")
    known = column_values(framework.risk_model)
    return [h for h in template.headings if h.id not in known] if template else []


def headings(framework: Framework) -> list[tuple[str, str]]:
    """(id, text) of each column, in order: the framework's risk register template, else Accord's."""
    template = defaults.document_template(framework, "risk_register")
    if template is None:
        return list(plain(framework.risk_model))
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


def _scores(risk: Risk) -> str:
    named = (
        ("Inherent", risk.inherent_score),
        ("current", risk.current_score),
        ("target", risk.target_score),
    )
    return "; ".join(f"{name} {value}" for name, value in named if value is not None)


def _actions(risk: Risk) -> str:
    return _lines(f"{a.description} ({a.owner}, due {a.due_on:%d/%m/%Y})" for a in risk.actions.all())


def column_values(model: RiskModel) -> dict[str, Callable[[Risk], Any]]:
    """What each heading id holds, for the council's risk model."""
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
        "risk_owner": lambda r: r.owner,
        "cause_event_impact": _risk_event,
        "scores": _scores,
        "actions_and_controls": lambda r: _lines(c.description for c in r.controls.all()),
        "action_owners": _actions,
    }


def _answer(heading_id: str) -> Callable[[Risk], Any]:
    """A column the risk form asks (`asked`): the answer kept with the risk, else blank."""
    return lambda risk: (risk.framework_answers or {}).get(heading_id) or None


def for_export(risks: QuerySet[Risk]) -> QuerySet[Risk]:
    """The risks with what the columns read: controls and their partners, the latest review date."""
    latest = Review.objects.filter(risk=OuterRef("pk")).order_by("-reviewed_on", "-id").values("reviewed_on")
    controls = Control.objects.prefetch_related("partners")
    return (
        risks.select_related("partnership")
        .prefetch_related(Prefetch("controls", queryset=controls), "actions")
        .annotate(last_reviewed_on=Subquery(latest[:1]))
    )


def rows(risks: QuerySet[Risk], framework: Framework, with_partnership: bool = False) -> Iterator[list[Any]]:
    """The header row, then one row per risk."""
    columns = headings(framework)
    values = column_values(framework.risk_model)
    readers = [values.get(heading_id) or _answer(heading_id) for heading_id, _ in columns]
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


def register_sheet(
    workbook: Workbook, table: Iterator[list[Any]], with_partnership: bool, framework: Framework
) -> None:
    sheet = workbook.create_sheet("Risk register")
    columns = headings(framework)
    ids = (["partnership"] if with_partnership else []) + [heading_id for heading_id, _ in columns]
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
    yield [citations.display(model.cite, framework)]
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
        every = f"Every {duty_rules.in_words(band.review_every)}" if band.review_every else ""
        yield [band.name, f"{band.min} to {band.max}", band.action, every]
    if model.bands_note:
        yield []
        yield [model.bands_note]
    yield []
    yield ["Column", "What it holds"]
    notes = score_notes(model)
    yield from ([text, notes[i]] for i, text in headings(framework) if i in notes)


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
    register_sheet(workbook, table, with_partnership, framework)
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
    table = rows(risks, framework, with_partnership)
    disposition = f'attachment; filename="{filename(stem, fmt)}"'
    response: HttpResponse | StreamingHttpResponse
    if fmt == "csv":
        response = StreamingHttpResponse(csv_lines(table), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(workbook_bytes(table, framework, with_partnership), content_type=XLSX)
    response["Content-Disposition"] = disposition
    return response
