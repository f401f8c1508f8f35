"""What adopting another version of a framework changes for each partnership on a day (ADR 0035).

Pure functions of (framework in force, candidate version, a partnership's facts under each, the
day): no database. `accord.frameworks.adoption.preview` gathers the facts for the whole register in
bulk and calls `partnership_changes` for each partnership.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from . import changes_in_words, engine
from .facts import PartnershipFacts
from .schema import LIFECYCLE_STATES, Framework, Requirement

TIER, NEW_DUTY, DUTY_ENDS, DUE_DATE, BECOMES_DUE, REQUIREMENT = (
    "tier",
    "new_duty",
    "duty_ends",
    "due_date",
    "becomes_due",
    "requirement",
)
KINDS = {
    BECOMES_DUE: "Duties that become overdue or due soon on the day",
    NEW_DUTY: "New duties",
    DUTY_ENDS: "Duties that no longer apply",
    DUE_DATE: "Due dates that change",
    TIER: "Tiers that change",
    REQUIREMENT: "What is needed to move on in the cycle",
}
PRESSING = (engine.OVERDUE, engine.DUE_SOON)


@dataclass(frozen=True)
class Change:
    kind: str
    what: str
    before: str = ""
    after: str = ""


@dataclass(frozen=True)
class Impact:
    """The framework-level summary (rule by rule) and each affected partnership's changes."""

    framework_id: str
    version_before: str
    version_after: str
    on: date
    summary: tuple[str, ...]
    changes: Mapping[int, tuple[Change, ...]]
    partnerships_checked: int

    def by_kind(self) -> dict[str, list[tuple[int, Change]]]:
        """kind -> (partnership id, change), in the order of KINDS; kinds with nothing left out."""
        grouped: dict[str, list[tuple[int, Change]]] = {kind: [] for kind in KINDS}
        for pk, changes in self.changes.items():
            for change in changes:
                grouped[change.kind].append((pk, change))
        return {kind: found for kind, found in grouped.items() if found}


def tier_of(framework: Framework, facts: PartnershipFacts, override: str | None = None) -> tuple[str, str]:
    """(tier id, name) under this framework: an administrator's override if the framework still
    has that tier, otherwise the engine's result."""
    for tier in framework.significance.tiers:
        if override and tier.id == override:
            return tier.id, tier.name
    result = engine.assess_significance(framework, facts)
    return result.tier_id, result.tier_name


def _day(day: date | None) -> str:
    return f"{day.day} {day:%B %Y}" if day else ""


def _duties(
    framework: Framework, facts: PartnershipFacts, on: date, tier_id: str
) -> dict[str, engine.ObligationResult]:
    return {r.obligation_id: r for r in engine.obligations(framework, facts, on, tier_id)}


def _applies(requirement: Requirement, tier_id: str, type_id: str | None, facts: PartnershipFacts) -> bool:
    if requirement.tiers and tier_id not in requirement.tiers:
        return False
    if requirement.when is not None and not requirement.when.met(facts.conditions):
        return False
    return not requirement.types or type_id in requirement.types


def gates_ahead(status: str) -> tuple[str, ...]:
    """The stages a partnership still in the cycle has yet to enter, up to being active."""
    if status not in LIFECYCLE_STATES:
        return ()
    active = LIFECYCLE_STATES.index("active")
    here = LIFECYCLE_STATES.index(status)
    return LIFECYCLE_STATES[here + 1 : active + 1] if here < active else ()


def _requirements(framework: Framework, facts: PartnershipFacts, tier_id: str) -> dict[str, dict[str, Any]]:
    gates = gates_ahead(facts.status)
    type_id = engine.framework_type(framework, facts.register_type)
    names = {a.id: a.name for a in framework.artefacts}
    stages = {s.id: s.name for s in framework.stages}
    return {
        r.id: {
            "what": f"{names.get(r.artefact, r.artefact)} (to enter {stages.get(r.gate, r.gate)})",
            "rule": r.model_dump(mode="json", exclude={"cite", "note"}),
        }
        for r in framework.requirements
        if r.gate in gates and _applies(r, tier_id, type_id, facts)
    }


def _requirement_changes(
    old: Framework, new: Framework, before: PartnershipFacts, after: PartnershipFacts, tiers: tuple[str, str]
) -> Iterable[Change]:
    was = _requirements(old, before, tiers[0])
    now = _requirements(new, after, tiers[1])
    for rid in sorted(was.keys() | now.keys()):
        if rid not in now:
            yield Change(REQUIREMENT, was[rid]["what"], "Needed", "No longer needed")
        elif rid not in was:
            yield Change(REQUIREMENT, now[rid]["what"], "Not needed", "Needed")
        elif was[rid]["rule"] != now[rid]["rule"]:
            yield Change(REQUIREMENT, now[rid]["what"], "Needed", "Needed, with changed approval")


def partnership_changes(
    old: Framework,
    new: Framework,
    before: PartnershipFacts,
    after: PartnershipFacts,
    on: date,
    override: str | None = None,
) -> tuple[Change, ...]:
    """What changes for one partnership on `on` if `new` is in force instead of `old`. `before` and
    `after` are its facts read under each (evidence is named by each framework's artefacts)."""
    old_tier = tier_of(old, before, override)
    new_tier = tier_of(new, after, override)
    changes: list[Change] = []
    if old_tier[0] != new_tier[0]:
        changes.append(Change(TIER, "Significance", old_tier[1], new_tier[1]))
    was = _duties(old, before, on, old_tier[0])
    now = _duties(new, after, on, new_tier[0])
    for oid in sorted(was.keys() | now.keys()):
        a, b = was.get(oid), now.get(oid)
        a_applies = a is not None and a.status != engine.NOT_APPLICABLE
        b_applies = b is not None and b.status != engine.NOT_APPLICABLE
        if b is not None and b_applies and not a_applies:
            changes.append(Change(NEW_DUTY, b.name, "", _due(b)))
        elif a is not None and a_applies and not b_applies:
            changes.append(Change(DUTY_ENDS, a.name, _due(a), ""))
        elif a is not None and b is not None and a_applies and b_applies:
            if a.due != b.due:
                changes.append(Change(DUE_DATE, b.name, _day(a.due) or "—", _day(b.due) or "—"))
            if b.status in PRESSING and a.status != b.status:
                changes.append(Change(BECOMES_DUE, b.name, a.status_label, _due(b)))
    changes.extend(_requirement_changes(old, new, before, after, (old_tier[0], new_tier[0])))
    return tuple(changes)


def _due(result: engine.ObligationResult) -> str:
    return f"{result.status_label}, due {_day(result.due)}" if result.due else result.status_label


def summary(old: Framework, new: Framework) -> tuple[str, ...]:
    """What changes in the framework's rules from the old version to the new, in words."""
    return tuple(changes_in_words.changes(old, new))
