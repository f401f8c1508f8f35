"""The framework's rules for joint risk registers, as obligations: pure functions of (framework,
facts, today), no database.

Each rule gives one `engine.ObligationResult` per partnership, under a fixed obligation id, and only
when the council's framework has the rule:

- `risk_review`: risks are reviewed at the cadence the framework sets for their band (any band with
  `review_every`);
- `risk_contingency`: every risk with a potentially high impact, whatever its likelihood, has a
  contingency plan (Redditch App 8 3.8; `risk_model.high_impact_from`);
- `risk_escalation`: risks in the bands the framework names are flagged to the Partnership Board and
  the departmental risk register (Bury App 10, Northampton Risk Management step 4;
  `risk_model.escalate_bands`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from . import obligation_status as engine
from .durations import parse
from .facts import PartnershipFacts, RiskFact
from .schema import Framework, RiskModel

RISK_REVIEW = "risk_review"
RISK_CONTINGENCY = "risk_contingency"
RISK_ESCALATION = "risk_escalation"
RULE_IDS = (RISK_REVIEW, RISK_CONTINGENCY, RISK_ESCALATION)

# The schema has no citation of its own for `high_impact_from`; the rule is Redditch's.
CONTINGENCY_CITE = "004_0d99c29b5f1d20f0.txt App 8 3.8"
ARTEFACT = "risk_register"  # the artefact kind the rules are about
ANCHOR = "identified"
DUE_SOON = "P1M"  # as for the framework's obligations: a month's notice

NAMES = {
    RISK_REVIEW: "Review risks at the framework's cadence",
    RISK_CONTINGENCY: "Contingency plan for every high-impact risk",
    RISK_ESCALATION: "Escalate high risks to the Partnership Board and departmental risk register",
}


@dataclass(frozen=True)
class RiskRule:
    """A risk rule as the dashboards list it, alongside the framework's obligations (id, name, cite)."""

    id: str
    name: str
    cite: str


def rules(framework: Framework) -> tuple[RiskRule, ...]:
    """The risk rules this framework has, in a fixed order."""
    model = framework.risk_model
    found = []
    if any(band.review_every for band in model.bands):
        found.append(RiskRule(RISK_REVIEW, NAMES[RISK_REVIEW], model.cite))
    if model.high_impact_from is not None:
        found.append(RiskRule(RISK_CONTINGENCY, NAMES[RISK_CONTINGENCY], CONTINGENCY_CITE))
    if model.escalate_bands:
        found.append(RiskRule(RISK_ESCALATION, NAMES[RISK_ESCALATION], model.escalate_cite or model.cite))
    return tuple(found)


def _result(
    rule: RiskRule,
    status: str,
    due: date | None = None,
    anchor_date: date | None = None,
    why: str = "",
    recurring: bool = False,
) -> engine.ObligationResult:
    return engine.ObligationResult(
        rule.id, rule.name, ARTEFACT, rule.cite, status, due, ANCHOR, anchor_date, None, why, recurring
    )


def _references(risks: Iterable[RiskFact]) -> str:
    return ", ".join(sorted(r.reference for r in risks))


def _earliest_identified(risks: Iterable[RiskFact]) -> date | None:
    return min((r.identified_on for r in risks), default=None)


def review_due(model: RiskModel, risk: RiskFact) -> date | None:
    """When a risk is next to be reviewed: its review date, or else the cadence of its band counted
    from when it was identified (the most frequent cadence while it has no current score)."""
    if risk.next_review_on is not None:
        return risk.next_review_on
    cadences = {band.id: band.review_every for band in model.bands if band.review_every}
    if risk.current_band:
        cadence = cadences.get(risk.current_band)
        return parse(cadence).after(risk.identified_on) if cadence else None
    return min((parse(c).after(risk.identified_on) for c in cadences.values()), default=None)


