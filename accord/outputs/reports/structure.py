"""What a report is, independent of how it is shown: sections of paragraphs and tables.

Every report Accord writes (the annual partnerships report, the bi-annual key partnerships
performance report, the annual review report, the private sector report, a partnership pack) is
built as a `Report` from the live record by a builder, then rendered as a web page, a Word
document, an Excel workbook and an accessible PDF by one renderer each. An issued report is frozen as JSON
(`to_json` / `from_json`) so a later report can be compared with it row by row: every table names
the column that identifies a row (`key`), so "what changed since" is a comparison of keyed rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

Cell = str | int | Decimal | date | None


@dataclass
class Table:
    id: str  # stable within its report kind, e.g. "ratings"
    caption: str
    columns: list[str]
    rows: Sequence[Sequence[Cell]] = field(default_factory=list)
    # The column (or columns) whose values identify a row; None: rows are not compared.
    key: int | tuple[int, ...] | None = 0
    numeric: tuple[int, ...] = ()  # columns shown right-aligned and summed where `totals`
    money: tuple[int, ...] = ()  # numeric columns that hold pounds (£1,234)
    totals: bool = False  # add a total row for the numeric columns
    empty: str = "None."  # what to say when there are no rows
    sheet: str = ""  # a short name for its Excel sheet (31 characters at most); default from the caption


@dataclass
class Section:
    id: str
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)


@dataclass
class Report:
    kind: str  # the builder's id, e.g. "annual"
    title: str
    council: str
    audience: str  # e.g. "Corporate Management Team, Executive and Audit Committee"
    period_start: date
    period_end: date
    generated_at: datetime
    framework: str = ""  # the framework's name and version the report applied
    sections: list[Section] = field(default_factory=list)
    issued_at: datetime | None = None  # set when the report is issued (frozen as a snapshot)
    issued_by: str = ""

    def table(self, table_id: str) -> Table | None:
        for section in self.sections:
            for table in section.tables:
                if table.id == table_id:
                    return table
        return None

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)


def _cell_to_json(value: Cell) -> Any:
    if isinstance(value, Decimal):
        return {"decimal": str(value)}
    if isinstance(value, date):
        return {"date": value.isoformat()}
    return value


def _cell_from_json(value: Any) -> Cell:
    if isinstance(value, dict):
        if "decimal" in value:
            return Decimal(value["decimal"])
        if "date" in value:
            return date.fromisoformat(value["date"])
    return value


def to_json(report: Report) -> dict[str, Any]:
    return {
        "kind": report.kind,
        "title": report.title,
        "council": report.council,
        "audience": report.audience,
        "period_start": report.period_start.isoformat(),
        "period_end": report.period_end.isoformat(),
        "generated_at": report.generated_at.isoformat(),
        "framework": report.framework,
        "issued_at": report.issued_at.isoformat() if report.issued_at else None,
        "issued_by": report.issued_by,
        "sections": [
            {
                "id": s.id,
                "heading": s.heading,
                "paragraphs": list(s.paragraphs),
                "tables": [
                    {
                        "id": t.id,
                        "caption": t.caption,
                        "columns": list(t.columns),
                        "rows": [[_cell_to_json(c) for c in row] for row in t.rows],
                        "key": list(t.key) if isinstance(t.key, tuple) else t.key,
                        "numeric": list(t.numeric),
                        "money": list(t.money),
                        "totals": t.totals,
                        "empty": t.empty,
                        "sheet": t.sheet,
                    }
                    for t in s.tables
                ],
            }
            for s in report.sections
        ],
    }


def from_json(data: dict[str, Any]) -> Report:
    return Report(
        kind=data["kind"],
        title=data["title"],
        council=data["council"],
        audience=data["audience"],
        period_start=date.fromisoformat(data["period_start"]),
        period_end=date.fromisoformat(data["period_end"]),
        generated_at=datetime.fromisoformat(data["generated_at"]),
        framework=data.get("framework", ""),
        issued_at=datetime.fromisoformat(data["issued_at"]) if data.get("issued_at") else None,
        issued_by=data.get("issued_by", ""),
        sections=[
            Section(
                id=s["id"],
                heading=s["heading"],
                paragraphs=list(s["paragraphs"]),
                tables=[
                    Table(
                        id=t["id"],
                        caption=t["caption"],
                        columns=list(t["columns"]),
                        rows=[[_cell_from_json(c) for c in row] for row in t["rows"]],
                        key=tuple(t["key"]) if isinstance(t["key"], list) else t["key"],
                        numeric=tuple(t["numeric"]),
                        money=tuple(t.get("money", ())),
                        totals=t["totals"],
                        empty=t["empty"],
                        sheet=t.get("sheet", ""),
                    )
                    for t in s["tables"]
                ],
            )
            for s in data["sections"]
        ],
    )
