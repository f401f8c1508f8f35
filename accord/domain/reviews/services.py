"""Every change to a review, its actions and its rating goes through these functions: one
transaction each, the partnership locked (and refused if finished), the change in the partnership's
history, obligations kept in step. Moves in the partnership cycle go through the lifecycle service."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import F

from accord.domain.lifecycle import cycle
from accord.domain.lifecycle import services as lifecycle
from accord.frameworks import assurance
from accord.frameworks.schema import Framework, QuestionBank
from accord.frameworks.store import partnerships_changed
from accord.kernel import clock
from accord.kernel.accounts.models import User
from accord.kernel.audit.models import Action as AuditAction
from accord.kernel.audit.service import Actor, actor_name, snapshot
from accord.kernel.audit.service import record as audit
from accord.register.models import Partnership
from accord.register.services import lock_open

from . import content, rating
from .models import ActionStatus, AssuranceRating, Decision, Review, ReviewAction, ReviewAnswer, ReviewStatus

REVIEWABLE = (cycle.ACTIVE, cycle.UNDER_REVIEW)  # reviews are of partnerships the council is in


class ReviewError(Exception):
    """A change refused; the message says why in plain words."""


class ProposalChanged(ReviewError):
    """The rules propose a different rating from the one the reviewer saw."""

    def __init__(self, proposal: assurance.Proposal):
        super().__init__(
            f"The proposed rating has changed to {proposal.name} since the page was opened. Read the "
            "reasons again before you confirm: nothing has been recorded."
        )
        self.proposal = proposal


def _user(actor: Actor) -> User | None:
    return actor if isinstance(actor, User) and actor.pk else None


def _lock(review: Review, draft_only: bool = True) -> Review:
    lock_open(review.partnership)
    locked = Review.objects.select_for_update().select_related("partnership").get(pk=review.pk)
    if draft_only and locked.status != ReviewStatus.DRAFT:
        raise ReviewError("This review is complete; it can no longer change.")
    return locked


def _bump(review: Review) -> None:
    Review.objects.filter(pk=review.pk).update(version=F("version") + 1)


def last_completed(partnership: Partnership, bank_id: str) -> Review | None:
    """The last completed review on the same questions: a new one starts from its answers."""
    return (
        Review.objects.filter(partnership=partnership, bank_id=bank_id, status=ReviewStatus.COMPLETE)
        .order_by("-completed_on", "-id")
        .first()
    )


@transaction.atomic
def start(
    actor: Actor,
    partnership: Partnership,
    artefact_id: str,
    bank_id: str,
    period_start: date,
    period_end: date,
    *,
    framework: Framework,
) -> Review:
    """Start a review, its answers copied from the last completed one (to be confirmed or changed).
    An active partnership moves to 'under review' through the partnership cycle."""
    partnership = lock_open(partnership)
    item = content.artefact(framework, artefact_id)
    if (
        item is None
        or item.kind != "review"
        or bank_id not in item.banks
        or content.bank(framework, bank_id) is None
    ):
        raise ReviewError("Choose one of the reviews the framework sets")
    if partnership.status not in REVIEWABLE:
        raise ReviewError(f"A partnership that is {partnership.get_status_display().lower()} is not reviewed")
    if period_end <= period_start:
        raise ReviewError("The end of the period must be after its start")
    if Review.objects.filter(
        partnership=partnership, artefact_id=artefact_id, status=ReviewStatus.DRAFT
    ).exists():
        raise ReviewError(f"A {item.name.lower()} is already in progress; finish that one first")
    previous = last_completed(partnership, bank_id)
    review = Review.objects.create(
        partnership=partnership,
        artefact_id=artefact_id,
        bank_id=bank_id,
        artefact_name=item.name,
        period_start=period_start,
        period_end=period_end,
        started_on=clock.today(),
        started_by=_user(actor),
        previous=previous,
        framework_id=framework.id,
        framework_version=framework.version,
    )
    if previous is not None:
        ReviewAnswer.objects.bulk_create(
            ReviewAnswer(
                review=review,
                question_id=a.question_id,
                score=a.score,
                answer=a.answer,
                evidence=a.evidence,
                actions=a.actions,
                confirmed=False,
            )
            for a in previous.answers.all()
        )
    note = f" from the review completed on {previous.completed_on:%-d %B %Y}" if previous else ""
    audit(
        actor=actor,
        instance=review,
        action=AuditAction.CREATED,
        before={},
        after=snapshot(review),
        reason=f"Review started{note}",
        partnership=partnership,
    )
    if partnership.status == cycle.ACTIVE:
        _move(actor, partnership, cycle.ACTIVE, cycle.UNDER_REVIEW, f"Review started: {item.name}", framework)
    partnerships_changed([partnership.pk])
    return review


def _check_answer(question_bank: QuestionBank, given: content.Given, number: int) -> None:
    if not content.is_answered(question_bank, given):
        what = {
            "score_1_3": "Select an assessment and give the evidence",
            "text": "Enter an answer",
            "yes_no": "Select yes or no",
        }.get(question_bank.scale, "Select yes or no and give the evidence")
        raise ReviewError(f"{what} for question {number}")
    if content.needs_action(question_bank, given) and not given.actions.strip():
        raise ReviewError(f"Enter the actions needed for question {number}")


@transaction.atomic
def save_answer(
    actor: Actor, review: Review, question_id: str, given: content.Given, *, framework: Framework
) -> ReviewAnswer:
    review = _lock(review)
    question_bank = content.bank(framework, review.bank_id)
    ids = [q.id for q in question_bank.questions] if question_bank else []
    if question_bank is None or question_id not in ids:
        raise ReviewError("That question is not in this review")
    _check_answer(question_bank, given, ids.index(question_id) + 1)
    existing = ReviewAnswer.objects.filter(review=review, question_id=question_id).first()
    before = snapshot(existing, ["review"]) if existing else {}
    values = {
        "score": given.score if question_bank.scale == "score_1_3" else None,
        "answer": given.answer if question_bank.scale in content.YES_NO_SCALES else "",
        "evidence": given.evidence.strip(),
        "actions": given.actions.strip(),
        "confirmed": True,
    }
    answer, _ = ReviewAnswer.objects.update_or_create(review=review, question_id=question_id, defaults=values)
    _bump(review)
    audit(
        actor=actor,
        instance=answer,
        action=AuditAction.CHANGED if existing else AuditAction.CREATED,
        before=before,
        after=snapshot(answer, ["review"]),
        reason=f"{review.artefact_name}: question {ids.index(question_id) + 1}",
        partnership=review.partnership,
        label=f"Answer to question {ids.index(question_id) + 1} of the {review.artefact_name or 'review'}",
    )
    return answer


@transaction.atomic
def record_decision(
    actor: Actor,
    review: Review,
    decision: str,
    notes: str,
    reconfirmed: bool | None,
    business_case_notes: str,
) -> Review:
    """The review's decision (continue, change or withdraw) and whether the business case is
    re-confirmed (Redditch 9)."""
    review = _lock(review)
    if decision not in Decision.values:
        raise ReviewError("Select the decision")
    if decision != Decision.CONTINUE and not notes.strip():
        raise ReviewError("Enter what should change, or why the council should withdraw")
    if reconfirmed is None:
        raise ReviewError("Select whether the business case is re-confirmed")
    if not reconfirmed and not business_case_notes.strip():
        raise ReviewError("Enter why the business case cannot be re-confirmed")
    before = snapshot(review)
    review.decision = decision
    review.decision_notes = notes.strip()
    review.business_case_reconfirmed = reconfirmed
    review.business_case_notes = business_case_notes.strip()
    review.version = F("version") + 1
    review.save()
    review.refresh_from_db()
    audit(
        actor=actor,
        instance=review,
        action=AuditAction.CHANGED,
        before=before,
        after=snapshot(review),
        reason="Decision recorded",
        partnership=review.partnership,
    )
    return review


def gaps(review: Review, *, framework: Framework) -> list[str]:
    """Ids of the questions not yet answered (or only pre-filled) in this review, or answered
    without the evidence or, for a 1 or a No, the actions the review needs (ADR 0024)."""
    question_bank = content.bank(framework, review.bank_id)
    if question_bank is None:
        return []
    given = {a.question_id: a for a in review.answers.all()}
    return [
        q.id
        for q in question_bank.questions
        if q.id not in given
        or not given[q.id].confirmed
        or not content.is_complete(question_bank, rating.given_of(given[q.id]))
    ]


@transaction.atomic
def complete(
    actor: Actor,
    review: Review,
    level: str,
    override_reason: str,
    seen_level: str | None,
    *,
    framework: Framework,
) -> AssuranceRating:
    """Complete the review and record its assurance rating: the level the rules propose, or another
    with a written reason. A review deciding to continue ends the partnership's time under review."""
    review = _lock(review)
    if content.bank(framework, review.bank_id) is None:
        raise ReviewError(
            "This review's questions are not in the council's framework; it cannot be completed"
        )
    missing = gaps(review, framework=framework)
    if missing:
        raise ReviewError(f"{len(missing)} question(s) still to answer")
    if not review.decision or review.business_case_reconfirmed is None:
        raise ReviewError("Record the decision before completing the review")
    if level not in assurance.LEVELS:
        raise ReviewError("Select the rating")
    today = clock.today()
    proposal = rating.propose_for(review, today, framework=framework)
    if seen_level is not None and seen_level != proposal.level:
        raise ProposalChanged(proposal)
    if level != proposal.level and not override_reason.strip():
        raise ReviewError(f"Enter why the rating is not the proposed {proposal.name}")
    before = snapshot(review)
    Review.objects.filter(pk=review.pk).update(
        status=ReviewStatus.COMPLETE,
        completed_on=today,
        completed_by=_user(actor),
        framework_id=framework.id,
        framework_version=framework.version,
        version=F("version") + 1,
    )
    review.refresh_from_db()
    given = AssuranceRating.objects.create(
        partnership=review.partnership,
        review=review,
        level=level,
        proposed_level=proposal.level,
        reasons=[{"text": r.text, "cite": r.cite} for r in proposal.reasons],
        override_reason=override_reason.strip() if level != proposal.level else "",
        rated_by=_user(actor),
        rated_by_name=actor_name(actor),
        rated_on=today,
        framework_id=framework.id,
        framework_version=framework.version,
    )
    partnership = review.partnership
    audit(
        actor=actor,
        instance=review,
        action=AuditAction.CHANGED,
        before=before,
        after=snapshot(review),
        reason="Review completed",
        partnership=partnership,
    )
    shown = assurance.LEVEL_NAMES[level] + (f" (proposed {proposal.name})" if given.overridden else "")
    audit(
        actor=actor,
        instance=given,
        action=AuditAction.CREATED,
        before={},
        after={"level": ("Assurance rating", shown)},
        reason=given.override_reason,
        partnership=partnership,
    )
    _end_time_under_review(actor, review, framework)
    partnerships_changed([partnership.pk])
    return given


