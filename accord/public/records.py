"""Public records: one partnership as the public sees it, built only from allow-listed values.

The same record feeds the partnership's public page, the CSV and the JSON, so they cannot drift
apart. Values are plain (strings, lists, dicts, None): a record is JSON as it stands.
"""

from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from functools import cache
from typing import Any

from accord.frameworks import loader
from accord.monitoring import rules

from . import queries


def _text(value: Any) -> str | None:
    return value or None  # blank text is "not recorded"


def _date(value) -> str | None:
    return value.isoformat() if value else None


def _money(value: Decimal | float | int) -> str:
    return f"{value:.2f}"


def timestamp(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z") if value else None


def _iso_day(text: str | None) -> str | None:
    return text[:10] if text else None


def _iso_utc(text: str | None) -> str | None:
    """A UTC timestamp as the database writes it ('2026-11-22 04:42:23.5' on SQLite,
    '2026-11-22 04:42:23.5+00' on PostgreSQL) as ISO 8601: '2026-11-22T04:42:23Z'."""
    return text[:19].replace(" ", "T") + "Z" if text else None


@cache
def financial_year(year: int) -> str:
    return f"{year}/{(year + 1) % 100:02d}"


def report_names() -> dict[str, str]:
    """Names of the progress reports the council's framework asks for, by artefact id."""
    try:
        return {kind.id: kind.name for kind in rules.progress_kinds(loader.current())}
    except Exception:  # noqa: BLE001 - a report keeps its own headings; a name is a nicety
        return {}


def _report(row: dict | None, names: dict[str, str]) -> dict | None:
    if row is None:
        return None
    answers = row["answers"] or {}
    sections = [
        {
            "heading": rules.heading_text(h.get("text", ""), row["period_start"], row["period_end"]),
            "answer": str(answers.get(h.get("id"), "")),
        }
        for h in row["headings"] or []
    ]
    return {
        "name": names.get(row["artefact_id"], row["artefact_id"].replace("_", " ").capitalize()),
        "period_start": _date(row["period_start"]),
        "period_end": _date(row["period_end"]),
        "submitted_on": _date(row["submitted_on"]),
        "sections": sections,
    }


def build(
    rows: list[dict], page_url: Callable[[str], str], names: dict[str, str] | None = None
) -> list[dict]:
    """Public records for partnership rows from `queries.row_chunks` or `queries.published_row`:
    four more queries however many rows (partners, representatives, contributions, reports)."""
    ids = [row["id"] for row in rows]
    day = queries.today()
    partners = queries.partners(ids, day)
    people = queries.representatives(ids, day)
    money = queries.contribution_totals(ids)
    reports = queries.latest_reports(ids)
    names = report_names() if names is None else names
    records = []
    for row in rows:
        pk = row["id"]
        record = {
            "reference": row["reference"],
            "name": row["name"],
            "description": _text(row["description"]),
            "purpose": _text(row["purpose"]),
            "type": row["partnership_type__name"],
            "status": row["status"],
            "statutory_status": row["statutory_status"],
            "statutory_basis": _text(row["statutory_basis"]),
            "themes": _text(row["themes"]),
            "geographical_area": _text(row["geographical_area"]),
            "client_groups": _text(row["client_groups"]),
            "lead_organisation": row["lead_organisation__name"],
            "lead_organisation_org_id": _text(row["lead_organisation__org_id"]),
            "accountable_body": _text(row["accountable_body__name"]),
            "accountable_body_org_id": _text(row["accountable_body__org_id"]),
            "council_role": row["council_role"],
            "partners": partners.get(pk, []),
            "council_representatives": people.get(pk, []),
            "council_contribution": [
                {"financial_year": financial_year(c["year"]), "amount": _money(c["total"])}
                for c in money.get(pk, [])
            ],
            "start_date": _iso_day(row["start_on"]),
            "proposed_end_date": _iso_day(row["end_on"]),
            "governance": _text(row["governance_summary"]),
            "accountable_to": _text(row["accountable_to"]),
            "complaints_procedure": _text(row["complaints_procedure"]),
            "complaints_url": _text(row["complaints_url"]),
            "latest_report": _report(reports.get(pk), names),
            "page_url": page_url(row["reference"]),
            "last_updated": _iso_utc(row["changed_at"]),
        }
        records.append(record)
    return records