def _review(
    rule: RiskRule, model: RiskModel, risks: tuple[RiskFact, ...], today: date
) -> engine.ObligationResult:
    if not risks:
        return _result(rule, engine.NOT_APPLICABLE, why="No open risks", recurring=True)
    dated = [(risk, day) for risk in risks if (day := review_due(model, risk)) is not None]
    anchor = _earliest_identified(risks)
    if not dated:
        why = "No open risk has a review date or a band with a review cadence"
        return _result(rule, engine.NOT_APPLICABLE, None, anchor, why, True)
    due = min(day for _, day in dated)
    overdue = [risk for risk, day in dated if day < today]
    if overdue:
        return _result(rule, engine.OVERDUE, due, anchor, f"Review overdue: {_references(overdue)}", True)
    soon_from = parse(DUE_SOON).before
    soon = [risk for risk, day in dated if today >= soon_from(day)]
    if soon:
        return _result(rule, engine.DUE_SOON, due, anchor, f"Review due soon: {_references(soon)}", True)
    if all(risk.next_review_on is not None for risk in risks):
        return _result(rule, engine.MET, due, anchor, "Every open risk has a review date to come", True)
    unset = [risk for risk in risks if risk.next_review_on is None]
    return _result(rule, engine.NOT_YET_DUE, due, anchor, f"No review date set: {_references(unset)}", True)


def _impact(risk: RiskFact) -> int | None:
    """'Potentially high impact, irrespective of likelihood' (Redditch App 8 3.8): the higher of the
    inherent and current impact, so controls that lower the current score do not remove the plan."""
    known = [i for i in (risk.inherent_impact, risk.current_impact) if i is not None]
    return max(known) if known else None


def high_impact(model: RiskModel, risk: RiskFact) -> bool:
    threshold = model.high_impact_from or 0
    return not risk.opportunity and threshold > 0 and (_impact(risk) or 0) >= threshold


def contingency_missing(model: RiskModel, risk: RiskFact) -> bool:
    """The one test the rule and the risk's page share: a high-impact risk without a plan."""
    return high_impact(model, risk) and not risk.has_contingency_plan


def escalation_missing(model: RiskModel, risk: RiskFact) -> bool:
    return not risk.opportunity and risk.current_band in set(model.escalate_bands) and not risk.escalated


def _within_a_month(rule: RiskRule, risks: list[RiskFact], today: date, why: str) -> engine.ObligationResult:
    """Something a risk needs as soon as it is identified (a contingency plan, escalation) is due
    within the month's notice every duty gets (ADR 0021), counted from the earliest such risk:
    Due soon until then, Overdue after — never Overdue on the day the risk is recorded."""
    first = min(r.identified_on for r in risks)  # never empty: the risks that need it
    due = parse(DUE_SOON).after(first)
    return _result(rule, engine.OVERDUE if today > due else engine.DUE_SOON, due, first, why)


def _contingency(
    rule: RiskRule, model: RiskModel, risks: tuple[RiskFact, ...], today: date
) -> engine.ObligationResult:
    high = [r for r in risks if high_impact(model, r)]
    if not high:
        return _result(rule, engine.NOT_APPLICABLE, why="No open risk with a high impact")
    missing = [r for r in high if not r.has_contingency_plan]
    if missing:
        return _within_a_month(rule, missing, today, f"No contingency plan: {_references(missing)}")
    return _result(
        rule, engine.MET, None, _earliest_identified(high), "Every high-impact risk has a contingency plan"
    )


def _escalation(
    rule: RiskRule, model: RiskModel, risks: tuple[RiskFact, ...], today: date
) -> engine.ObligationResult:
    bands = set(model.escalate_bands)
    flagged = [r for r in risks if not r.opportunity and r.current_band in bands]
    if not flagged:
        return _result(rule, engine.NOT_APPLICABLE, why="No open risk in a band that is escalated")
    waiting = [r for r in flagged if not r.escalated]
    if waiting:
        return _within_a_month(rule, waiting, today, f"Not escalated: {_references(waiting)}")
    return _result(
        rule, engine.MET, None, _earliest_identified(flagged), "Every high risk has been escalated"
    )


def evaluate(framework: Framework, facts: PartnershipFacts, today: date) -> list[engine.ObligationResult]:
    """One result per risk rule the framework has, for this partnership on `today`."""
    model = framework.risk_model
    results = []
    for rule in rules(framework):
        if rule.id == RISK_REVIEW:
            results.append(_review(rule, model, facts.risks, today))
        elif rule.id == RISK_CONTINGENCY:
            results.append(_contingency(rule, model, facts.risks, today))
        else:
            results.append(_escalation(rule, model, facts.risks, today))
    return results
