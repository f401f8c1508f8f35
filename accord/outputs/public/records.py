"""Public records: one partnership as the public sees it, built only from allow-listed values.

The same record feeds the partnership's public page, the CSV and the JSON, so they cannot drift
apart. Values are plain (strings, lists, dicts, None): a record is JSON as it stands.
"""

from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from functools import cache
from typing import Any

from accord.domain.monitoring import rules
from accord.frameworks.schema import Framework

from . import queries


def _text(value: Any) -> str | None:
    return value or None  # blank text is "not recorded"


def date_text(value) -> str | None:
    return value.isoformat() if value else None


def money_text(value: Decimal | float | int) -> str:
    return f"{value:.2f}"


def timestamp(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z") if value else None


@cache
def financial_year(year: int) -> str:
    return f"{year}/{(year + 1) % 100:02d}"


def report_names(framework: Framework) -> dict[str, str]:
    """Names of the progress reports the council's framework asks for, by artefact id."""
    try:
        return {kind.id: kind.name for kind in rules.progress_kinds(framework)}
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
        "period_start": date_text(row["period_start"]),
        "period_end": date_text(row["period_end"]),
        "submitted_on": date_text(row["submitted_on"]),
        "sections": sections,
    }


def related(ids: list[int]) -> tuple[dict, dict, dict, dict]:
    """The partnerships' related public rows, by partnership id: partners, representatives,
    contribution totals and latest published report (four queries however many partnerships)."""
    day = queries.today()
    return (
        queries.partners(ids, day),
        queries.representatives(ids, day),
        queries.contribution_totals(ids),
        queries.latest_reports(ids),
    )


def build(
    rows: list[tuple],
    page_url: Callable[[str], str],
    names: dict[str, str] | None = None,
    *,
    framework: Framework,
) -> list[dict]:
    """Public records for partnership rows (`queries.ROW_KEYS` tuples) from `queries.row_chunks` or
    `queries.published_row`: four more queries however many rows. `names` (the framework's report
    names, `report_names(framework)`) may be given by a caller building many chunks."""
    partners, people, money, reports = related([row[0] for row in rows])
    names = report_names(framework) if names is None else names
    records = []
    keys = queries.ROW_KEYS
    for values in rows:
        row = dict(zip(keys, values, strict=True))
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
            "partners": [
                {"name": name, "org_id": org_id or None, "role": role}
                for _, name, org_id, role in partners.get(pk, ())
            ],
            "council_representatives": [{"name": name, "role": role} for _, name, role in people.get(pk, ())],
            "council_contribution": [
                {"financial_year": financial_year(year), "amount": money_text(total)}
                for _, year, total in money.get(pk, ())
            ],
            "start_date": row["start_on"],
            "proposed_end_date": row["end_on"],
            "governance": _text(row["governance_summary"]),
            "accountable_to": _text(row["accountable_to"]),
            "complaints_procedure": _text(row["complaints_procedure"]),
            "complaints_url": _text(row["complaints_url"]),
            "latest_report": _report(reports.get(pk), names),
            "page_url": page_url(row["reference"]),
            "last_updated": row["changed_at"],
        }
        records.append(record)
    return records
