"""Carrying out a review: one question at a time (starting from the last review's answer), the
decision and business case, then the proposed rating, accepted or changed with a reason."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from accord.frameworks import loader
from accord.frameworks.assurance import LEVEL_NAMES, LEVELS
from accord.kernel.accounts.policy import Action, can

from .. import content, rating, services
from ..forms import AnswerForm, DecisionForm, RatingForm
from ..models import Decision
from .common import REFUSED, crumbs, data, draft_review, level_tag, reviewing
from .reviews import missing_bank


def _next_question(review, bank, after: str, framework) -> str | None:
    """The next question after `after` (then from the start) still to answer in this review."""
    gaps = set(services.gaps(review, framework=framework))
    ids = [q.id for q in bank.questions]
    order = ids[ids.index(after) + 1 :] + ids[: ids.index(after)]
    return next((q for q in order if q in gaps), None)


def review_question(request: HttpRequest, pk: int, review_id: int, question_id: str) -> HttpResponse:
    partnership = reviewing(request, pk)
    review = draft_review(partnership, review_id)
    framework = loader.for_request(request)
    bank = content.bank(framework, review.bank_id)
    if bank is None:
        return missing_bank(request, review)
    ids = [q.id for q in bank.questions]
    if question_id not in ids:
        raise Http404("No such question in this review")
    number = ids.index(question_id) + 1
    question = bank.questions[number - 1]
    stored = review.answers.filter(question_id=question_id).first()
    initial = {}
    if stored is not None:
        initial = {
            "score": stored.score,
            "answer": stored.answer,
            "evidence": stored.evidence,
            "actions": stored.actions,
        }
    form = AnswerForm(data(request), bank=bank, question=question, number=number, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_answer(request.user, review, question_id, form.given(), framework=framework)
        except REFUSED as refused:
            form.add_error(None, str(refused))
        else:
            following = _next_question(review, bank, question_id, framework)
            if following and request.POST.get("then") != "overview":
                return redirect("review-question", pk=pk, review_id=review.pk, question_id=following)
            messages.success(request, f"Question {number} saved")
            return redirect("review", pk=pk, review_id=review.pk)
    before = None
    if review.previous is not None:
        previous = review.previous.answers.filter(question_id=question_id).first()
        before = rating.given_of(previous) if previous else None
    return render(
        request,
        "reviews/question.html",
        {
            "partnership": partnership,
            "review": review,
            "bank": bank,
            "question": question,
            "group_heading": next((g.heading for g in bank.groups if question.id in g.questions), ""),
            "number": number,
            "count": len(ids),
            "form": form,
            "before": before,
            "before_label": content.answer_label(bank, before) if before else "",
            "prefilled": stored is not None and not stored.confirmed,
            "breadcrumbs": crumbs(partnership, review),
        },
    )


def review_decision(request: HttpRequest, pk: int, review_id: int) -> HttpResponse:
    partnership = reviewing(request, pk)
    review = draft_review(partnership, review_id)
    initial = {
        "decision": review.decision,
        "decision_notes": review.decision_notes,
        "business_case_reconfirmed": review.business_case_reconfirmed,
        "business_case_notes": review.business_case_notes,
    }
    form = DecisionForm(data(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        cleaned = form.cleaned_data
        try:
            services.record_decision(
                request.user,
                review,
                cleaned["decision"],
                cleaned.get("decision_notes", ""),
                cleaned["business_case_reconfirmed"],
                cleaned.get("business_case_notes", ""),
            )
        except REFUSED as refused:
            form.add_error(None, str(refused))
        else:
            return redirect("review-rating", pk=pk, review_id=review.pk)
    return render(
        request,
        "reviews/decision.html",
        {
            "partnership": partnership,
            "review": review,
            "form": form,
            "title": "Decision and business case",
            "caption": f"{partnership.name} – {review.artefact_name}",
            "button_text": "Save and continue",
            "cancel_url": reverse("review", args=[pk, review.pk]),
            "breadcrumbs": crumbs(partnership, review),
        },
    )


def _level_items(framework, proposed: str, chosen: str | None) -> list[dict]:
    """The four levels as radios, each with the framework's description, the proposed one marked."""
    names = {level.id: level for level in rating.rules_of(framework).levels}
    items = []
    for level in LEVELS:
        found = names.get(level)
        text = LEVEL_NAMES[level] + (" (proposed)" if level == proposed else "")
        item = {"value": level, "text": text, "checked": level == chosen}
        if found and found.description:
            item["hint"] = {"text": found.description}
        items.append(item)
    return items


def review_rating(request: HttpRequest, pk: int, review_id: int) -> HttpResponse:
    partnership = reviewing(request, pk)
    review = draft_review(partnership, review_id)
    framework = loader.for_request(request)
    gaps = services.gaps(review, framework=framework)
    context = {
        "partnership": partnership,
        "review": review,
        "gaps": gaps,
        "decided": bool(review.decision) and review.business_case_reconfirmed is not None,
        "breadcrumbs": crumbs(partnership, review),
    }
    if gaps or not context["decided"]:
        return render(
            request, "reviews/rating.html", context, status=409 if request.method == "POST" else 200
        )
    proposal = rating.propose_for(review, framework=framework)
    form = RatingForm(data(request), proposed=proposal.level)
    if request.method == "POST" and form.is_valid():
        cleaned = form.cleaned_data
        try:
            services.complete(
                request.user,
                review,
                cleaned["level"],
                cleaned.get("override_reason", ""),
                cleaned.get("seen_level"),
                framework=framework,
            )
        except services.ProposalChanged as changed:
            form = RatingForm(None, proposed=changed.proposal.level)
            form.add_error(None, str(changed))
            proposal = changed.proposal
        except REFUSED as refused:
            form.add_error(None, str(refused))
        else:
            return _after_completing(request, partnership, review)
    context.update(
        {
            "form": form,
            "proposal": proposal,
            "proposal_tag": level_tag(proposal.level),
            "level_items": _level_items(framework, proposal.level, form["level"].value()),
            "rules_cite": rating.rules_of(framework).cite,
        }
    )
    return render(request, "reviews/rating.html", context)


def _after_completing(request: HttpRequest, partnership, review) -> HttpResponse:
    review.refresh_from_db()
    if review.decision != Decision.WITHDRAW:
        messages.success(request, f"{review.artefact_name} completed and the rating recorded")
        return redirect("review", pk=partnership.pk, review_id=review.pk)
    if can(request.user, Action.CHANGE_PARTNERSHIP, partnership):
        messages.success(
            request,
            "Review completed: it recommends withdrawing. Record the council's decision to leave, with who "
            "took it and its reference, to start leaving the partnership.",
        )
        return redirect("leaving", pk=partnership.pk)
    messages.success(
        request,
        "Review completed: it recommends withdrawing. The partnership's lead officer or an administrator "
        "records the council's decision to leave on its partnership cycle page.",
    )
    return redirect("review", pk=partnership.pk, review_id=review.pk)
