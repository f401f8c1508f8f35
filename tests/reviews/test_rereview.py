"""The earlier re-review: a partnership rated below Substantial is reviewed again within the
framework's `rereview_after` (six months) of the rating, and a review completed after the rating
meets it. Pure first, then end to end through the review services and the evidence source."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from accord.domain.reviews.models import AssuranceRating
from accord.frameworks import apply, assurance_rules, engine, loader
from accord.frameworks.durations import parse
from accord.frameworks.facts import PartnershipFacts, RatingFact
from tests.clock import on_day

from .factories import carry_out

REDDITCH = loader.get("redditch")
RATED = date(2026, 1, 31)


def rereview(facts: PartnershipFacts, today: date) -> engine.ObligationResult:
    results = engine.obligations(REDDITCH, facts, today)
    return next(r for r in results if r.obligation_id == assurance_rules.REREVIEW)


def rated(level: str, *reviewed: date) -> PartnershipFacts:
    return PartnershipFacts(
        partnership_id=1,
        rating=RatingFact(level, RATED),
        evidence={"annual_review": tuple(reviewed)},
        anchors={"activated": date(2024, 4, 1)},
    )


def test_a_partnership_rated_limited_is_due_a_re_review_six_months_after_the_rating():
    result = rereview(rated("limited"), date(2026, 3, 1))
    assert result.status == engine.NOT_YET_DUE
    assert result.due == date(2026, 7, 31)
    assert result.anchor_date == RATED
    assert "Rated Limited on 31 January 2026" in result.why
    assert result.cite == REDDITCH.assurance.cite


@pytest.mark.parametrize(
    ("today", "status"),
    [
        (date(2026, 6, 29), engine.NOT_YET_DUE),
        (date(2026, 6, 30), engine.DUE_SOON),
        (date(2026, 7, 31), engine.DUE_SOON),
        (date(2026, 8, 1), engine.OVERDUE),
    ],
)
def test_the_re_review_is_due_soon_a_month_before_and_overdue_the_day_after(today, status):
    assert rereview(rated("weak"), today).status == status


def test_a_review_completed_after_the_rating_meets_the_re_review():
    result = rereview(rated("reasonable", date(2026, 5, 10)), date(2026, 9, 1))
    assert result.status == engine.MET
    assert result.evidence == date(2026, 5, 10)


def test_the_review_that_gave_the_rating_does_not_meet_the_re_review():
    result = rereview(rated("limited", RATED, RATED - timedelta(days=300)), date(2026, 8, 1))
    assert result.status == engine.OVERDUE


def test_substantial_or_unrated_partnerships_get_no_earlier_re_review():
    assert rereview(rated("substantial"), date(2027, 1, 1)).status == engine.NOT_APPLICABLE
    unrated = PartnershipFacts(partnership_id=1)
    assert rereview(unrated, date(2027, 1, 1)).status == engine.NOT_APPLICABLE


def test_the_re_review_is_listed_with_the_frameworks_obligations_for_dashboards():
    ids = [d.id for d in engine.definitions(REDDITCH)]
    assert assurance_rules.REREVIEW in ids


def test_the_framework_sets_how_soon_the_re_review_is():
    quarterly = REDDITCH.model_copy(
        update={"assurance": REDDITCH.assurance.model_copy(update={"rereview_after": "P3M"})}
    )
    results = assurance_rules.evaluate(quarterly, rated("limited"), date(2026, 2, 1))
    assert results[0].due == date(2026, 4, 30)


def _rating(partnership, level: str, rated_on: date) -> AssuranceRating:
    return AssuranceRating.objects.create(
        partnership=partnership,
        level=level,
        proposed_level=level,
        rated_on=rated_on,
        framework_id="redditch",
        framework_version="1.0",
    )


@pytest.mark.django_db
def test_a_rating_below_substantial_in_the_register_makes_the_re_review_due(redditch, partnership):
    today = timezone.localdate()
    rated_on = today - timedelta(days=250)
    _rating(partnership, "limited", rated_on)
    result = next(
        r
        for r in apply.obligations_for(partnership, framework=loader.current())
        if r.obligation_id == assurance_rules.REREVIEW
    )
    assert result.due == parse("P6M").after(rated_on)
    assert result.status == engine.OVERDUE


@pytest.mark.django_db
def test_a_review_carried_out_since_the_rating_clears_the_overdue_re_review_in_the_register(
    redditch, partnership, officer
):
    today = timezone.localdate()
    _rating(partnership, "weak", today - timedelta(days=250))
    before = {r.obligation_id: r for r in apply.obligations_for(partnership, framework=loader.current())}
    assert before[assurance_rules.REREVIEW].status == engine.OVERDUE
    with on_day(today - timedelta(days=30)):
        done, rating = carry_out(officer, partnership)
    results = {r.obligation_id: r for r in apply.obligations_for(partnership, framework=loader.current())}
    # Its rating is the latest: the re-review is counted from it, and not overdue.
    assert results[assurance_rules.REREVIEW].status != engine.OVERDUE
    assert rating.rated_on == done.completed_on == today - timedelta(days=30)
    # The same completed review is the evidence for the annual review obligation.
    assert results["annual_review"].evidence == done.completed_on


@pytest.mark.django_db
def test_completing_a_review_rated_limited_sets_a_re_review_six_months_on(redditch, partnership, officer):
    review, rating = carry_out(officer, partnership, scores=[1, 1, 1, 3, 3, 3, 3, 3, 3, 3, 3])
    assert rating.level == "limited"
    results = {r.obligation_id: r for r in apply.obligations_for(partnership, framework=loader.current())}
    assert results[assurance_rules.REREVIEW].due == parse("P6M").after(rating.rated_on)
    assert results[assurance_rules.REREVIEW].status in (engine.NOT_YET_DUE, engine.DUE_SOON)
    assert results["annual_review"].evidence == review.completed_on
