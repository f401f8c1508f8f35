"""The earlier re-review after a governance assurance rating below the top level, as an obligation:
a pure function of (framework, facts, today), no database.

A partnership whose latest rating (`facts.rating`) is below Substantial is reviewed again within
the framework's `assurance.rereview_after` (six months by default) of the rating; any review
completed after the rating meets it (evidence for any artefact of kind `review`). One result per
partnership, under a fixed obligation id, and only when the framework has an `assurance` section.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from . import obligation_status as engine
from .assurance import LEVEL_NAMES, TOP
from .durations import parse
from .facts import PartnershipFacts
from .schema import Framework

REREVIEW = "assurance_rereview"
RULE_IDS = (REREVIEW,)
ARTEFACT = "review"  # the artefact kind that meets it
ANCHOR = "rated"
DUE_SOON = "P1M"  # as for the framework's obligations: a month's notice
NAME = "Earlier re-review after a rating below Substantial"


@dataclass(frozen=True)
class AssuranceRule:
    """The rule as the dashboards list it, alongside the framework's obligations (id, name, cite)."""

    id: str
    name: str
    cite: str


def rules(framework: Framework) -> tuple[AssuranceRule, ...]:
    if framework.assurance is None:
        return ()
    return (AssuranceRule(REREVIEW, NAME, framework.assurance.cite),)


def review_artefacts(framework: Framework) -> tuple[str, ...]:
    return tuple(a.id for a in framework.artefacts if a.kind == ARTEFACT)


def rereview_due(framework: Framework, rated_on: date) -> date:
    assert framework.assurance is not None
    return parse(framework.assurance.rereview_after).after(rated_on)


def reviewed_since(framework: Framework, facts: PartnershipFacts, rated_on: date) -> date | None:
    """The first review completed after the rating, if any."""
    dates = [d for a in review_artefacts(framework) for d in facts.evidence.get(a, ()) if d > rated_on]
    return min(dates, default=None)


def _result(
    rule: AssuranceRule,
    status: str,
    due: date | None = None,
    anchor_date: date | None = None,
    evidence: date | None = None,
    why: str = "",
) -> engine.ObligationResult:
    return engine.ObligationResult(
        rule.id, rule.name, ARTEFACT, rule.cite, status, due, ANCHOR, anchor_date, evidence, why, False
    )


def evaluate(framework: Framework, facts: PartnershipFacts, today: date) -> list[engine.ObligationResult]:
    found = rules(framework)
    if not found:
        return []
    rule = found[0]
    rating = facts.rating
    if rating is None:
        return [_result(rule, engine.NOT_APPLICABLE, why="Not rated yet")]
    level = LEVEL_NAMES.get(rating.level, rating.level)
    if rating.level == TOP:
        return [_result(rule, engine.NOT_APPLICABLE, None, rating.rated_on, None, f"Rated {level}")]
    due = rereview_due(framework, rating.rated_on)
    done = reviewed_since(framework, facts, rating.rated_on)
    why = f"Rated {level} on {rating.rated_on:%-d %B %Y}"
    if done is not None:
        return [_result(rule, engine.MET, due, rating.rated_on, done, f"{why}; reviewed again since")]
    if today > due:
        status = engine.OVERDUE
    elif today >= parse(DUE_SOON).before(due):
        status = engine.DUE_SOON
    else:
        status = engine.NOT_YET_DUE
    return [_result(rule, status, due, rating.rated_on, None, why)]
