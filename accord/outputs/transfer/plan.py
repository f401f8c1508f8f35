"""The dry run: what importing a workbook would do, worked out without writing anything.

`build` reads every mapped row, matches it against the register and returns a `Plan`: for each
sheet, the records it would create, update or leave unchanged, the organisations it would create,
and every problem with its spreadsheet row number. The import itself (accord.outputs.transfer.commit)
builds the plan again inside its transaction and refuses to write while any problem remains.
"""

from typing import Any

from accord.frameworks.schema import Framework
from accord.register import offered_types
from accord.register.models import FINISHED_STATUSES, PartnershipStatus

from . import columns as c
from . import defaults as assume
from . import duplicate_choices, likely_duplicates, statuses
from .assumptions import Assumed, ImportChoices
from .landing_summary import not_imported
from .lookups import Ambiguous, Lookups, NewOrganisation
from .mapping import Mapping
from .plan_children import plan_contributions, plan_members, plan_representatives
from .plan_extras import plan_extras
from .plan_model import CREATED, UNCHANGED, UPDATED, Change, Plan, changed_values, where
from .reading import Workbook
from .rows import Row, parse_row

PARTNERSHIP_FIELDS = [
    col.key
    for col in c.PARTNERSHIPS.columns
    if not col.import_only
    and col.key not in {"lead_organisation_org_id", "accountable_body_org_id", "status"}
]
UNKNOWN_WHEN_BLANK = ("covers_members_expenses", "has_risk_register")  # a blank yes/no answer is not known


def _rows(workbook: Workbook, mapping: Mapping, sheet: c.Sheet, choices: ImportChoices, assumed: Assumed):
    data = workbook.sheets.get(sheet.name)
    if data is None:
        return []
    keys, rows = mapping.get(sheet.name, []), data.rows
    assumed.not_imported[sheet.name] = [h for _, h in not_imported({sheet.name: data}, mapping)]
    if sheet is c.PARTNERSHIPS:  # defaults for blank cells, references for rows without one
        keys, rows = assume.fill(keys, rows, choices.defaults, assumed)
    return [parse_row(sheet, keys, number, cells) for number, cells in rows]


def _references(rows: dict[str, list[Row]]) -> set[str]:
    found = {str(r.get("reference")).strip().upper() for r in rows[c.PARTNERSHIPS.name]}
    for name in (c.MEMBERS.name, c.REPRESENTATIVES.name, c.CONTRIBUTIONS.name):
        found |= {str(r.get("partnership")).strip().upper() for r in rows[name]}
    return {r for r in found if r}


def build(
    file_name: str,
    workbook: Workbook,
    mapping: Mapping,
    lock: bool = False,
    choices: ImportChoices | None = None,
    framework: Framework | None = None,
) -> Plan:
    """The dry run. `framework` is the one in force (a page's or the command's): it says which duty
    a "last reviewed" column meets; without it, that column cannot be recorded."""
    choices = choices or ImportChoices()
    assumed = Assumed(status_rule=choices.status_rule)
    rows = {sheet.name: _rows(workbook, mapping, sheet, choices, assumed) for sheet in c.IMPORTABLE}
    lookups = Lookups(_references(rows), lock=lock)
    plan = Plan(
        file_name,
        ignored_sheets=list(workbook.ignored),
        sheets=list(workbook.sheets),
        lookups=lookups,
        assumed=assumed,
        framework=framework,
    )
    for message in assumed.trouble:
        plan.problem(1, message, c.PARTNERSHIPS.name)
    for sheet_rows in rows.values():
        for row in sheet_rows:
            for message in row.problems:
                plan.problem(row, message)
    plan_organisations(plan, lookups, rows[c.ORGANISATIONS.name])
    new_refs = plan_partnerships(plan, lookups, rows[c.PARTNERSHIPS.name])
    new_rows = (ch for ch in plan.changes[c.PARTNERSHIPS.name] if ch.action == CREATED)
    partners = {row.number: str(row.get("partners") or "") for row in rows[c.PARTNERSHIPS.name]}
    assumed.likely = likely_duplicates.flag(plan, new_rows, partners)
    new_refs -= duplicate_choices.apply(plan, lookups, choices, lock)
    known = set(lookups.partnerships) | new_refs
    plan_members(plan, lookups, rows[c.MEMBERS.name], known)
    plan_representatives(plan, lookups, rows[c.REPRESENTATIVES.name], known)
    plan_contributions(plan, lookups, rows[c.CONTRIBUTIONS.name], known)
    plan_extras(plan, lookups, rows[c.PARTNERSHIPS.name], workbook, mapping)  # the other columns (ADR 0041)
    plan.new_organisations = lookups.created_organisations()
    plan.new_people = list(lookups.new_people.values())
    plan.problems.sort(key=lambda p: ([s.name for s in c.SHEETS].index(p.sheet), p.row))
    return plan


