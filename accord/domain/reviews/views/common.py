"""What the review pages share: who may see and change them, breadcrumbs and rating tags."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from markupsafe import Markup

from accord.frameworks.assurance import LEVEL_NAMES
from accord.kernel.accounts.policy import Action, can
from accord.register.access import partnership_for
from accord.register.models import Partnership
from accord.register.services import Finished

from ..models import Review, ReviewAction
from ..services import ReviewError

REFUSED = (ReviewError, Finished)
LEVEL_COLOURS = {"substantial": "green", "reasonable": "turquoise", "limited": "orange", "weak": "red"}
STATUS_COLOURS = {"open": "blue", "in_progress": "yellow", "done": "green"}


def data(request: HttpRequest):
    return request.POST if request.method == "POST" else None


def seen(request: HttpRequest, pk: int) -> Partnership:
    """A partnership whose reviews the user may see (staff; not partner organisations)."""
    return partnership_for(request, pk, Action.VIEW_MONITORING)


def reviewing(request: HttpRequest, pk: int) -> Partnership:
    """A partnership the user may review: REVIEW, and not finished (a finished one is read-only)."""
    partnership = partnership_for(request, pk, Action.REVIEW)
    if partnership.is_finished:
        raise PermissionDenied(
            f"{partnership.name} is {partnership.get_status_display().lower()}: read-only."
        )
    return partnership


def can_review(request: HttpRequest, partnership: Partnership) -> bool:
    return not partnership.is_finished and can(request.user, Action.REVIEW, partnership)


def review_in(partnership: Partnership, review_id: int) -> Review:
    return get_object_or_404(Review, pk=review_id, partnership=partnership)


def draft_review(partnership: Partnership, review_id: int) -> Review:
    review = review_in(partnership, review_id)
    if review.is_complete:
        raise PermissionDenied("This review is complete: read-only.")
    return review


def action_in(partnership: Partnership, action_id: int) -> ReviewAction:
    return get_object_or_404(ReviewAction, pk=action_id, partnership=partnership)


def level_tag(level: str, suffix: str = "") -> Markup:
    if not level:
        return Markup("")
    return Markup('<strong class="govuk-tag govuk-tag--{}">{}{}</strong>').format(
        LEVEL_COLOURS.get(level, "grey"), LEVEL_NAMES.get(level, level), suffix
    )


def status_tag(action: ReviewAction) -> Markup:
    return Markup('<strong class="govuk-tag govuk-tag--{}">{}</strong>').format(
        STATUS_COLOURS.get(action.status, "grey"), action.get_status_display()
    )


def crumbs(partnership: Partnership, review: Review | None = None) -> list[dict[str, str]]:
    items = [
        {"text": "Register", "href": reverse("register")},
        {"text": partnership.name, "href": reverse("partnership", args=[partnership.pk])},
        {"text": "Reviews", "href": reverse("reviews", args=[partnership.pk])},
    ]
    if review is not None:
        items.append(
            {"text": review.artefact_name, "href": reverse("review", args=[partnership.pk, review.pk])}
        )
    return items
