"""Council-level obligations on a day (ADR 0031): a pure function of (framework, facts, today). No
database, no request; accord.frameworks.council gathers the facts and the pages show the results.

Each council obligation counts from its anchor — the start of the financial year (1 April) in which
Accord began tracking the council's duties, the framework's effective date, or a fixed date — and is
due, met, due soon or overdue by the same rules, and in the same words, as a partnership's
obligations (accord.frameworks.obligation_status, ADR 0021).
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from .durations import parse
from .obligation_status import (
    MET,
    NOT_APPLICABLE,
    STATUS_LABELS,
    STATUSES,
    due_on,
    long_date,
    status_on,
)
from .schema import CouncilObligation, Framework


@dataclass(frozen=True)
class CouncilFacts:
    """What the council has done: evidence key (e.g. 'report:private-sector') → the days it was done;
    and the day Accord began tracking the council's duties (None before anything is registered)."""

    done: Mapping[str, Sequence[date]] = field(default_factory=dict)
    tracking_from: date | None = None


@dataclass(frozen=True)
class CouncilDutyResult:
    obligation_id: str
    name: str
    owner_roles: tuple[str, ...]
    owner_titles: tuple[str, ...]
    cite: str
    evidence: str  # the evidence key that meets it
    status: str
    due: date | None
    anchor_date: date | None
    last_done: date | None = None
    why: str = ""
    recurring: bool = False

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


def financial_year_start(day: date) -> date:
    """1 April of the financial year `day` falls in."""
    return date(day.year if day.month >= 4 else day.year - 1, 4, 1)


def anchor_date(framework: Framework, obligation: CouncilObligation, facts: CouncilFacts) -> date | None:
    """The day the obligation counts from, or None while there is nothing to count from."""
    if obligation.anchor == "date":
        return obligation.anchor_date
    if obligation.anchor == "effective_date":
        return framework.effective_date
    return financial_year_start(facts.tracking_from) if facts.tracking_from else None


def evaluate(
    framework: Framework, obligation: CouncilObligation, facts: CouncilFacts, today: date
) -> CouncilDutyResult:
    """One council obligation on `today`."""
    titles = {role.id: role.title for role in framework.roles}
    key = obligation.met_by.key
    start = anchor_date(framework, obligation, facts)

    def result(
        status: str, due: date | None = None, last: date | None = None, why: str = ""
    ) -> CouncilDutyResult:
        return CouncilDutyResult(
            obligation.id,
            obligation.name,
            tuple(obligation.owners),
            tuple(titles.get(role, role) for role in obligation.owners),
            obligation.cite,
            key,
            status,
            due,
            start,
            last,
            why,
            obligation.repeat is not None,
        )

    if start is None:
        return result(NOT_APPLICABLE, why="Accord has not begun tracking the council's duties")
    completions = sorted({d for d in facts.done.get(key, ()) if d >= start})
    last = completions[-1] if completions else None
    first = parse(obligation.first_due)
    repeat = parse(obligation.repeat) if obligation.repeat else None
    if repeat is None and last is not None:
        return result(MET, first.after(start), last, f"Done on {long_date(last)}")
    due = due_on(first, repeat, obligation.cadence, start, completions)
    why = f"Last done on {long_date(last)}" if last else f"Counted from {long_date(start)}"
    return result(status_on(today, due, parse(obligation.due_soon), last is not None), due, last, why)


_RANK = {status: rank for rank, status in enumerate(STATUSES)}


def council_duties(framework: Framework, facts: CouncilFacts, today: date) -> list[CouncilDutyResult]:
    """Every council obligation the framework sets, on `today`, most pressing first."""
    results = [evaluate(framework, o, facts, today) for o in framework.council_obligations]
    results.sort(key=lambda r: (_RANK[r.status], r.due or date.max, r.obligation_id))
    return results