def _end_time_under_review(actor: Actor, review: Review, framework: Framework) -> None:
    partnership = Partnership.objects.get(pk=review.partnership_id)
    others = Review.objects.filter(partnership=partnership, status=ReviewStatus.DRAFT).exists()
    if review.decision == Decision.WITHDRAW or partnership.status != cycle.UNDER_REVIEW or others:
        return
    reason = f"Review completed: {review.artefact_name}. Decision: {review.get_decision_display().lower()}"
    _move(actor, partnership, cycle.UNDER_REVIEW, cycle.ACTIVE, reason, framework)


def _move(
    actor: Actor, partnership: Partnership, current: str, target: str, reason: str, framework: Framework
) -> None:
    """A move in the partnership cycle, through its service (a refusal refuses the whole change)."""
    try:
        lifecycle.move(
            actor, partnership, target, expected_status=current, reason=reason, framework=framework
        )
    except lifecycle.CycleError as refused:
        raise ReviewError(str(refused)) from refused


ACTION_FIELDS = ("description", "owner", "owner_name", "due_on", "status", "progress", "question_id")


@transaction.atomic
def add_action(actor: Actor, review: Review, values: Mapping[str, Any]) -> ReviewAction:
    review = _lock(review)
    fields = {k: v for k, v in values.items() if k in ACTION_FIELDS}
    if fields.get("owner") is not None and not fields.get("owner_name"):
        fields["owner_name"] = fields["owner"].name
    action = ReviewAction(partnership=review.partnership, review=review, **fields)
    _keep_done_date(action)
    action.save()
    _bump(review)
    audit(
        actor=actor,
        instance=action,
        action=AuditAction.CREATED,
        before={},
        after=snapshot(action, ["partnership", "review"]),
        reason=f"Raised in the {review.artefact_name.lower()}",
        partnership=review.partnership,
    )
    partnerships_changed([review.partnership_id])
    return action


def _keep_done_date(action: ReviewAction) -> None:
    if action.status == ActionStatus.DONE and action.done_on is None:
        action.done_on = clock.today()
    elif action.status != ActionStatus.DONE:
        action.done_on = None


class StaleAction(ReviewError):
    pass


@transaction.atomic
def update_action(
    actor: Actor, action: ReviewAction, values: Mapping[str, Any], expected_version: int
) -> ReviewAction:
    lock_open(action.partnership)
    action = ReviewAction.objects.select_for_update().get(pk=action.pk)
    if action.version != expected_version:
        raise StaleAction("Someone else has changed this action since you opened it. Check it and try again.")
    before = snapshot(action, ["partnership", "review"])
    for name, value in values.items():
        if name in ACTION_FIELDS:
            setattr(action, name, value)
    if values.get("owner") is not None and "owner_name" not in values:
        action.owner_name = values["owner"].name
    _keep_done_date(action)
    action.version = F("version") + 1
    action.save()
    action.refresh_from_db()
    audit(
        actor=actor,
        instance=action,
        action=AuditAction.CHANGED,
        before=before,
        after=snapshot(action, ["partnership", "review"]),
        partnership=action.partnership,
    )
    partnerships_changed([action.partnership_id])
    return action
