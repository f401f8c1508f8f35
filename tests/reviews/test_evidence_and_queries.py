"""Completed reviews as evidence for the framework's obligations (one query for many partnerships),
and the rating queries the reports read: latest, previous, changes over a period, Limited or Weak."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from accord.domain.reviews import queries
from accord.domain.reviews.evidence import ReviewEvidence
from accord.domain.reviews.models import AssuranceRating
from accord.frameworks import apply, engine, loader
from tests import factories as f

from .factories import carry_out

pytestmark = pytest.mark.django_db


def rate(partnership, level: str, rated_on: date) -> AssuranceRating:
    return AssuranceRating.objects.create(
        partnership=partnership,
        level=level,
        proposed_level=level,
        rated_on=rated_on,
        framework_id="redditch",
        framework_version="1.0",
    )


def test_a_completed_review_meets_its_artefact_and_a_reconfirmed_business_case_the_yearly_one(
    redditch, partnership, officer
):
    review, _ = carry_out(officer, partnership, reconfirmed=True)
    found = ReviewEvidence([partnership], loader.current()).evidence([partnership.pk])[partnership.pk]
    assert found["artefact:annual_review"] == (review.completed_on,)
    assert found["artefact:business_case"] == (review.completed_on,)  # Redditch 9: demonstrated annually
    results = {r.obligation_id: r for r in apply.obligations_for(partnership, framework=loader.current())}
    assert results["annual_review"].status in (engine.MET, engine.NOT_YET_DUE)
    assert results["annual_review"].evidence == review.completed_on
    assert results["annual_business_case"].evidence == review.completed_on


def test_a_review_that_could_not_reconfirm_the_business_case_does_not_meet_it(redditch, partnership, officer):
    carry_out(officer, partnership, reconfirmed=False)
    found = ReviewEvidence([partnership], loader.current()).evidence([partnership.pk])[partnership.pk]
    assert "artefact:business_case" not in found


def test_a_review_in_progress_is_not_evidence(redditch, partnership, officer):
    from .factories import start

    start(officer, partnership)
    assert ReviewEvidence([partnership], loader.current()).evidence([partnership.pk]) == {}


def test_evidence_and_ratings_for_many_partnerships_take_one_query_each(
    redditch, officer, django_assert_num_queries
):
    partnerships = [f.PartnershipFactory() for _ in range(5)]
    for p in partnerships:
        carry_out(officer, p, level="reasonable", reason="As agreed with the board")
    ids = [p.pk for p in partnerships]
    source = ReviewEvidence(partnerships, loader.current())
    with django_assert_num_queries(1):
        assert len(source.evidence(ids)) == 5
    with django_assert_num_queries(1):
        ratings = source.ratings(ids)
    assert {r.level for r in ratings.values()} == {"reasonable"}


def test_the_latest_rating_wins_and_the_previous_one_is_kept(redditch, partnership):
    rate(partnership, "limited", date(2025, 5, 1))
    rate(partnership, "reasonable", date(2026, 5, 1))
    assert queries.latest_ratings([partnership.pk])[partnership.pk].level == "reasonable"
    assert queries.previous_ratings([partnership.pk])[partnership.pk].level == "limited"
    assert queries.latest_ratings([partnership.pk], on=date(2025, 12, 31))[partnership.pk].level == "limited"
    assert (
        ReviewEvidence([partnership], loader.current()).ratings([partnership.pk])[partnership.pk].level
        == "reasonable"
    )


def test_rating_changes_over_a_period_say_which_went_up_down_or_were_first_rated(redditch, users):
    up, down, same, new, quiet = (f.PartnershipFactory() for _ in range(5))
    rate(up, "limited", date(2025, 3, 1))
    rate(up, "reasonable", date(2025, 9, 1))
    rate(down, "substantial", date(2024, 6, 1))
    rate(down, "weak", date(2025, 10, 1))
    rate(same, "reasonable", date(2025, 1, 1))
    rate(same, "reasonable", date(2025, 7, 1))
    rate(new, "limited", date(2025, 8, 1))
    rate(quiet, "weak", date(2024, 1, 1))
    ids = [p.pk for p in (up, down, same, new, quiet)]
    changes = {c.partnership_id: c for c in queries.rating_changes(ids, date(2025, 4, 1), date(2026, 3, 31))}
    assert changes[up.pk].direction == "up" and changes[up.pk].text == "Limited to Reasonable"
    assert changes[down.pk].direction == "down"
    assert changes[same.pk].direction == "same"
    assert changes[new.pk].direction == "new" and changes[new.pk].text == "First rated Limited"
    assert quiet.pk not in changes
    assert set(queries.rated_below(ids)) == {down.pk, new.pk, quiet.pk}


def test_open_and_overdue_actions_read_in_one_place(redditch, partnership, officer):
    from accord.domain.reviews import services

    from .factories import start

    review = start(officer, partnership)
    today = timezone.localdate()
    for days, status in ((-3, "open"), (10, "in_progress"), (-5, "done")):
        services.add_action(
            officer,
            review,
            {
                "description": f"Action {days}",
                "owner_name": "Olive",
                "due_on": today + timedelta(days=days),
                "status": status,
            },
        )
    assert [a.description for a in queries.open_actions([partnership.pk])] == ["Action -3", "Action 10"]
    assert [a.description for a in queries.overdue_actions([partnership.pk], today)] == ["Action -3"]
    assert queries.latest_reviews([partnership.pk]) == {}