def plan_organisations(plan: Plan, lookups: Lookups, rows: list[Row]) -> None:
    changes: list[Change] = []
    for row in rows:
        if row.problems:
            continue
        values = {k: v for k, v in row.values.items() if k in c.ORGANISATIONS.by_key}
        if "sector" in values and not values["sector"]:
            values.pop("sector")
        try:
            found = lookups.organisation(values["name"], values.get("org_id", ""), where(row))
        except Ambiguous as problem:
            plan.problem(row, str(problem))
            continue
        if isinstance(found, NewOrganisation):
            found.values.update(values)
            found.sector = values.get("sector", found.sector)
            changes.append(Change(row.sheet, row.number, CREATED, values))
            continue
        if "org_id" in values and not values["org_id"]:
            values.pop("org_id")  # a blank org-id never clears one the register holds
        changed = changed_values(found, values)
        changes.append(Change(row.sheet, row.number, UPDATED if changed else UNCHANGED, changed, found))
    plan.changes[c.ORGANISATIONS.name] = changes


def _reference_list(plan: Plan, row: Row, key: str, table: dict, allowed: list[str], what: str):
    name = row.get(key)
    found = table.get(c.squash(name))
    if found is None:
        column = c.PARTNERSHIPS.by_key[key]
        plan.problem(
            row, f'{column.header} "{name}" is not one of the council\'s {what} ({", ".join(allowed)})'
        )
    return found


def _subtype(plan: Plan, row: Row, type_name: str, values: dict[str, Any]) -> bool:
    """The sub-type, by its id or name, must be one of the type's under the framework in force."""
    given = c.squash(str(values["subtype"]))
    offered = offered_types.subtypes_for(type_name)
    found = next((s for s in offered if given in (c.squash(s.id), c.squash(s.name))), None)
    if found is None:
        names = ", ".join(s.name for s in offered) or "none"
        plan.problem(row, f'Sub-type "{values["subtype"]}" is not a sub-type of "{type_name}" ({names})')
        return False
    values["subtype"] = found.id
    return True


def _partnership_values(plan: Plan, lookups: Lookups, row: Row) -> dict[str, Any] | None:
    values = {k: row.values[k] for k in PARTNERSHIP_FIELDS if k in row.values}
    values["reference"] = values["reference"].upper()
    values.update({k: "unknown" for k in UNKNOWN_WHEN_BLANK if values.get(k, None) == ""})
    ok = True
    kind = _reference_list(
        plan, row, "partnership_type", lookups.types, lookups.active_types, "partnership types"
    )
    directorate = _reference_list(
        plan,
        row,
        "directorate",
        lookups.directorates,
        lookups.active_directorates,
        "directorates or services",
    )
    values.update(partnership_type=kind, directorate=directorate)
    ok = kind is not None and directorate is not None
    if kind is not None and values.get("subtype"):
        ok = _subtype(plan, row, kind.name, values) and ok
    for key in ("lead_organisation", "accountable_body"):
        if key not in values:
            continue
        if not values[key]:
            values[key] = None
            continue
        try:
            values[key] = lookups.organisation(values[key], row.get(f"{key}_org_id"), where(row))
        except Ambiguous as problem:
            plan.problem(row, str(problem))
            ok = False
    start, end = values.get("start_date"), values.get("proposed_end_date")
    if start and end and end < start:
        plan.problem(row, "Proposed end date must be after the start date")
        ok = False
    return values if ok else None


def plan_partnerships(plan: Plan, lookups: Lookups, rows: list[Row]) -> set[str]:
    """Plan the Partnerships sheet; returns the references it would create."""
    changes: list[Change] = []
    first_row: dict[str, int] = {}
    new_refs: set[str] = set()
    for row in rows:
        reference = str(row.get("reference")).upper()
        if reference and reference in first_row:
            plan.problem(
                row, f"Reference {reference} is also on row {first_row[reference]}: each must be different"
            )
            continue
        first_row[reference] = row.number
        if row.problems:
            continue
        values = _partnership_values(plan, lookups, row)
        if values is None:
            continue
        existing = lookups.partnerships.get(reference)
        status = row.get("status")
        if existing is None:
            values["status"] = status or statuses.infer(plan.assumed, values)
            changes.append(Change(row.sheet, row.number, CREATED, values, reference=reference))
            new_refs.add(reference)
            continue
        if status and status != existing.status:
            plan.problem(
                row,
                f"Status cannot change from {existing.get_status_display()} to "
                f"{PartnershipStatus(status).label} by an import: status changes go through the partnership "
                "cycle (the partnership's Cycle page)",
            )
            continue
        changed = changed_values(existing, values)
        if changed and existing.status in FINISHED_STATUSES:
            plan.problem(
                row,
                f"{existing.name} is {existing.get_status_display().lower()}: it is read-only, "
                "so the import cannot change it",
            )
            continue
        action = UPDATED if changed else UNCHANGED
        changes.append(Change(row.sheet, row.number, action, changed, existing, reference))
    plan.changes[c.PARTNERSHIPS.name] = changes
    return new_refs
