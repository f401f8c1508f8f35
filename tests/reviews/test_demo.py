"""The demo council shows reviews and ratings: two or three years of them, one partnership rated
Limited with an action overdue (and its earlier re-review due), one rating given differently from
the proposal with a reason, and a review in progress started from last year's answers."""

import os

import pytest
from django.core.management import call_command
from django.utils import timezone

from accord.domain.reviews import queries
from accord.domain.reviews.models import AssuranceRating, Review
from accord.frameworks import apply, assurance_rules, engine, loader
from accord.register.models import Partnership


@pytest.mark.django_db
def test_the_demo_council_has_reviews_and_ratings_over_the_years():
    call_command("demo", stdout=open(os.devnull, "w"))
    ratings = AssuranceRating.objects.all()
    span = max(r.rated_on for r in ratings) - min(r.rated_on for r in ratings)
    assert span.days > 600  # about two years of ratings
    rated = Partnership.objects.filter(ratings__isnull=False).distinct()
    assert rated.count() >= 3
    latest = queries.latest_ratings([p.pk for p in rated])
    assert "limited" in {r.level for r in latest.values()}
    assert (
        ratings.exclude(override_reason="").filter(level="reasonable", proposed_level="substantial").exists()
    )
    limited = next(p for p in rated if latest[p.pk].level == "limited")
    assert queries.overdue_actions([limited.pk], timezone.localdate()).exists()
    rereview = next(
        r
        for r in apply.obligations_for(limited, framework=loader.current())
        if r.obligation_id == assurance_rules.REREVIEW
    )
    assert rereview.status == engine.OVERDUE
    draft = Review.objects.get(status="draft")
    assert draft.previous is not None and draft.answers.exists()
    assert draft.partnership.status == "under_review"
