"""How well a partnership's representatives keep their duties: pure functions, no database.

From the attendance recorded at meetings and the report-back obligation (if the framework sets a
regular one), work out each representative's attendance rate and the warnings the representatives'
page shows: a substitute who went without being briefed first (Bury App 5 (i): "Make sure that
substitutes are fully briefed prior to attending any meetings"), and a regular report-back overdue.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from accord.frameworks import engine

ATTENDED, APOLOGIES, ABSENT, SUBSTITUTE = "attended", "apologies", "absent", "substitute"


class AttendanceFact(NamedTuple):
    """One representative at one meeting, as recorded."""

    person_id: int
    person_name: str
    meeting_title: str
    held_on: date
    status: str
    substitute_name: str = ""
    substitute_briefed: bool = False
    briefed_on: date | None = None


@dataclass(frozen=True)
class Rate:
    """A representative's attendance over the meetings recorded for them."""

    person_id: int
    meetings: int = 0
    attended: int = 0
    apologies: int = 0
    absent: int = 0
    substitute: int = 0

    @property
    def share(self) -> float | None:
        """Meetings attended in person, as a share of those recorded (None if none recorded)."""
        return self.attended / self.meetings if self.meetings else None

    @property
    def represented(self) -> int:
        """Meetings at which the council was represented: in person or by a substitute."""
        return self.attended + self.substitute

    @property
    def label(self) -> str:
        if not self.meetings:
            return "No meetings recorded"
        return f"{self.attended} of {self.meetings} ({round(100 * self.share)}%)"


def rates(facts: Iterable[AttendanceFact]) -> dict[int, Rate]:
    counts: dict[int, dict[str, int]] = {}
    for fact in facts:
        row = counts.setdefault(fact.person_id, {ATTENDED: 0, APOLOGIES: 0, ABSENT: 0, SUBSTITUTE: 0})
        row[fact.status] = row.get(fact.status, 0) + 1
    return {
        pk: Rate(pk, sum(row.values()), row[ATTENDED], row[APOLOGIES], row[ABSENT], row[SUBSTITUTE])
        for pk, row in counts.items()
    }


@dataclass(frozen=True)
class Warning:
    kind: str  # "unbriefed_substitute" | "report_back_overdue"
    text: str
    cite: str = ""


def _day(value: date) -> str:
    return value.strftime("%-d %B %Y")


def substitute_warnings(facts: Iterable[AttendanceFact]) -> list[Warning]:
    """Each substitute who went without being briefed before the meeting, latest meeting first."""
    found = []
    for fact in sorted(facts, key=lambda f: (f.held_on, f.person_name), reverse=True):
        if fact.status != SUBSTITUTE:
            continue
        where = f"the {fact.meeting_title} on {_day(fact.held_on)}"
        who = fact.substitute_name or "A substitute"
        if not fact.substitute_briefed:
            text = f"{who} went to {where} instead of {fact.person_name} without being briefed."
        elif fact.briefed_on is not None and fact.briefed_on > fact.held_on:
            text = f"{who} went to {where} instead of {fact.person_name} but was briefed only afterwards."
        else:
            continue
        found.append(Warning("unbriefed_substitute", text))
    return found


def report_back_warning(result: engine.ObligationResult | None) -> Warning | None:
    """A regular report-back that is overdue."""
    if result is None or result.status != engine.OVERDUE or result.due is None:
        return None
    since = f" The last one recorded was on {_day(result.evidence)}." if result.evidence else ""
    text = f"{result.name}: it was due on {_day(result.due)} and has not been recorded.{since}"
    return Warning("report_back_overdue", text, result.cite)


def warnings(facts: Iterable[AttendanceFact], result: engine.ObligationResult | None) -> list[Warning]:
    overdue = report_back_warning(result)
    return ([overdue] if overdue else []) + substitute_warnings(facts)
