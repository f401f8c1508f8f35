"""A review counts only when it is carried out as a review (ADR 0024): every question answered with
its evidence, the actions written down for each 1 or No, a decision and a rating. A checklist of the
same questions never stands in for it, nor does a review marked complete some other way."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accord.domain.lifecycle import recording
from accord.domain.lifecycle.models import ArtefactRecord
from accord.domain.reviews import content, services
from accord.domain.reviews.evidence import ReviewEvidence
from accord.domain.reviews.models import Review, ReviewAnswer
from accord.frameworks import apply, assurance_rules, engine, loader
from tests.clock import on_day

from .factories import answer_all, carry_out, start

pytestmark = pytest.mark.django_db
LIMITED = [1, 1, 1] + [3] * 8  # three areas needing action: the rules propose Limited


def statuses(partnership) -> dict[str, engine.ObligationResult]:
    return {r.obligation_id: r for r in apply.obligations_for(partnership, framework=loader.current())}


def all_no(bank) -> dict[str, str]:
    """Every question answered '1 – No, action required' (or No), with no evidence and no actions."""
    data = {"action": "complete"}
    for question in bank.questions:
        data[f"{bank.id}-answer_{question.id}"] = "1" if bank.scale == "score_1_3" else "no"
        data[f"{bank.id}-comment_{question.id}"] = "x"
    return data


def test_completing_the_review_questions_as_a_checklist_does_not_meet_the_annual_review(
    redditch, partnership, officer, officer_client
):
    today = timezone.localdate()
    with on_day(today - timedelta(days=250)):
        _, rating = carry_out(officer, partnership, scores=LIMITED)
    assert rating.level == "limited"
    before = statuses(partnership)
    assert before[assurance_rules.REREVIEW].status == engine.OVERDUE

    bank = content.bank(loader.current(), "annual_review")
    url = reverse("checklist", args=[partnership.pk, "annual_review", "annual_review"])
    assert officer_client.get(url).status_code == 404
    assert officer_client.post(url, all_no(bank)).status_code == 404
    assert not ArtefactRecord.objects.filter(partnership=partnership, slot="annual_review").exists()

    # Even a record written some other way (an import, an old checklist) is not a review.
    recording.save_record(
        officer, partnership, "annual_review", kind="review", title="Annual review", complete=True, answers={}
    )
    after = statuses(partnership)
    assert after[assurance_rules.REREVIEW].status == engine.OVERDUE
    assert after["annual_review"].evidence == before["annual_review"].evidence
    assert partnership.ratings.latest("rated_on").level == "limited"


def test_burys_agreement_review_cannot_be_answered_as_a_checklist(settings, users, own_partnership, client):
    settings.ACCORD_FRAMEWORK = "bury"
    client.force_login(users["officer"])
    bank = content.bank(loader.current(), "agreement_review")
    url = reverse("checklist", args=[own_partnership.pk, "agreement_review", "agreement_review"])
    assert client.post(url, all_no(bank)).status_code == 404
    assert not ArtefactRecord.objects.filter(partnership=own_partnership).exists()


def test_the_cycle_page_sends_the_review_questions_to_the_review_not_a_checklist(
    redditch, partnership, officer_client
):
    page = officer_client.get(reverse("cycle", args=[partnership.pk])).content.decode()
    assert reverse("checklist", args=[partnership.pk, "annual_review", "annual_review"]) not in page
    assert reverse("reviews", args=[partnership.pk]) in page


def test_a_review_marked_complete_without_its_answers_decision_and_rating_does_not_count(
    redditch, partnership
):
    Review.objects.create(
        partnership=partnership,
        artefact_id="annual_review",
        bank_id="annual_review",
        period_start=date(2025, 4, 1),
        period_end=date(2026, 3, 31),
        started_on=timezone.localdate(),
        status="complete",
        completed_on=timezone.localdate(),
    )
    assert ReviewEvidence([partnership], loader.current()).evidence([partnership.pk]) == {}


def test_a_completed_review_with_a_no_whose_actions_were_removed_does_not_count(
    redditch, partnership, officer
):
    review, _ = carry_out(officer, partnership, scores=LIMITED)
    assert ReviewEvidence([partnership], loader.current()).evidence([partnership.pk])[partnership.pk]
    ReviewAnswer.objects.filter(review=review, score=1).update(actions="")
    assert ReviewEvidence([partnership], loader.current()).evidence([partnership.pk]) == {}


def test_an_app_4a_assessment_needs_its_evidence(redditch, partnership, officer):
    review = start(officer, partnership)
    with pytest.raises(
        services.ReviewError, match="Select an assessment and give the evidence for question 1"
    ):
        services.save_answer(
            officer, review, "formal_status", content.Given(score=3), framework=loader.current()
        )
    assert not review.answers.exists()


def test_a_review_cannot_be_completed_while_a_no_has_no_actions(redditch, partnership, officer):
    review = start(officer, partnership)
    answer_all(officer, review, LIMITED)
    services.record_decision(officer, review, "change", "Agree a new MoU", True, "")
    ReviewAnswer.objects.filter(review=review, score=1).update(actions="")  # however it happened
    with pytest.raises(services.ReviewError, match="3 question"):
        services.complete(officer, review, "limited", "", None, framework=loader.current())
    review.refresh_from_db()
    assert review.status == "draft"


def test_a_review_carried_out_in_full_meets_the_annual_review(redditch, partnership, officer):
    review, _ = carry_out(officer, partnership, scores=LIMITED)
    assert statuses(partnership)["annual_review"].evidence == review.completed_on
