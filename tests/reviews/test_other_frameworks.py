"""Reviews under the other frameworks: Chorley's three-yearly review of a key partnership answered
yes or no, and Central Bedfordshire's report of the annual review to the executive (free text)."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse

from accord.domain.reviews import rating, services
from accord.domain.reviews.models import AssuranceRating, Review
from accord.frameworks import apply, loader
from accord.kernel import clock

from .factories import answer_all, carry_out, start

pytestmark = pytest.mark.django_db


@pytest.fixture
def key_partnership(partnership):
    partnership.is_key_partnership = True
    partnership.save(update_fields=["is_key_partnership"])
    return partnership


def test_chorleys_three_yearly_review_is_answered_yes_or_no_and_a_no_lowers_the_rating(
    settings, key_partnership, officer, client
):
    settings.ACCORD_FRAMEWORK = "chorley"
    client.force_login(officer)
    page = client.get(reverse("review-start", args=[key_partnership.pk])).content.decode()
    assert "Three-yearly review of the key partnership" in page
    review, given = carry_out(
        officer, key_partnership, scores=[3, 1, 3, 3, 3], artefact_id="review", bank_id="three_yearly_review"
    )
    assert review.answers.get(question_id="effective_governance").answer == "no"
    assert given.level == "reasonable"
    assert "003_6cf6fd1a73ee76f7.txt Monitoring and review arrangements for key partnerships" in {
        r["cite"] for r in given.reasons
    }
    met = next(
        r
        for r in apply.obligations_for(key_partnership, framework=loader.current())
        if r.obligation_id == "three_yearly_review"
    )
    assert met.evidence == review.completed_on


def test_a_yes_no_question_needs_its_evidence_under_chorley(settings, key_partnership, officer, client):
    settings.ACCORD_FRAMEWORK = "chorley"
    review = start(officer, key_partnership, "review", "three_yearly_review")
    client.force_login(officer)
    response = client.post(
        reverse("review-question", args=[key_partnership.pk, review.pk, "continuing_relevance"]),
        {"answer": "yes"},
    )
    assert "Enter the evidence for question 1" in response.content.decode()
    assert not review.answers.exists()


def test_central_bedfordshires_report_to_the_executive_is_written_not_scored(settings, partnership, officer):
    settings.ACCORD_FRAMEWORK = "central_bedfordshire"
    review = start(officer, partnership, "annual_review_report", "annual_review_report")
    answer_all(officer, review, 3)
    assert review.answers.get(question_id="progress").evidence == "Answer on progress"
    assert (
        rating.scores(review, framework=loader.current()) == ()
    )  # nothing to score: the score rules cannot apply
    review = services.record_decision(officer, review, "continue", "", True, "")
    proposal = rating.propose_for(review, framework=loader.current())
    services.complete(officer, review, proposal.level, "", proposal.level, framework=loader.current())
    assert AssuranceRating.objects.get(review=review).level == proposal.level


def test_once_the_annual_review_is_done_the_start_page_offers_its_report_over_a_real_period(
    settings, partnership, officer, client
):
    """The page offered the first review in the file whatever was due: after Central Bedfordshire's
    Annual Review meeting, its own questions again over a period ending the day it starts (today to
    today), which starting refuses, so the report to the executive could not start from the defaults."""
    settings.ACCORD_FRAMEWORK = "central_bedfordshire"
    today = clock.today()
    since = today - timedelta(days=90)
    review = services.start(
        officer, partnership, "annual_review", "annual_review", since, today, framework=loader.current()
    )
    answer_all(officer, review, 3)
    review = services.record_decision(officer, review, "continue", "", True, "")
    proposal = rating.propose_for(review, framework=loader.current())
    services.complete(officer, review, proposal.level, "", proposal.level, framework=loader.current())

    client.force_login(officer)
    page = client.get(reverse("review-start", args=[partnership.pk])).content.decode()
    offered = {m.group(1) for m in re.finditer(r'<input[^>]*value="([\w:]+)"[^>]*checked', page)}
    assert offered == {"annual_review_report:annual_review_report"}
    defaults = dict(re.findall(r'name="(period_(?:start|end)-(?:day|month|year))"[^>]*value="(\d+)"', page))
    response = client.post(
        reverse("review-start", args=[partnership.pk]),
        {"review": "annual_review_report:annual_review_report", **defaults},
    )
    assert response.status_code == 302
    assert Review.objects.filter(partnership=partnership, artefact_id="annual_review_report").exists()
