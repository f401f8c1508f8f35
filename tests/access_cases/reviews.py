"""Access-test URL cases for accord.domain.reviews (see tests/access_cases/__init__.py)."""

from datetime import date

from django.urls import reverse

from accord.domain.reviews import content
from accord.domain.reviews.models import AssuranceRating, Review, ReviewAction
from accord.frameworks import loader


def _objects(partnership) -> tuple[Review, str, ReviewAction]:
    option = content.all_options(loader.current())[0]
    review = Review.objects.create(
        partnership=partnership,
        artefact_id=option.artefact.id,
        bank_id=option.bank.id,
        artefact_name=option.artefact.name,
        period_start=date(2025, 4, 1),
        period_end=date(2026, 3, 31),
        started_on=date(2026, 4, 20),
    )
    action = ReviewAction.objects.create(
        partnership=partnership,
        review=review,
        description="Refresh the terms of reference",
        owner_name="Olive Officer",
        due_on=date(2026, 9, 30),
    )
    AssuranceRating.objects.create(
        partnership=partnership,
        review=None,
        level="reasonable",
        proposed_level="reasonable",
        rated_on=date(2025, 4, 30),
        framework_id="chorley",
        framework_version="1.0",
    )
    return review, option.bank.questions[0].id, action


def cases(world) -> list[tuple[str, str, object]]:
    found = []
    for which in ("own", "other"):
        p = world[which]
        review, question_id, action = _objects(p)
        found += [
            ("reviews", reverse("reviews", args=[p.pk]), p),
            ("review-start", reverse("review-start", args=[p.pk]), p),
            ("review", reverse("review", args=[p.pk, review.pk]), p),
            ("review-question", reverse("review-question", args=[p.pk, review.pk, question_id]), p),
            ("review-decision", reverse("review-decision", args=[p.pk, review.pk]), p),
            ("review-rating", reverse("review-rating", args=[p.pk, review.pk]), p),
            ("review-action-add", reverse("review-action-add", args=[p.pk, review.pk]), p),
            ("review-actions", reverse("review-actions", args=[p.pk]), p),
            ("review-action", reverse("review-action", args=[p.pk, action.pk]), p),
            ("ratings", reverse("ratings", args=[p.pk]), p),
        ]
    return found
