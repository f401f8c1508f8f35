"""Demo reviews and assurance ratings: two or three years of completed reviews on a few of the demo
council's partnerships, one now rated Limited with an action overdue (so its earlier re-review is
due), one rating given differently from the proposal with a reason, and a review in progress
started from last year's answers.

Past reviews are history (dated before the demo was loaded), so they are written as records with
their history entries; the rating of each is what the framework's rules propose for its answers.
The review in progress is started through the review service, as a user would.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model

from accord.domain.lifecycle import services as lifecycle
from accord.frameworks import assurance, loader
from accord.kernel import clock
from accord.kernel.audit.models import Action as AuditAction
from accord.kernel.audit.service import record as audit
from accord.register.models import Partnership, Person

from . import content, services
from .models import AssuranceRating, Review, ReviewAction, ReviewAnswer
from .rating import rules_of

EVIDENCE = "Seen at the partnership board; minutes and papers on the shared drive."


@dataclass(frozen=True)
class Past:
    days_ago: int
    ones: int | str  # answers needing action: a number, or "poor" (two in five)
    override: tuple[str, str] = ("", "")  # (level given, reason) where the reviewer gave another


# partnership reference -> its past reviews, oldest first
HISTORY: dict[str, tuple[Past, ...]] = {
    "CHO-KP-01": (
        Past(760, 0),
        Past(
            390,
            0,
            ("reasonable", "The chair's post was vacant for six months and the board twice failed to meet."),
        ),
        Past(60, 1),
    ),
    "CHO-KP-02": (Past(720, 1), Past(215, "poor")),
    "CHO-KP-03": (Past(740, 0), Past(350, 0)),
}
IN_PROGRESS = "CHO-KP-03"  # a review started from last year's answers


def _option(partnership: Partnership) -> content.ReviewOption | None:
    """The fullest review the framework asks of this partnership (or of any, if none applies)."""
    now = lifecycle.state(partnership, loader.current())
    options = content.review_options(now.framework, now.tier_id, partnership.partnership_type.name)
    options = options or content.all_options(now.framework)
    return max(options, key=lambda o: len(o.bank.questions), default=None)


def _scores(count: int, ones: int | str) -> list[int]:
    n = math.ceil(count * 0.4) if ones == "poor" else int(ones)
    twos = min(2, count - n) if n else 0
    return [1] * n + [2] * twos + [3] * (count - n - twos)


def _answer(bank, score: int) -> dict:
    if bank.scale == "score_1_3":
        values = {"score": score, "answer": ""}
    elif bank.scale == "text":
        values = {"score": None, "answer": ""}
    else:
        values = {"score": None, "answer": "yes" if score >= 2 else "no"}
    actions = "Agree an improvement plan at the next board meeting." if score == 1 else ""
    return {**values, "evidence": EVIDENCE, "actions": actions, "confirmed": True}


def _record(partnership, option, past: Past, previous, reviewer, owner: Person | None) -> Review:
    today = clock.today()
    completed_on = today - timedelta(days=past.days_ago)
    framework = loader.current()
    review = Review.objects.create(
        partnership=partnership,
        artefact_id=option.artefact.id,
        bank_id=option.bank.id,
        artefact_name=option.artefact.name,
        period_start=completed_on - timedelta(days=365),
        period_end=completed_on - timedelta(days=14),
        started_on=completed_on - timedelta(days=14),
        started_by=reviewer,
        status="complete",
        previous=previous,
        decision="change" if past.ones else "continue",
        decision_notes="Take the actions agreed in this review." if past.ones else "",
        business_case_reconfirmed=True,
        completed_on=completed_on,
        completed_by=reviewer,
        framework_id=framework.id,
        framework_version=framework.version,
    )
    scores = _scores(len(option.bank.questions), past.ones)
    ReviewAnswer.objects.bulk_create(
        ReviewAnswer(review=review, question_id=q.id, **_answer(option.bank, s))
        for q, s in zip(option.bank.questions, scores, strict=True)
    )
    latest = past is HISTORY[partnership.reference][-1]
    raised = [(q, s) for q, s in zip(option.bank.questions, scores, strict=True) if s == 1]
    for number, (question, _) in enumerate(raised):
        if latest:  # still being done: the first is a month overdue
            due_on = today - timedelta(days=30) if number == 0 else today + timedelta(days=45)
        else:
            due_on = completed_on + timedelta(days=90)
        ReviewAction.objects.create(
            partnership=partnership,
            review=review,
            question_id=question.id,
            description=f"{content.title(question)}: agree and carry out an improvement plan",
            owner=owner,
            owner_name=owner.name if owner else "Lead officer",
            due_on=due_on,
            status="in_progress" if latest else "done",
            done_on=None if latest else due_on - timedelta(days=7),
        )
    given = [content.Given(*_given(option.bank, s)) for s in scores]
    facts = assurance.AssuranceFacts(
        reviewed=True,
        scores=tuple(v for g in given if (v := content.score_of(option.bank, g)) is not None),
        business_case_reconfirmed=True,
    )
    proposal = assurance.propose(framework, facts, rules_of(framework))
    level, reason = past.override if past.override[0] else (proposal.level, "")
    rating = AssuranceRating.objects.create(
        partnership=partnership,
        review=review,
        level=level,
        proposed_level=proposal.level,
        reasons=[{"text": r.text, "cite": r.cite} for r in proposal.reasons],
        override_reason=reason,
        rated_by=reviewer,
        rated_by_name=getattr(reviewer, "display_name", "") or str(reviewer),
        rated_on=completed_on,
        framework_id=framework.id,
        framework_version=framework.version,
    )
    audit(
        actor=reviewer,
        instance=rating,
        action=AuditAction.CREATED,
        before={},
        after={"level": ("Assurance rating", f"{assurance.LEVEL_NAMES[level]} ({option.artefact.name})")},
        reason=reason or f"Review completed on {completed_on:%-d %B %Y} (recorded when the demo was loaded)",
        partnership=partnership,
    )
    return review


def _given(bank, score: int) -> tuple:
    values = _answer(bank, score)
    return values["score"], values["answer"], values["evidence"], values["actions"]


def _lead(partnership: Partnership) -> Person | None:
    role = partnership.roles.filter(role="lead_officer").select_related("person").first()
    return role.person if role else None


def load() -> int:
    """Record the demo reviews; returns how many partnerships have them."""
    users = get_user_model().objects
    officer = users.filter(username="officer").first()
    reviewer = officer or users.filter(username="admin").first()
    done = 0
    for reference, history in HISTORY.items():
        partnership = Partnership.objects.filter(reference=reference, status="active").first()
        option = _option(partnership) if partnership else None
        if partnership is None or option is None:
            continue
        previous = None
        owner = _lead(partnership)
        for past in history:
            previous = _record(partnership, option, past, previous, reviewer, owner)
        done += 1
    partnership = Partnership.objects.filter(reference=IN_PROGRESS, status="active").first()
    option = _option(partnership) if partnership else None
    if partnership and option and officer:
        today = clock.today()
        services.start(
            officer,
            partnership,
            option.artefact.id,
            option.bank.id,
            today - timedelta(days=350),
            today,
            framework=loader.current(),
        )
    return done
