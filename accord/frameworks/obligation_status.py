"""One obligation at a time: when it falls due, and whether it is met, due soon, overdue, not yet
due, before Accord or not applicable (ADR 0021). Pure functions of (obligation, facts, today); the
engine (accord.frameworks.engine) applies them to all of a partnership's obligations, and the rule
modules (duty_rules, risk_rules, assurance_rules) build their results from them.
"""

from collections.abc import Mapping
from datetime import date
from typing import NamedTuple

from .durations import Duration, parse
from .facts import PartnershipFacts
from .schema import Obligation

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


def _applies(
    obligation: Obligation, tier_id: str, type_id: str | None, conditions: Mapping[str, bool] | None = None
) -> bool:
    if obligation.tiers and tier_id not in obligation.tiers:
        return False
    if obligation.when is not None and not obligation.when.met(conditions):
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


def long_date(day: date) -> str:
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
    return due_on(first_offset, repeat, obligation.cadence, anchor_date, completions)


def due_on(
    first_offset: Duration, repeat: Duration | None, cadence: str, anchor_date: date, completions: list[date]
) -> date:
    """`next_due` for any duty with these durations and cadence (a council obligation's too)."""
    first_due = first_offset.after(anchor_date)
    if repeat is None or not completions:
        return first_due
    if cadence == "rolling":
        return repeat.after(completions[-1])
    return _nth(first_due, repeat, _pending_cycle(first_due, repeat, completions))


def status_on(today: date, due: date, soon: Duration, done: bool) -> str:
    """Overdue after `due`; due soon from `soon` before it; otherwise met if done, else not yet due."""
    return _status(today, due, soon, done)


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

    if not _applies(obligation, tier_id, type_id, facts.conditions):
        return result(NOT_APPLICABLE, why="Does not apply to this partnership")
    if facts.status in ENDED:
        ended = f" on {long_date(facts.ended_on)}" if facts.ended_on else ""
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
                f"Fell due before Accord began tracking on {long_date(tracking)}: "
                "record when it was last done"
            )
            return result(BEFORE_ACCORD, None, anchor, anchor_date, None, why)
        why = f"Was due on {long_date(due)}, before Accord began tracking on {long_date(tracking)}"
        due = tracking
    _, _, soon = _durations(obligation)
    return result(_status(today, due, soon, last is not None), due, anchor, anchor_date, last, why)
