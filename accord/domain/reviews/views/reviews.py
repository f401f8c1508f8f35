"""A partnership's reviews: what the framework asks for and when, starting one, and one review's
questions with what changed since the last review."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from accord.domain.lifecycle import services as lifecycle
from accord.domain.lifecycle.leaving import DECISION_SLOT, decided_on, record
from accord.frameworks import assurance_rules, engine, loader
from accord.frameworks.durations import Duration
from accord.kernel import clock
from accord.kernel.accounts.policy import Action, can

from .. import content, queries, services
from ..forms import StartForm
from ..models import Decision, Review, ReviewStatus
from ..rating import given_of
from .common import REFUSED, can_review, crumbs, data, level_tag, review_in, reviewing, seen, status_tag

REVIEW_STATES = services.REVIEWABLE


def _obligations(partnership, framework):
    now = lifecycle.state(partnership, framework)
    results = engine.obligations(now.framework, now.facts, clock.today(), tier_id=now.tier_id)
    options = content.review_options(now.framework, now.tier_id, partnership.partnership_type.name)
    return now.framework, {r.obligation_id: r for r in results}, options


def reviews(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = seen(request, pk)
    framework, results, options = _obligations(partnership, loader.for_request(request))
    due = [
        {"option": option, "results": [results[o.id] for o in option.obligations if o.id in results]}
        for option in options
    ]
    rereview = results.get(assurance_rules.REREVIEW)
    all_reviews = list(partnership.reviews.all())
    ratings = {r.review_id: r for r in partnership.ratings.all()}
    latest = queries.latest_ratings([partnership.pk]).get(partnership.pk)
    today = clock.today()
    actions = list(queries.open_actions([partnership.pk]))
    return render(
        request,
        "reviews/reviews.html",
        {
            "partnership": partnership,
            "framework": framework,
            "due": due,
            "rereview": rereview if rereview and rereview.status != engine.NOT_APPLICABLE else None,
            "drafts": [r for r in all_reviews if r.status == ReviewStatus.DRAFT],
            "completed": [(r, ratings.get(r.pk)) for r in all_reviews if r.status == ReviewStatus.COMPLETE],
            "latest": latest,
            "latest_tag": level_tag(latest.level) if latest else "",
            "level_tag": level_tag,
            "open_actions": len(actions),
            "overdue_actions": sum(1 for a in actions if a.due_on < today),
            "can_review": can_review(request, partnership) and partnership.status in REVIEW_STATES,
            "reviewable": partnership.status in REVIEW_STATES,
        },
    )


def _period(partnership, option: content.ReviewOption) -> dict[str, Any]:
    """A new review covers the time since the last one on the same questions (or a year)."""
    today = clock.today()
    previous = services.last_completed(partnership, option.bank.id)
    start = previous.period_end + timedelta(days=1) if previous else Duration(years=-1).after(today)
    return {"period_start": min(start, today), "period_end": today}


def _most_pressing(options: list[content.ReviewOption], results: dict) -> content.ReviewOption | None:
    """The review to offer first: the one whose duty is most pressing (overdue, then due soon...), in
    the file's order among equals. Offering the first in the file instead offered, once it was done
    that day, its own questions again over a period ending the day it starts, which is refused."""
    rank = {status: n for n, status in enumerate(engine.STATUSES)}

    def urgency(option: content.ReviewOption) -> int:
        found = [results[o.id].status for o in option.obligations if o.id in results]
        return min((rank[s] for s in found), default=len(rank))

    return min(options, key=urgency, default=None)


def review_start(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = reviewing(request, pk)
    framework, results, options = _obligations(partnership, loader.for_request(request))
    chosen = _most_pressing(options, results)
    initial = {"review": chosen.key, **_period(partnership, chosen)} if chosen else {}
    form = StartForm(data(request), options=options, initial=initial)
    open_for_review = partnership.status in REVIEW_STATES
    if request.method == "POST":
        if not open_for_review or not options:
            raise PermissionDenied("There is no review to start for this partnership now.")
        if form.is_valid():
            option = form.option()
            try:
                review = services.start(
                    request.user,
                    partnership,
                    option.artefact.id,
                    option.bank.id,
                    form.cleaned_data["period_start"],
                    form.cleaned_data["period_end"],
                    framework=framework,
                )
            except REFUSED as refused:
                form.add_error(None, str(refused))
            else:
                messages.success(request, f"{review.artefact_name} started")
                return redirect("review", pk=partnership.pk, review_id=review.pk)
    return render(
        request,
        "reviews/start.html",
        {
            "partnership": partnership,
            "form": form,
            "options": options,
            "results": results,
            "open_for_review": open_for_review,
            "breadcrumbs": crumbs(partnership),
        },
    )


def question_rows(review: Review, bank, before: dict) -> list[dict[str, Any]]:
    """Each question with this review's answer, the last review's, and whether it changed."""
    stored = {a.question_id: a for a in review.answers.all()}
    answers = {k: given_of(a) for k, a in stored.items()}
    rows = []
    for number, change in enumerate(content.changes(bank, before, answers), start=1):
        answer = stored.get(change.question.id)
        confirmed = bool(answer and answer.confirmed)
        rows.append(
            {
                "number": number,
                "question": change.question,
                "title": content.title(change.question),
                "now": content.answer_label(bank, change.now),
                "before": content.answer_label(bank, change.before) if review.previous_id else "",
                "changed": bool(review.previous_id) and confirmed and change.changed,
                "movement": content.movement(bank, change) if confirmed else "",
                "confirmed": confirmed,
                "prefilled": answer is not None and not confirmed,
                "evidence": change.now.evidence if change.now and bank.scale != "text" else "",
                "actions": change.now.actions if change.now else "",
            }
        )
    return rows


def answers_of(review: Review | None) -> dict[str, content.Given]:
    if review is None:
        return {}
    return {a.question_id: given_of(a) for a in review.answers.all()}


def review_detail(request: HttpRequest, pk: int, review_id: int) -> HttpResponse:
    partnership = seen(request, pk)
    review = review_in(partnership, review_id)
    framework = loader.for_request(request)
    bank = content.bank(framework, review.bank_id)
    rows = question_rows(review, bank, answers_of(review.previous)) if bank else []
    editable = can_review(request, partnership) and not review.is_complete
    withdraw = review.is_complete and review.decision == Decision.WITHDRAW
    exit_recorded = withdraw and decided_on(record(partnership, DECISION_SLOT)) is not None
    return render(
        request,
        "reviews/review.html",
        {
            "partnership": partnership,
            "review": review,
            "bank": bank,
            "rows": rows,
            "gaps": services.gaps(review, framework=framework) if not review.is_complete else [],
            "changed": sum(1 for r in rows if r["changed"]),
            "actions": [(a, status_tag(a)) for a in review.actions.select_related("owner")],
            "ratings": list(review.ratings.all()),
            "level_tag": level_tag,
            "editable": editable,
            "withdraw": withdraw,
            "exit_recorded": exit_recorded,
            "can_leave": can(request.user, Action.CHANGE_PARTNERSHIP, partnership)
            and not partnership.is_finished,
            "today": clock.today(),
            "breadcrumbs": crumbs(partnership),
        },
    )


def missing_bank(request: HttpRequest, review: Review) -> HttpResponse:
    messages.error(request, "The framework no longer has this review's questions.")
    return redirect(reverse("review", args=[review.partnership_id, review.pk]))
