"""Governance assurance ratings as a pure engine: `propose(framework, facts)` reads the framework's
`assurance` rules against what a review found and what the record shows, and proposes a rating,
Substantial, Reasonable, Limited or Weak, with a reason (and its clause) for every rule that lowers
it. No database and no request (ADR 0008).

Each rule caps the rating at a level when its measure crosses a threshold; the proposal is the
worst cap, or the top level when no rule applies. Where several rules on one measure apply (one
overdue item caps at Reasonable, three at Limited), the strictest gives the reason. A rule tests
its measure only in the direction in which the measure gets worse (checked when the file is
loaded), so worse facts never give a better rating.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .schema import ASSURANCE_LEVELS, Assurance, AssuranceRule, Framework

LEVELS = ASSURANCE_LEVELS  # best first: ("substantial", "reasonable", "limited", "weak")
LEVEL_NAMES = {
    "substantial": "Substantial",
    "reasonable": "Reasonable",
    "limited": "Limited",
    "weak": "Weak",
}
TOP = LEVELS[0]
LOW_SCORE = 1  # "1 NO – action required" (Redditch App 4a); a No on a yes/no bank counts the same
TOP_SCORE = 3  # "3 YES – working effectively"; a Yes on a yes/no bank counts the same


def rank(level: str) -> int:
    """0 for Substantial up to 3 for Weak: a higher rank is a worse rating."""
    return LEVELS.index(level)


def worse(a: str, b: str) -> str:
    return a if rank(a) >= rank(b) else b


@dataclass(frozen=True)
class Reason:
    text: str
    cite: str


@dataclass(frozen=True)
class AssuranceFacts:
    """What the rules read: the review's answers and the partnership's record at the time."""

    reviewed: bool = False  # a review has been completed (or is being completed now)
    scores: tuple[int, ...] = ()  # each answer scored 1 to 3 (Yes = 3, No = 1 on yes/no banks)
    overdue_obligations: tuple[str, ...] = ()  # names of obligations overdue, other than the review
    agreement_missing: bool = False
    risk_review_overdue: bool = False
    overdue_actions: int = 0  # review actions open past their due date
    business_case_reconfirmed: bool | None = None  # None: the review does not ask

    @property
    def low_answers(self) -> int:
        return sum(1 for score in self.scores if score <= LOW_SCORE)

    @property
    def low_answer_share(self) -> Decimal | None:
        return Decimal(self.low_answers) / len(self.scores) if self.scores else None

    @property
    def average_score(self) -> Decimal | None:
        return Decimal(sum(self.scores)) / len(self.scores) if self.scores else None

    def measure(self, name: str) -> Decimal | bool | None:
        """A measure's value; None when it cannot be measured (no scored answers)."""
        values: dict[str, Decimal | bool | None] = {
            "no_review": not self.reviewed,
            "low_answers": Decimal(self.low_answers),
            "low_answer_share": self.low_answer_share,
            "average_score": self.average_score,
            "overdue_obligations": Decimal(len(self.overdue_obligations)),
            "agreement_missing": self.agreement_missing,
            "risk_review_overdue": self.risk_review_overdue,
            "overdue_actions": Decimal(self.overdue_actions),
            "business_case_not_reconfirmed": self.business_case_reconfirmed is False,
        }
        return values[name]


@dataclass(frozen=True)
class Proposal:
    level: str
    reasons: tuple[Reason, ...]
    rules: tuple[str, ...] = ()  # ids of the rules that lowered it

    @property
    def name(self) -> str:
        return LEVEL_NAMES[self.level]


def applies(rule: AssuranceRule, facts: AssuranceFacts) -> bool:
    value = facts.measure(rule.measure)
    if value is None:
        return False
    if rule.op == "is_true":
        return bool(value)
    threshold = rule.threshold if rule.threshold is not None else Decimal(0)
    number = Decimal(value)
    return {
        "gte": number >= threshold,
        "gt": number > threshold,
        "lte": number <= threshold,
        "lt": number < threshold,
    }[rule.op]


def _percent(value: Decimal) -> str:
    return f"{(value * 100).quantize(Decimal('1'), rounding=ROUND_HALF_UP)}%"


def finding(measure: str, facts: AssuranceFacts) -> str:
    """What the record shows for a measure, in plain words."""
    n = facts.low_answers
    if measure == "no_review":
        return "no review has been completed yet"
    if measure == "low_answers":
        return f"{n} answer{'' if n == 1 else 's'} scored 1 (No – action required)"
    if measure == "low_answer_share":
        share = facts.low_answer_share or Decimal(0)
        return f"{n} of {len(facts.scores)} answers ({_percent(share)}) scored 1 (No – action required)"
    if measure == "average_score":
        average = (facts.average_score or Decimal(0)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        return f"the average score is {average} out of {TOP_SCORE}"
    if measure == "overdue_obligations":
        names = facts.overdue_obligations
        return f"{len(names)} overdue: {'; '.join(names)}" if names else "nothing is overdue"
    if measure == "agreement_missing":
        return "the agreement the framework requires is not in place"
    if measure == "risk_review_overdue":
        return "reviews of the joint risk register are overdue"
    if measure == "overdue_actions":
        k = facts.overdue_actions
        return f"{k} review action{'' if k == 1 else 's'} past {'its' if k == 1 else 'their'} due date"
    if measure == "business_case_not_reconfirmed":
        return "the review did not re-confirm the business case"
    raise KeyError(measure)


def section(framework: Framework, default: Assurance | None = None) -> Assurance:
    """The framework's assurance rules, or the default (the model framework's) where it has none."""
    found = framework.assurance or default
    if found is None:
        raise ValueError(f"Framework '{framework.id}' has no assurance section and no default was given")
    return found


def propose(framework: Framework, facts: AssuranceFacts, default: Assurance | None = None) -> Proposal:
    """The rating the framework's rules give these facts, with a reason (and its clause) for each
    measure that lowers it."""
    rules = section(framework, default)
    names = {level.id: level.name for level in rules.levels}
    level = TOP
    strictest: dict[str, tuple[int, AssuranceRule]] = {}  # measure -> its strictest rule that applies
    fired: list[str] = []
    for rule in rules.rules:
        if applies(rule, facts):
            level = worse(level, rule.cap)
            fired.append(rule.id)
            if rule.measure not in strictest or rank(rule.cap) > strictest[rule.measure][0]:
                strictest[rule.measure] = (rank(rule.cap), rule)
    if not fired:
        text = f"No rule of {framework.name} lowers the rating below {names[TOP]}."
        return Proposal(level, (Reason(text, rules.cite),), ())
    # One reason per measure (its strictest rule), those that set the rating first.
    reasons = []
    for _, rule in sorted(strictest.values(), key=lambda item: -item[0]):
        cap = names.get(rule.cap, LEVEL_NAMES[rule.cap])
        reasons.append(Reason(f"{rule.name}: {finding(rule.measure, facts)}. At best {cap}.", rule.cite))
    return Proposal(level, tuple(reasons), tuple(fired))
