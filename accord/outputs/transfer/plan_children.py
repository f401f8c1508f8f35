"""The dry run for the sheets that hang off a partnership: members, representatives and contributions.

Each row is matched to what the register holds for its partnership by a natural key (the member
organisation; the person and role; the year, category and description of a contribution), so
importing the same file again changes nothing.
"""

from collections.abc import Callable, Iterable
from typing import Any

from django.db import models

from accord.register.models import (
    Contribution,
    Membership,
    Organisation,
    PartnershipRole,
    Person,
    PersonKind,
)

from . import columns as c
from .lookups import CHUNK, Ambiguous, Lookups, NewOrganisation, NewPerson
from .plan_model import (
    CREATED,
    UNCHANGED,
    UPDATED,
    Change,
    Plan,
    changed_values,
    is_read_only,
    organisation_of,
    partnership_for,
)
from .rows import Row

PERSON_FIELDS = ("job_title", "kind", "email", "phone")


def _existing(model: type[models.Model], partnership_ids: list[int], key: Callable) -> dict[Any, Any]:
    found: dict[Any, Any] = {}
    for start in range(0, len(partnership_ids), CHUNK):
        for child in model.objects.filter(partnership_id__in=partnership_ids[start : start + CHUNK]):
            found.setdefault(key(child), child)
    return found


def _ids(lookups: Lookups, rows: Iterable[Row]) -> list[int]:
    refs = {str(r.get("partnership")).upper() for r in rows}
    return sorted(p.pk for ref, p in lookups.partnerships.items() if ref in refs)


def _identity(thing: Any) -> tuple[str, int]:
    """A key for an organisation or person that may not exist yet (NewOrganisation, NewPerson)."""
    if isinstance(thing, NewOrganisation | NewPerson):
        return ("new", id(thing))
    return ("saved", thing.pk)


def _add(plan: Plan, sheet: str, row: Row, values: dict, instance, reference: str, partnership) -> None:
    changed = values if instance is None else changed_values(instance, values)
    action = CREATED if instance is None else (UPDATED if changed else UNCHANGED)
    if action != UNCHANGED and is_read_only(partnership):
        plan.problem(
            row, f"{partnership.name} is {partnership.get_status_display().lower()}: it is read-only"
        )
        return
    plan.changes.setdefault(sheet, []).append(Change(sheet, row.number, action, changed, instance, reference))


def _dates_in_order(plan: Plan, row: Row, start_key: str, end_key: str, sheet: c.Sheet) -> bool:
    start, end = row.get(start_key, None), row.get(end_key, None)
    if start and end and end < start:
        first, last = sheet.by_key[start_key].header, sheet.by_key[end_key].header
        plan.problem(row, f"{last} must be the same as or after {first.lower()}")
        return False
    return True


def _duplicate(plan: Plan, row: Row, seen: dict, key: tuple, what: str) -> bool:
    if key in seen:
        plan.problem(row, f"{what} is also on row {seen[key]}: give each once")
        return True
    seen[key] = row.number
    return False


def plan_members(plan: Plan, lookups: Lookups, rows: list[Row], known: set[str]) -> None:
    existing = _existing(Membership, _ids(lookups, rows), lambda m: (m.partnership_id, m.organisation_id))
    plan.changes[c.MEMBERS.name] = []
    seen: dict = {}
    for row in rows:
        reference, partnership = partnership_for(plan, lookups, row, known)
        if (
            not reference
            or row.problems
            or not _dates_in_order(plan, row, "start_date", "end_date", c.MEMBERS)
        ):
            continue
        organisation = organisation_of(lookups, row, plan)
        if organisation is None:
            continue
        if _duplicate(
            plan, row, seen, (reference, _identity(organisation)), f"{organisation} in {reference}"
        ):
            continue
        values: dict[str, Any] = {"organisation": organisation}
        values.update({k: row.values[k] for k in ("role", "start_date", "end_date", "notes") if row.has(k)})
        if "role" in values and not values["role"]:
            values["role"] = "member"
        instance = None  # a new organisation has no membership yet: it is created in the same commit
        if partnership is not None and isinstance(organisation, Organisation):
            instance = existing.get((partnership.pk, organisation.pk))
        _add(plan, c.MEMBERS.name, row, values, instance, reference, partnership)


def _person(plan: Plan, lookups: Lookups, row: Row):
    organisation = lookups.council
    if row.get("organisation"):
        organisation = organisation_of(lookups, row, plan)
        if organisation is None:
            return None
    if organisation is None:
        plan.problem(row, "Enter the organisation the person works for")
        return None
    try:
        person = lookups.person(row.get("person"), organisation, row.get("email"))
    except Ambiguous as problem:
        plan.problem(row, str(problem))
        return None
    given = {k: row.values[k] for k in PERSON_FIELDS if row.get(k)}
    if isinstance(person, NewPerson):
        is_council = organisation is lookups.council
        person.values.setdefault("kind", PersonKind.OFFICER if is_council else PersonKind.PARTNER_CONTACT)
        person.values.update(given)
    elif changed := changed_values(person, given):
        plan.person_updates.setdefault(person.pk, (person, {}))[1].update(changed)
    return person


def plan_representatives(plan: Plan, lookups: Lookups, rows: list[Row], known: set[str]) -> None:
    existing = _existing(
        PartnershipRole, _ids(lookups, rows), lambda r: (r.partnership_id, r.person_id, r.role)
    )
    plan.changes[c.REPRESENTATIVES.name] = []
    seen: dict = {}
    for row in rows:
        reference, partnership = partnership_for(plan, lookups, row, known)
        if not reference or row.problems:
            continue
        if not _dates_in_order(plan, row, "start_date", "end_date", c.REPRESENTATIVES):
            continue
        person = _person(plan, lookups, row)
        if person is None:
            continue
        role = row.get("role")
        key = (reference, _identity(person), role)
        if _duplicate(
            plan, row, seen, key, f"{person} as {dict(c.REPRESENTATIVES.by_key['role'].choices)[role]}"
        ):
            continue
        values: dict[str, Any] = {"person": person, "role": role}
        values.update({k: row.values[k] for k in ("start_date", "end_date", "notes") if row.has(k)})
        instance = None
        if partnership is not None and isinstance(person, Person):
            instance = existing.get((partnership.pk, person.pk, role))
        _add(plan, c.REPRESENTATIVES.name, row, values, instance, reference, partnership)


def plan_contributions(plan: Plan, lookups: Lookups, rows: list[Row], known: set[str]) -> None:
    existing = _existing(
        Contribution,
        _ids(lookups, rows),
        lambda x: (x.partnership_id, x.year, x.category, c.squash(x.description)),
    )
    plan.changes[c.CONTRIBUTIONS.name] = []
    seen: dict = {}
    for row in rows:
        reference, partnership = partnership_for(plan, lookups, row, known)
        if not reference or row.problems:
            continue
        values = {
            k: row.values[k]
            for k in ("year", "category", "amount", "finance_form", "hours", "description")
            if row.has(k)
        }
        if row.has("person"):
            values["person"] = None
            if row.get("person"):
                try:
                    values["person"] = lookups.person_named(row.get("person"))
                except Ambiguous as problem:
                    plan.problem(row, str(problem))
                    continue
        key = (reference, values["year"], values["category"], c.squash(values.get("description", "")))
        what = f"A {values['year']} contribution of this category and description"
        if _duplicate(plan, row, seen, key, what):
            continue
        instance = existing.get((partnership.pk, *key[1:])) if partnership else None
        _add(plan, c.CONTRIBUTIONS.name, row, values, instance, reference, partnership)
