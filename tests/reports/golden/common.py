"""What the golden comparison of the committee reports shares (tests/reports/test_declared_golden.py):
the three reports, the period and framework each is built under, the demo register on a frozen day,
and a table as plain JSON.

The golden files were written by the council-specific Python builders these reports replaced
(issue 17), on the reports' known register plus its performance records, and on the demo council's
register, on a frozen day (README.md); the declared reports must still hold every golden table with
the same columns and at least its rows."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import time_machine

from accord.outputs.reports import periods, structure

HERE = Path(__file__).resolve().parent
# report id -> (framework it is declared by, period it is built for)
REPORTS = {
    "key-partnerships": ("chorley", periods.half_year(2025, 2)),
    "annual-review": ("central_bedfordshire", periods.financial_year(2025)),
    "private-sector": ("central_bedfordshire", periods.financial_year(2025)),
}


def tables(report: structure.Report) -> dict[str, dict[str, Any]]:
    """Every table of the report by id: its section, caption, columns and rows (cells as JSON)."""
    data = structure.to_json(report)
    return {
        t["id"]: {"section": s["id"], "caption": t["caption"], "columns": t["columns"], "rows": t["rows"]}
        for s in data["sections"]
        for t in s["tables"]
    }


def canonical(row: list[Any]) -> list[Any]:
    """A row with its amounts by value: PostgreSQL gives a sum as 25000.00 where SQLite gives 25000."""
    return [
        {"decimal": format(Decimal(c["decimal"]).normalize(), "f")}
        if isinstance(c, dict) and "decimal" in c
        else c
        for c in row
    ]


def path(report_id: str, data: str = "") -> Path:
    """The golden file of a report on the known register (`data` empty) or on the demo ("demo")."""
    return HERE / data / f"{report_id}.json"


def load_demo(now) -> None:
    """The demo council's register, as loaded on the frozen day (its records are dated from it)."""
    from accord.site.demo import load_demo as load

    with time_machine.travel(now, tick=False):
        load()
