"""The rules engines: pure functions of (framework, facts, today). No database, no request.

- `classify`: is an arrangement a partnership? (the framework's definition and exclusions)
- `assess_significance`: which tier a partnership is in, and why
- `obligations`: everything a partnership must have or do, when, why, and whether it is met,
  including the rules for its joint risk register (`risk_rules`); one obligation's timing and
  status is `obligation_status`, whose names are this module's too
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from . import assurance_rules, duty_rules, risk_rules
from .facts import PartnershipFacts
from .obligation_status import (
    BEFORE_ACCORD,
    DUE_SOON,
    ENDED,
    MET,
    NOT_APPLICABLE,
    NOT_YET_DUE,
    OVERDUE,
    STATUS_LABELS,
    STATUSES,
    ObligationResult,
    evaluate,
    long_date,
    next_due,
)
from .schema import Framework, Obligation, Test, Tier

__all__ = [
    "BEFORE_ACCORD",
    "DUE_SOON",
    "ENDED",
    "MET",
    "NOT_APPLICABLE",
    "NOT_YET_DUE",
    "OVERDUE",
    "STATUS_LABELS",
    "STATUSES",
    "Classification",
    "ObligationResult",
    "Reason",
    "TierResult",
    "assess_significance",
    "classify",
    "definitions",
    "evaluate",
    "framework_type",
    "next_due",
    "obligations",
]


@dataclass(frozen=True)
class Reason:
    text: str
    cite: str


@dataclass(frozen=True)
class Classification:
    is_partnership: bool
    reasons: tuple[Reason, ...]
    unanswered: tuple[str, ...] = ()


def classify(framework: Framework, answers: Mapping[str, bool]) -> Classification:
    """Yes if every criterion is answered yes and no exclusion is answered yes; reasons quote clauses."""
    definition = framework.definition
    reasons: list[Reason] = []
    unanswered = [q.id for q in (*definition.criteria, *definition.exclusions) if q.id not in answers]
    failed = [q for q in definition.criteria if answers.get(q.id) is False]
    excluded = [q for q in definition.exclusions if answers.get(q.id) is True]
    for question in failed:
        reasons.append(Reason(f"No to: {question.text} {question.wording}".strip(), question.cite))
    for question in excluded:
        reasons.append(Reason(f"Excluded: {question.text} {question.wording}".strip(), question.cite))
    is_partnership = not failed and not excluded and not unanswered
    if is_partnership:
        reasons.append(Reason(f"Meets the definition: {definition.summary}", definition.cite))
    return Classification(is_partnership, tuple(reasons), tuple(unanswered))


@dataclass(frozen=True)
class TierResult:
    tier_id: str
    tier_name: str
    reasons: tuple[Reason, ...]
    framework_id: str
    framework_version: str


_TYPE_NAMES: dict[int, tuple[Framework, dict[str, str]]] = {}


def framework_type(framework: Framework, register_type: str) -> str | None:
    """The framework's type id for a register type name (matched case-insensitively)."""
    cached = _TYPE_NAMES.get(id(framework))
    if cached is None or cached[0] is not framework:
        names: dict[str, str] = {}
        for type_rule in framework.types:
            for name in (type_rule.name, *type_rule.register_names):
                names.setdefault(name.strip().lower(), type_rule.id)
        cached = _TYPE_NAMES[id(framework)] = (framework, names)
    return cached[1].get(register_type.strip().lower())


def _parameter(framework: Framework, parameter_id: str | None) -> Decimal:
    for parameter in framework.significance.parameters:
        if parameter.id == parameter_id:
            return Decimal(str(parameter.value))
    raise KeyError(parameter_id)


def _test_passes(framework: Framework, test: Test, facts: PartnershipFacts) -> tuple[bool, str]:
    if test.kind == "question":
        answer = facts.answers.get(test.id)
        return (
            answer is True,
            f"{test.question} {'Yes' if answer else 'No' if answer is False else 'Not answered'}",
        )
    value = {
        "statutory": facts.statutory,
        "council_contribution": facts.council_contribution,
        "council_role": facts.council_role,
        "type": framework_type(framework, facts.register_type) or "",
        "duration_years": facts.duration_years,
        "key_partnership": facts.key_partnership,
    }[test.fact or ""]
    if test.op == "is_true":
        return bool(value), f"{test.name}: {'yes' if value else 'no'}"
    if test.op in {"gte", "gt"}:
        threshold = _parameter(framework, test.parameter)
        number = Decimal(str(value or 0))
        passed = number >= threshold if test.op == "gte" else number > threshold
        return passed, f"{test.name}: {number:,.0f} against {threshold:,.0f}"
    passed = str(value) in test.values
    return passed, f"{test.name}: {value or 'not recorded'}"


def _tier_matches(framework: Framework, tier: Tier, facts: PartnershipFacts) -> tuple[bool, list[Reason]]:
    if tier.match == "default":
        return True, [Reason(f"{tier.name}: none of the tests for a higher tier is met", tier.cite)]
    results = [(test, *_test_passes(framework, test, facts)) for test in tier.tests]
    if tier.match == "any":
        passed = [Reason(detail, test.cite) for test, ok, detail in results if ok]
        return bool(passed), passed
    ok_all = all(ok for _, ok, _ in results)
    return ok_all, [Reason(detail, test.cite) for test, ok, detail in results] if ok_all else []


def assess_significance(framework: Framework, facts: PartnershipFacts) -> TierResult:
    for tier in framework.significance.tiers:
        matched, reasons = _tier_matches(framework, tier, facts)
        if matched:
            return TierResult(tier.id, tier.name, tuple(reasons), framework.id, framework.version)
    raise AssertionError("a validated framework always has a default tier")


_RANK = {status: rank for rank, status in enumerate(STATUSES)}


def obligations(
    framework: Framework, facts: PartnershipFacts, today: date, tier_id: str | None = None
) -> list[ObligationResult]:
    """Every obligation the framework sets, then its risk, assurance and duty rules, evaluated for
    this partnership on `today`, most pressing first."""
    tier_id = tier_id or assess_significance(framework, facts).tier_id
    type_id = framework_type(framework, facts.register_type)
    results = [evaluate(o, facts, tier_id, type_id, today) for o in framework.obligations]
    rules = [
        *risk_rules.evaluate(framework, facts, today),
        *assurance_rules.evaluate(framework, facts, today),
        *duty_rules.evaluate(framework, facts, today, tier_id),
    ]
    if facts.status in ENDED:  # nothing more is due from a partnership that has ended
        why = "Nothing is due: the partnership ended" + (
            f" on {long_date(facts.ended_on)}" if facts.ended_on else ""
        )
        rules = [r._replace(status=NOT_APPLICABLE, due=None, why=why) for r in rules]
    results.extend(rules)
    results.sort(key=lambda r: (_RANK[r.status], r.due or date.max, r.obligation_id))
    return results


def definitions(
    framework: Framework,
) -> "tuple[Obligation | risk_rules.RiskRule | assurance_rules.AssuranceRule, ...]":
    """Everything `obligations` can report, as (id, name, cite) items: the framework's obligations,
    then its assurance, risk and duty rules. For pages that list obligations before any partnership
    is evaluated."""
    return (
        *framework.obligations,
        *assurance_rules.rules(framework),
        *risk_rules.rules(framework),
        *duty_rules.rules(framework),
    )
