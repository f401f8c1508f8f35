"""Gathers the facts the assurance engine reads (accord.frameworks.assurance) for a review being
completed: its scores, the partnership's obligations today (overdue items, the agreement the
framework requires, the risk register's reviews) and its open review actions."""

from __future__ import annotations

from datetime import date

from accord.domain.lifecycle import cycle
from accord.domain.lifecycle import services as lifecycle
from accord.domain.lifecycle.meets import meets
from accord.frameworks import assurance, assurance_rules, defaults, engine, risk_rules
from accord.frameworks.facts import PartnershipFacts
from accord.frameworks.schema import Assurance, Framework
from accord.kernel import clock

from . import content
from .evidence import yearly_business_case_artefacts
from .models import ActionStatus, Review, ReviewAction, ReviewAnswer

AGREEMENT_KINDS = ("agreement", "terms_of_reference")  # "a written agreement or governing document"


def rules_of(framework: Framework) -> Assurance:
    """The framework's assurance rules, or the model framework's where its file adopts them (the
    framework checks make sure it has one or the other)."""
    return assurance.section(framework, defaults.assurance(framework))


def agreement_missing(framework: Framework, facts: PartnershipFacts, tier_id: str) -> bool:
    """Whether an agreement (or terms of reference) the framework requires of this partnership, at
    any stage of its cycle, has not been produced with the status and coverage it needs (ADR 0024)."""
    kinds = {a.id: a.kind for a in framework.artefacts}
    type_id = engine.framework_type(framework, facts.register_type)
    for requirement in framework.requirements:
        if kinds.get(requirement.artefact) not in AGREEMENT_KINDS:
            continue
        if cycle.applies(requirement, tier_id, type_id, facts.conditions) and not meets(
            facts, requirement.artefact, tier_id
        ):
            return True
    return False


def overdue_actions(partnership_id: int, today: date) -> int:
    return (
        ReviewAction.objects.filter(partnership_id=partnership_id, due_on__lt=today)
        .exclude(status=ActionStatus.DONE)
        .count()
    )


def scores(review: Review, *, framework: Framework) -> tuple[int, ...]:
    found = content.bank(framework, review.bank_id)
    if found is None:
        return ()
    given = {a.question_id: given_of(a) for a in review.answers.all()}
    values = (content.score_of(found, given.get(q.id)) for q in found.questions)
    return tuple(v for v in values if v is not None)


def given_of(answer: ReviewAnswer) -> content.Given:
    return content.Given(answer.score, answer.answer, answer.evidence, answer.actions)


def facts_for(review: Review, today: date | None = None, *, framework: Framework) -> assurance.AssuranceFacts:
    """What the rules read when this review is completed today, under `framework`."""
    today = today or clock.today()
    partnership = review.partnership
    now = lifecycle.state(partnership, framework)
    results = engine.obligations(framework, now.facts, today, tier_id=now.tier_id)
    # The review being completed meets its own obligations and the re-review; the risk register's
    # reviews have a rule of their own.
    own = {o.id for o in framework.obligations if o.artefact == review.artefact_id}
    if review.business_case_reconfirmed:  # re-confirming it meets the yearly business case
        own |= {
            o.id for o in framework.obligations if o.artefact in yearly_business_case_artefacts(framework)
        }
    skip = own | {assurance_rules.REREVIEW, risk_rules.RISK_REVIEW}
    overdue = tuple(r.name for r in results if r.status == engine.OVERDUE and r.obligation_id not in skip)
    stale = any(r.obligation_id == risk_rules.RISK_REVIEW and r.status == engine.OVERDUE for r in results)
    return assurance.AssuranceFacts(
        reviewed=True,
        scores=scores(review, framework=framework),
        overdue_obligations=overdue,
        agreement_missing=agreement_missing(framework, now.facts, now.tier_id),
        risk_review_overdue=stale,
        overdue_actions=overdue_actions(partnership.pk, today),
        business_case_reconfirmed=review.business_case_reconfirmed,
    )


def propose_for(review: Review, today: date | None = None, *, framework: Framework) -> assurance.Proposal:
    found = facts_for(review, today, framework=framework)
    return assurance.propose(framework, found, rules_of(framework))
