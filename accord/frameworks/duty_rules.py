"""Outside-body duties as obligations: pure functions of (framework, facts, today), no database.

A framework type may say, per register type, who the council sends to a partnership and when its
representatives report back to the council, and to whom (`PartnershipTypeRule.report_back`, from
Bury App 5 (ii)). A report-back due at a regular interval ("LSP → Executive") becomes one obligation,
evaluated like the framework's own (first due one period after the anchor, then every period,
met by the dates representatives reported back: evidence key `report_back`, supplied by
accord.domain.representation.evidence). Report-backs that are due only when something arises ("only if
policy issues arise") are not obligations: the representatives' page shows them as guidance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from . import obligation_status as engine
from .durations import parse
from .facts import PartnershipFacts
from .schema import REPORT_BACK_TRIGGERS, Framework, Obligation, PartnershipTypeRule, ReportBack

REPORT_BACK = "report_back"  # the evidence key: dates on which representatives reported back
PREFIX = "report_back_"  # obligation ids: report_back_<register type or framework type>
DUE_SOON = "P1M"


@dataclass(frozen=True)
class Expectation:
    """What the framework expects of a partnership's representatives: its type, and the report-back
    rule for its register type (None where the type sets none), with the obligation a regular one
    becomes."""

    type_rule: PartnershipTypeRule
    rule: ReportBack | None
    obligation: Obligation | None

    @property
    def trigger_label(self) -> str:
        return REPORT_BACK_TRIGGERS.get(self.rule.trigger or "", "") if self.rule else ""

    @property
    def when(self) -> str:
        """When to report back, in words: 'Every year', 'Only if policy issues arise'."""
        if self.rule is None or self.rule.trigger is None:
            return ""
        if self.rule.trigger == "regular" and self.rule.every:
            return "Every " + in_words(self.rule.every)
        return self.trigger_label


def in_words(text: str) -> str:
    """A duration as people say it: 'year', '6 months', '2 years and 3 months', '2 weeks'."""
    duration = parse(text)
    parts: list[str] = []
    for count, unit in ((duration.years, "year"), (duration.months, "month")):
        if count:
            parts.append(
                unit if count == 1 and not parts else f"{count} {unit}s" if count > 1 else f"1 {unit}"
            )
    if duration.days:
        weeks, days = divmod(duration.days, 7)
        if weeks and not days:
            parts.append("week" if weeks == 1 and not parts else f"{weeks} weeks" if weeks > 1 else "1 week")
        else:
            parts.append("day" if duration.days == 1 and not parts else f"{duration.days} days")
    if len(parts) > 1 and parts[0] in ("year", "month", "week", "day"):
        parts[0] = "1 " + parts[0]
    return " and ".join(parts)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "type"


def _obligation(type_rule: PartnershipTypeRule, rule: ReportBack) -> Obligation | None:
    if rule.trigger != "regular" or rule.every is None:
        return None
    names = rule.register_names
    suffix = _slug(names[0]) if len(names) == 1 else _slug(type_rule.id)
    scope = f" ({', '.join(names)})" if names else ""
    return Obligation(
        id=PREFIX + suffix,
        name=f"Representatives report back to {rule.to or 'the council'}{scope}",
        artefact=REPORT_BACK,
        anchor=rule.anchor,
        first_due=rule.every,
        repeat=rule.every,
        types=[type_rule.id],
        due_soon=DUE_SOON,
        cite=rule.cite,
    )


_INDEX: dict[
    int, tuple[Framework, dict[str, Expectation], dict[tuple[str, str], Expectation], tuple[Obligation, ...]]
] = {}


def _index(
    framework: Framework,
) -> tuple[dict[str, Expectation], dict[tuple[str, str], Expectation], tuple[Obligation, ...]]:
    """Register type name (lower case) -> its expectation, (type id, sub-type id) -> the expectation
    of a rule for that sub-type, and every regular rule's obligation; worked out once per framework."""
    cached = _INDEX.get(id(framework))
    if cached is None or cached[0] is not framework:
        by_name: dict[str, Expectation] = {}
        by_subtype: dict[tuple[str, str], Expectation] = {}
        made: list[Obligation] = []
        for type_rule in framework.types:
            rest = next((r for r in type_rule.report_back if not r.register_names and not r.subtypes), None)
            expectations = {}
            for rule in type_rule.report_back:
                obligation = _obligation(type_rule, rule)
                if obligation is not None:
                    made.append(obligation)
                expectations[id(rule)] = Expectation(type_rule, rule, obligation)
                for subtype in rule.subtypes:
                    by_subtype[(type_rule.id, subtype)] = expectations[id(rule)]
            default = expectations[id(rest)] if rest else Expectation(type_rule, None, None)
            for name in (type_rule.name, *type_rule.register_names):
                key = name.strip().lower()
                named = next((r for r in type_rule.report_back if key in _lower(r.register_names)), None)
                by_name.setdefault(key, expectations[id(named)] if named else default)
        cached = _INDEX[id(framework)] = (framework, by_name, by_subtype, tuple(made))
    return cached[1], cached[2], cached[3]


def _lower(names: list[str]) -> set[str]:
    return {name.strip().lower() for name in names}


def expectation(framework: Framework, register_type: str, subtype: str = "") -> Expectation | None:
    """What the framework expects of the representatives of a partnership of this register type (and
    sub-type, where the framework has a rule for it); None where the register type is none of the
    framework's types."""
    by_name, by_subtype, _ = _index(framework)
    found = by_name.get(register_type.strip().lower())
    if found is None or not subtype:
        return found
    return by_subtype.get((found.type_rule.id, subtype), found)


def rules(framework: Framework) -> tuple[Obligation, ...]:
    """The obligations regular report-backs become, in the order of the framework's types."""
    return _index(framework)[2]


def evaluate(
    framework: Framework, facts: PartnershipFacts, today: date, tier_id: str
) -> list[engine.ObligationResult]:
    """The partnership's regular report-back obligation, if its type has one (else nothing)."""
    found = expectation(framework, facts.register_type, facts.subtype)
    if found is None or found.obligation is None:
        return []
    return [engine.evaluate(found.obligation, facts, tier_id, found.type_rule.id, today)]
