"""What changes between two versions of a framework, in plain words for the council (the versions
preview): "Duty 'Three-yearly review': repeats every year (was every 3 years)". The rule-by-rule
comparison itself is `accord.frameworks.diff`; this says it without ids, field names or durations
written as P3Y. Pure: no Django."""

from collections.abc import Iterator
from typing import Any

from .duty_rules import in_words
from .schema import Framework
from .schema_base import DURATION

# What each group of rules is called, in the singular.
GROUPS = {
    "roles": "Role",
    "types": "Partnership type",
    "artefacts": "Record",
    "stages": "Stage",
    "requirements": "Requirement before a stage",
    "obligations": "Duty",
    "question_banks": "Checklist",
    "templates": "Template",
    "significance.tiers": "Tier",
    "significance.parameters": "Figure",
    "definition.criteria": "Test of a partnership",
    "definition.exclusions": "Exclusion",
}
# What each field is, in words; a field not named here is "its details".
FIELDS = {
    "name": "name",
    "title": "title",
    "text": "wording",
    "wording": "wording",
    "description": "description",
    "summary": "summary",
    "repeat": "repeats",
    "first_due": "first due",
    "due_soon": "shown as due soon",
    "anchor": "counted from",
    "fallback_anchor": "otherwise counted from",
    "cadence": "due dates",
    "tiers": "tiers it applies to",
    "types": "types it applies to",
    "approvers": "approved by",
    "approve": "approvals needed",
    "gate": "needed before the stage",
    "artefact": "asks for",
    "value": "figure",
    "unit": "unit",
    "questions": "questions",
    "headings": "headings",
    "responsibilities": "responsibilities",
    "when": "condition",
    "tests": "tests",
    "match": "how it is met",
    "action": "button wording",
    "must_be": "must be",
    "coverage": "headings to cover",
    "subtypes": "sub-types",
    "report_back": "report-back rules",
}
CADENCES = {"rolling": "counted from when it was last done", "fixed": "on a fixed calendar"}


def _value(field: str, value: Any, names: dict[str, str]) -> str:
    if value is None or value == "" or value == []:
        return "none"
    if isinstance(value, str) and DURATION.fullmatch(value):
        return _every(value) if field == "repeat" else _length(value)
    if field == "cadence" and value in CADENCES:
        return CADENCES[value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return ", ".join(names.get(v, v.replace("_", " ")) for v in value)
    if isinstance(value, str):
        return names.get(value, value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return f"{value:,}"
    return ""  # a structure (questions, tests): said as changed, not spelt out


def _every(value: str) -> str:
    return f"every {in_words(value)}"  # "every year", "every 3 years"


def _length(value: str) -> str:
    words = in_words(value)
    return f"1 {words}" if words in ("year", "month", "week", "day") else words  # "1 month", "2 weeks"


def _label(item: dict[str, Any]) -> str:
    for key in ("name", "title", "text"):
        if item.get(key):
            return str(item[key])
    return "(unnamed)"


def _names(framework: Framework) -> dict[str, str]:
    """Ids the framework names (tiers, types, roles, records, stages) → their names, for values."""
    found: dict[str, str] = {}
    found.update({t.id: t.name for t in framework.significance.tiers})
    found.update({t.id: t.name for t in framework.types})
    found.update({r.id: r.title for r in framework.roles})
    found.update({a.id: a.name for a in framework.artefacts})
    found.update({s.id: s.name for s in framework.stages})
    return found


def _groups(framework: Framework) -> dict[str, dict[str, dict[str, Any]]]:
    def by_id(items: list[Any]) -> dict[str, dict[str, Any]]:
        return {item.id: item.model_dump(mode="json") for item in items}

    found = {group: by_id(getattr(framework, group)) for group in GROUPS if "." not in group}
    found["significance.tiers"] = by_id(framework.significance.tiers)
    found["significance.parameters"] = by_id(framework.significance.parameters)
    found["definition.criteria"] = by_id(framework.definition.criteria)
    found["definition.exclusions"] = by_id(framework.definition.exclusions)
    return found


def changes(old: Framework, new: Framework) -> Iterator[str]:
    """Each rule added, removed or changed from `old` to `new`, as a sentence."""
    old_names, new_names = _names(old), _names(new)
    before, after = _groups(old), _groups(new)
    for group, what in GROUPS.items():
        left, right = before[group], after[group]
        for ident in list(left) + [i for i in right if i not in left]:
            if ident not in right:
                yield f"{what} '{_label(left[ident])}' is no longer in the framework."
                continue
            if ident not in left:
                yield f"New {what.lower()}: '{_label(right[ident])}'."
                continue
            details = False
            for field in [k for k in right[ident] if k not in ("cite", "note", "id")]:
                was, now = left[ident].get(field), right[ident].get(field)
                if was == now:
                    continue
                shown_was, shown_now = _value(field, was, old_names), _value(field, now, new_names)
                if field in FIELDS and shown_now and shown_was:
                    yield f"{what} '{_label(right[ident])}': {FIELDS[field]} {shown_now} (was {shown_was})."
                elif field in FIELDS:
                    yield f"{what} '{_label(right[ident])}': its {FIELDS[field]} changed."
                else:
                    details = True
            if details:
                yield f"{what} '{_label(right[ident])}': its details changed."
    if [(b.id, b.min, b.max) for b in old.risk_model.bands] != [
        (b.id, b.min, b.max) for b in new.risk_model.bands
    ]:
        yield (
            "The risk bands changed: "
            + "; ".join(f"{b.name} {b.min} to {b.max}" for b in new.risk_model.bands)
            + "."
        )
