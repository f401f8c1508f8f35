"""The council's own duties on a day (ADR 0031): the framework's council obligations, with what was
done gathered from the registered council sources (the reports app's issued reports) and the day
Accord began tracking, evaluated by the pure engine (accord.frameworks.council_duties)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from . import council_duties, tracking
from .schema import Framework
from .sources import council_sources


@dataclass(frozen=True)
class Done:
    """One thing that meets a council obligation: the day, its title and the page that shows it."""

    on: date
    title: str
    path: str


@dataclass(frozen=True)
class CouncilDuty:
    result: council_duties.CouncilDutyResult
    done: tuple[Done, ...]  # what met it, oldest first
    where: str | None  # the page where it is done (the report to issue)

    @property
    def latest(self) -> Done | None:
        return self.done[-1] if self.done else None


def duties(framework: Framework, today: date) -> list[CouncilDuty]:
    """Every council obligation of the framework on `today`, most pressing first."""
    if not framework.council_obligations:
        return []
    keys = {o.met_by.key for o in framework.council_obligations}
    sources = [source(framework) for source in council_sources()]
    done: dict[str, list[Done]] = {}
    for source in sources:
        for key, items in source.done(keys).items():
            done.setdefault(key, []).extend(items)
    facts = council_duties.CouncilFacts(
        {key: [d.on for d in items] for key, items in done.items()}, tracking.tracking_from()
    )
    found = []
    for result in council_duties.council_duties(framework, facts, today):
        met = sorted(
            (d for d in done.get(result.evidence, ()) if result.anchor_date and d.on >= result.anchor_date),
            key=lambda d: d.on,
        )
        where = next((w for s in sources if (w := s.where(result.evidence))), None)
        found.append(CouncilDuty(result, tuple(met), where))
    return found
