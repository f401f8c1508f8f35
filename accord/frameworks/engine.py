"""The rules engines: pure functions of (framework, facts, today). No database, no request.

- `classify`: is an arrangement a partnership? (the framework's definition and exclusions)
- `assess_significance`: which tier a partnership is in, and why
- `obligations`: everything a partnership must have or do, when, why, and whether it is met,
  including the rules for its joint risk register (`risk_rules`)
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from . import assurance_rules, duty_rules, risk_rules
from .durations import Duration, parse
from .facts import PartnershipFacts
from .schema import Framework, Obligation, Test, Tier

MET, DUE_SOON, OVERDUE, NOT_YET_DUE, NOT_APPLICABLE, BEFORE_ACCORD = (
    "met",
    "due_soon",
    "overdue",
    "not_yet_due",
    "not_applicable",
    "before_accord",
)
# Most pressing first. "Before Accord": it fell due before Accord began tracking and nobody has yet
# recorded when it was last done (ADR 0021) — it needs a date, not a chase.
STATUSES = (OVERDUE, DUE_SOON, BEFORE_ACCORD, NOT_YET_DUE, MET, NOT_APPLICABLE)
STATUS_LABELS = {
    MET: "Met",
    DUE_SOON: "Due soon",
    OVERDUE: "Overdue",
    NOT_YET_DUE: "Not yet due",
    NOT_APPLICABLE: "Not applicable",
    BEFORE_ACCORD: "Before Accord",
}
# States in which a partnership has nothing more to do.
ENDED = frozenset({"closed", "rejected", "withdrawn"})


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


class ObligationResult(NamedTuple):
    """One obligation for one partnership on one day (a named tuple: cheap to make in bulk)."""

    obligation_id: str
    name: str
    artefact: str
    cite: str
    status: str
    due: date | None
    anchor: str
    anchor_date: date | None
    evidence: date | None = None
    why: str = ""
    recurring: bool = False

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


def _applies(obligation: Obligation, tier_id: str, type_id: str | None) -> bool:
    if obligation.tiers and tier_id not in obligation.tiers:
        return False
    return not obligation.types or type_id in obligation.types


def _nth(first: date, repeat: Duration, k: int) -> date:
    """The k-th due date of a fixed series, counted from the first so month-ends do not drift."""
    return Duration(repeat.years * k, repeat.months * k, repeat.days * k).after(first)


def _cycle_on_or_after(first: date, repeat: Duration, day: date) -> int:
    """The index k of the first due date in the fixed series that is on or after `day`."""
    if day <= first:
        return 0
    approx_days = max(1, repeat.years * 365 + repeat.months * 30 + repeat.days)
    k = max(0, (day - first).days // approx_days - 1)
    while _nth(first, repeat, k) < day:
        k += 1
    while k > 0 and _nth(first, repeat, k - 1) >= day:
        k -= 1
    return k


def _pending_cycle(first: date, repeat: Duration, completions: list[date]) -> int:
    """For a fixed cadence: the index of the first due date the completions leave unmet.

    A completion meets the first due date on or after it (its period's), so one done early in a
    period meets that period and no other; one that arrives after an unmet due date meets that
    overdue date, late, so a late report is not also credited to the period it was written in.
    A completion dated on a due date meets that due date."""
    pending = 0
    for day in completions:
        cycle = _cycle_on_or_after(first, repeat, day)
        late = cycle > pending and _nth(first, repeat, cycle) != day
        pending = cycle if late else max(pending, cycle + 1)
    return pending


_DURATIONS: dict[int, tuple[Obligation, tuple[Duration, Duration | None, Duration]]] = {}


def _durations(obligation: Obligation) -> tuple[Duration, Duration | None, Duration]:
    """An obligation's durations, parsed once."""
    cached = _DURATIONS.get(id(obligation))
    if cached is None or cached[0] is not obligation:
        parsed = (
            parse(obligation.first_due),
            parse(obligation.repeat) if obligation.repeat else None,
            parse(obligation.due_soon),
        )
        cached = _DURATIONS[id(obligation)] = (obligation, parsed)
    return cached[1]


def _words(anchor: str) -> str:
    return anchor.replace("_", " ")


def _anchor(obligation: Obligation, facts: PartnershipFacts) -> tuple[str, date | None]:
    """The event the obligation counts from for this partnership: its anchor, else its fallback."""
    found = facts.anchors.get(obligation.anchor)
    if found is None and obligation.fallback_anchor:
        fallback = facts.anchors.get(obligation.fallback_anchor)
        if fallback is not None:
            return obligation.fallback_anchor, fallback
    return obligation.anchor, found


def _long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _status(today: date, due: date, soon: Duration, done: bool) -> str:
    if today > due:
        return OVERDUE
    if today >= soon.before(due):
        return DUE_SOON
    return MET if done else NOT_YET_DUE


def next_due(obligation: Obligation, anchor_date: date, completions: list[date]) -> date:
    """When the obligation is next due, given the sorted dates it was done on (ADR 0021).

    Once only: `first_due` after the anchor. Rolling: one `repeat` after the last completion (the
    first due date until it is first done), so doing it early never skips a period and the gap
    between two completions on time never exceeds the period. Fixed: the first unmet date of the
    grid `first_due` + n × `repeat`."""
    first_offset, repeat, _ = _durations(obligation)
    first_due = first_offset.after(anchor_date)
    if repeat is None or not completions:
        return first_due
    if obligation.cadence == "rolling":
        return repeat.after(completions[-1])
    return _nth(first_due, repeat, _pending_cycle(first_due, repeat, completions))


def evaluate(
    obligation: Obligation, facts: PartnershipFacts, tier_id: str, type_id: str | None, today: date
) -> ObligationResult:
    """One obligation for one partnership on `today` (ADR 0021 sets out the rules with examples)."""
    recurring = obligation.repeat is not None

    def result(
        status: str,
        due: date | None = None,
        anchor: str = obligation.anchor,
        anchor_date: date | None = None,
        evidence: date | None = None,
        why: str = "",
    ) -> ObligationResult:
        return ObligationResult(
            obligation.id,
            obligation.name,
            obligation.artefact,
            obligation.cite,
            status,
            due,
            anchor,
            anchor_date,
            evidence,
            why,
            recurring,
        )

    if not _applies(obligation, tier_id, type_id):
        return result(NOT_APPLICABLE, why="Does not apply to this tier or type")
    if facts.status in ENDED:
        ended = f" on {_long_date(facts.ended_on)}" if facts.ended_on else ""
        return result(NOT_APPLICABLE, why=f"Nothing is due: the partnership ended{ended}")
    anchor, anchor_date = _anchor(obligation, facts)
    if anchor_date is None:
        return result(NOT_APPLICABLE, why=f"No '{_words(obligation.anchor)}' date yet")
    done = sorted(d for d in facts.evidence.get(obligation.artefact, ()) if d >= anchor_date)
    prior = facts.last_done.get(obligation.id)
    completions = sorted({*done, prior}) if prior is not None else done
    last = completions[-1] if completions else None
    if not recurring and last is not None:
        return result(MET, next_due(obligation, anchor_date, []), anchor, anchor_date, last, "Done")
    due = next_due(obligation, anchor_date, completions)
    why = f"Counted from when it was {_words(anchor)}" if anchor != obligation.anchor else ""
    tracking = facts.tracking_from
    if tracking is not None and due < tracking:
        if last is None:
            why = (
                f"Fell due before Accord began tracking on {_long_date(tracking)}: "
                "record when it was last done"
            )
            return result(BEFORE_ACCORD, None, anchor, anchor_date, None, why)
        why = f"Was due on {_long_date(due)}, before Accord began tracking on {_long_date(tracking)}"
        due = tracking
    _, _, soon = _durations(obligation)
    return result(_status(today, due, soon, last is not None), due, anchor, anchor_date, last, why)


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
            f" on {_long_date(facts.ended_on)}" if facts.ended_on else ""
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
