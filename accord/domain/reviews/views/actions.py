"""Review actions: raised in a review (owner, due date, status), listed per partnership and
tracked until done."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from accord.frameworks import loader
from accord.kernel import clock

from .. import content, services
from ..forms import ActionForm
from ..models import ActionStatus
from .common import REFUSED, action_in, can_review, crumbs, data, draft_review, reviewing, seen, status_tag


def review_actions(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = seen(request, pk)
    today = clock.today()
    actions = list(partnership.review_actions.select_related("owner", "review").order_by("due_on", "id"))
    rows = [
        {
            "action": a,
            "status": status_tag(a),
            "overdue": a.status != ActionStatus.DONE and a.due_on < today,
        }
        for a in actions
    ]
    return render(
        request,
        "reviews/actions.html",
        {
            "partnership": partnership,
            "open_rows": [r for r in rows if r["action"].status != ActionStatus.DONE],
            "done_rows": [r for r in rows if r["action"].status == ActionStatus.DONE],
            "can_change": can_review(request, partnership),
        },
    )


def review_action_add(request: HttpRequest, pk: int, review_id: int) -> HttpResponse:
    partnership = reviewing(request, pk)
    review = draft_review(partnership, review_id)
    bank = content.bank(loader.for_request(request), review.bank_id)
    question_id = (
        request.GET.get("question", "")
        if bank and request.GET.get("question") in {q.id for q in bank.questions}
        else ""
    )
    form = ActionForm(data(request), partnership=partnership, initial={"status": ActionStatus.OPEN})
    if request.method == "POST" and form.is_valid():
        try:
            services.add_action(request.user, review, {**form.values(), "question_id": question_id})
        except REFUSED as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, "Action raised")
            return redirect("review", pk=pk, review_id=review.pk)
    question = next((q for q in bank.questions if q.id == question_id), None) if bank else None
    return render(
        request,
        "reviews/action.html",
        {
            "partnership": partnership,
            "form": form,
            "title": "Raise an action",
            "caption": f"{partnership.name} – {review.artefact_name}",
            "question": question,
            "button_text": "Save action",
            "cancel_url": reverse("review", args=[pk, review.pk]),
            "breadcrumbs": crumbs(partnership, review),
        },
    )


def review_action(request: HttpRequest, pk: int, action_id: int) -> HttpResponse:
    partnership = reviewing(request, pk)
    action = action_in(partnership, action_id)
    initial = {
        "description": action.description,
        "owner": action.owner_id,
        "due_on": action.due_on,
        "status": action.status,
        "progress": action.progress,
        "version": action.version,
    }
    form = ActionForm(data(request), partnership=partnership, chosen=action.owner, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_action(
                request.user, action, form.values(), expected_version=form.cleaned_data.get("version") or 0
            )
        except REFUSED as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, "Action saved")
            return redirect("review-actions", pk=pk)
    return render(
        request,
        "reviews/action.html",
        {
            "partnership": partnership,
            "form": form,
            "title": "Update the action",
            "caption": f"{partnership.name} – raised in the {action.review.artefact_name.lower()}",
            "button_text": "Save action",
            "cancel_url": reverse("review-actions", args=[pk]),
            "breadcrumbs": [
                *crumbs(partnership),
                {"text": "Actions", "href": reverse("review-actions", args=[pk])},
            ],
        },
    )
