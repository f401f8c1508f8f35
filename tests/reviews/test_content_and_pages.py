"""What each framework asks a review, and the pages around reviews: every review obligation has
questions to answer; only the reviews that apply are offered; the ratings history shows a chart and
its table."""

import pytest
from django.urls import reverse

from accord.domain.reviews import content
from accord.domain.reviews.content import Given
from accord.frameworks import loader

from .factories import carry_out

FRAMEWORKS = ("model", "bury", "central_bedfordshire", "chorley", "northampton", "redditch")


@pytest.mark.parametrize("framework_id", FRAMEWORKS)
def test_every_review_the_framework_obliges_has_questions_to_answer(framework_id):
    framework = loader.get(framework_id)
    kinds = {a.id: a for a in framework.artefacts}
    reviews = [o for o in framework.obligations if kinds[o.artefact].kind == "review"]
    assert reviews
    for obligation in reviews:
        artefact = kinds[obligation.artefact]
        assert artefact.banks, f"{obligation.id} has no question bank"
        assert all(content.bank(framework, b) for b in artefact.banks)


def test_redditch_asks_the_eleven_areas_of_app_4a_scored_one_to_three():
    bank = content.bank(loader.get("redditch"), "annual_review")
    assert bank.scale == "score_1_3"
    assert [content.title(q) for q in bank.questions] == [
        "Formal status",
        "Composition",
        "Auditing and scrutiny arrangements",
        "Finances and resources",
        "Risk assessment & management",
        "Conduct and behaviour",
        "Staffing",
        "Equality and diversity",
        "Communication",
        "Accountability",
        "Outcome-focused planning and performance management",
    ]


def test_only_the_reviews_that_apply_to_the_partnerships_tier_and_type_are_offered():
    chorley = loader.get("chorley")
    key = content.review_options(chorley, "key", "Public sector strategic")
    assert [o.artefact.id for o in key] == ["governance_check", "review"]
    assert content.review_options(chorley, "other", "Public sector strategic") == []
    bedfordshire = loader.get("central_bedfordshire")
    private = content.review_options(bedfordshire, "key", "Private sector")
    assert private == []  # the protocol asks no annual review of private sector partnerships


def test_changes_compare_each_answer_with_the_last_reviews():
    bank = content.bank(loader.get("redditch"), "annual_review")
    before = {"formal_status": Given(score=3, evidence="MoU signed"), "composition": Given(score=2)}
    now = {"formal_status": Given(score=2, evidence="MoU expired"), "composition": Given(score=2)}
    found = {c.question.id: c for c in content.changes(bank, before, now)}
    assert found["formal_status"].changed and content.movement(bank, found["formal_status"]) == "worse"
    assert not found["composition"].changed and content.movement(bank, found["composition"]) == "same"
    assert found["staffing"].before is None and not found["staffing"].changed


def test_a_no_on_a_yes_no_review_scores_like_action_required():
    bank = content.bank(loader.get("chorley"), "three_yearly_review")
    assert content.score_of(bank, Given(answer="no", evidence="x")) == 1
    assert content.needs_action(bank, Given(answer="no"))
    assert not content.is_answered(bank, Given(answer="yes"))  # yes/no with comment: evidence needed


@pytest.mark.django_db
def test_the_ratings_page_shows_ratings_over_time_as_a_chart_and_a_table(
    redditch, partnership, officer, client
):
    carry_out(officer, partnership, scores=3, level="limited", reason="Key partner withdrew")
    client.force_login(officer)
    page = client.get(reverse("ratings", args=[partnership.pk])).content.decode()
    assert 'role="img"' in page and "<svg" in page
    assert "Assurance ratings of Chorley Community Safety Partnership over time" in page
    assert "Key partner withdrew" in page
    assert "Limited" in page and "Substantial" in page  # given, and proposed by the rules


@pytest.mark.django_db
def test_the_reviews_page_lists_what_is_due_and_the_latest_rating(redditch, partnership, officer, client):
    carry_out(officer, partnership, scores=3)
    client.force_login(officer)
    page = client.get(reverse("reviews", args=[partnership.pk])).content.decode()
    assert "Annual partnership review" in page and "Head of Service" in page
    assert "Substantial" in page and "Start a review" in page


@pytest.mark.django_db
def test_partners_cannot_see_reviews_of_their_own_partnership(redditch, partnership, users, client):
    client.force_login(users["partner"])
    assert client.get(reverse("reviews", args=[partnership.pk])).status_code in (403, 404)
