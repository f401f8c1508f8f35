"""Carrying out a review: it starts from the last review's answers and shows what changed, one
question at a time; it ends in a decision and a rating (the proposed one, or another with a
reason); withdrawing leads to the leaving process; completed reviews, finished partnerships and
ratings cannot be changed."""

import pytest
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from accord.domain.lifecycle.models import Transition
from accord.domain.reviews import services
from accord.domain.reviews.models import AssuranceRating, Review, ReviewAnswer
from accord.frameworks import loader
from accord.kernel.audit.models import AuditEvent, ImmutableError

from .factories import answer_all, carry_out, start

pytestmark = pytest.mark.django_db


def url(name: str, review: Review, *args) -> str:
    return reverse(name, args=[review.partnership_id, review.pk, *args])


def test_starting_a_review_moves_an_active_partnership_under_review_through_the_cycle(
    redditch, partnership, officer_client
):
    response = officer_client.post(
        reverse("review-start", args=[partnership.pk]),
        {
            "review": "annual_review:annual_review",
            "period_start-day": "1",
            "period_start-month": "4",
            "period_start-year": "2025",
            "period_end-day": "31",
            "period_end-month": "3",
            "period_end-year": "2026",
        },
    )
    review = Review.objects.get(partnership=partnership)
    assert response.status_code == 302 and response["Location"] == url("review", review)
    assert review.bank_id == "annual_review" and review.previous is None
    partnership.refresh_from_db()
    assert partnership.status == "under_review"
    move = Transition.objects.filter(partnership=partnership).latest("at")
    assert move.to_status == "under_review" and "Annual partnership review" in move.reason


def test_a_period_ending_before_it_starts_is_refused_and_starts_nothing(
    redditch, partnership, officer_client
):
    response = officer_client.post(
        reverse("review-start", args=[partnership.pk]),
        {
            "review": "annual_review:annual_review",
            "period_start-day": "1",
            "period_start-month": "4",
            "period_start-year": "2026",
            "period_end-day": "31",
            "period_end-month": "3",
            "period_end-year": "2026",
        },
    )
    assert response.status_code == 200
    assert "The end of the period must be after its start" in response.content.decode()
    assert not Review.objects.exists()


def test_a_period_ending_the_day_it_starts_is_refused_on_the_field_and_starts_nothing(
    redditch, partnership, officer_client
):
    """The service refused it, but the form let it through, so the error was not linked to the date."""
    day = {"day": "28", "month": "6", "year": "2027"}
    response = officer_client.post(
        reverse("review-start", args=[partnership.pk]),
        {"review": "annual_review:annual_review"}
        | {f"period_start-{part}": value for part, value in day.items()}
        | {f"period_end-{part}": value for part, value in day.items()},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert 'href="#id_period_end-day">The end of the period must be after its start' in page
    assert not Review.objects.exists()


def test_a_new_review_starts_from_the_last_completed_reviews_answers_to_confirm(
    redditch, partnership, officer
):
    first, _ = carry_out(officer, partnership, scores=[2] + [3] * 10)
    second = start(officer, partnership)
    assert second.previous == first
    copied = {a.question_id: a for a in second.answers.all()}
    assert (
        copied["formal_status"].score == 2 and copied["formal_status"].evidence == "Evidence on formal_status"
    )
    assert not any(a.confirmed for a in copied.values())
    # every pre-filled answer still to confirm
    assert len(services.gaps(second, framework=loader.current())) == 11


def test_the_review_page_marks_what_changed_since_the_last_review(
    redditch, partnership, officer, officer_client
):
    carry_out(officer, partnership, scores=3)
    review = start(officer, partnership)
    page = officer_client.get(url("review", review)).content.decode()
    assert page.count("To confirm") == 11
    officer_client.post(
        url("review-question", review, "formal_status"),
        {"score": "2", "evidence": "MoU out of date", "actions": ""},
    )
    officer_client.post(
        url("review-question", review, "composition"),
        {"score": "3", "evidence": "Evidence on composition", "actions": ""},
    )
    page = officer_client.get(url("review", review)).content.decode()
    assert "1 answer changed since then" in page
    assert "Changed, worse" in page
    assert "Unchanged" in page
    assert page.count("To confirm") == 9
    question = officer_client.get(url("review-question", review, "staffing")).content.decode()
    assert "Last review" in question and "3 – YES- working effectively" in question  # App 4a's words
    assert "– Governance and finance" in question  # its heading in App 4a


def test_saving_a_question_goes_on_to_the_next_one_still_to_answer(
    redditch, partnership, officer, officer_client
):
    review = start(officer, partnership)
    response = officer_client.post(
        url("review-question", review, "formal_status"), {"score": "3", "evidence": "x"}
    )
    assert response["Location"] == url("review-question", review, "composition")


def test_a_score_of_1_needs_the_actions_written_down_and_bad_input_changes_nothing(
    redditch, partnership, officer, officer_client
):
    review = start(officer, partnership)
    response = officer_client.post(
        url("review-question", review, "formal_status"), {"score": "1", "evidence": "None"}
    )
    page = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in page
    assert "Enter the actions needed for question 1" in page
    response = officer_client.post(url("review-question", review, "formal_status"), {"score": "7"})
    assert "Select an assessment for question 1" in response.content.decode()
    assert not ReviewAnswer.objects.filter(review=review).exists()
    with pytest.raises(services.ReviewError):
        services.save_answer(
            officer,
            review,
            "formal_status",
            services.content.Given(score=1, evidence="x"),
            framework=loader.current(),
        )


def test_completing_a_review_records_the_proposed_rating_and_ends_the_time_under_review(
    redditch, partnership, officer, officer_client
):
    review = start(officer, partnership)
    answer_all(officer, review, [1] + [3] * 10)
    response = officer_client.get(url("review-rating", review))
    assert (
        "Record the decision" in response.content.decode()
        or "record the decision" in response.content.decode()
    )
    officer_client.post(
        url("review-decision", review),
        {"decision": "continue", "decision_notes": "", "business_case_reconfirmed": "True"},
    )
    page = officer_client.get(url("review-rating", review)).content.decode()
    assert "Proposed:" in page and "Reasonable" in page
    assert "Partnership Governance Framework and Toolkit, App 4a" in page  # the reason cites its clause
    response = officer_client.post(
        url("review-rating", review), {"level": "reasonable", "seen_level": "reasonable"}
    )
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.status == "complete" and review.completed_by == officer
    rating = AssuranceRating.objects.get(review=review)
    assert (rating.level, rating.proposed_level, rating.override_reason) == ("reasonable", "reasonable", "")
    assert rating.reasons and all(r["cite"] for r in rating.reasons)
    partnership.refresh_from_db()
    assert partnership.status == "active"
    assert AuditEvent.objects.filter(partnership=partnership, object_type="assurance rating").exists()


def test_a_different_rating_needs_a_written_reason(redditch, partnership, officer, officer_client):
    review = start(officer, partnership)
    answer_all(officer, review, 3)
    services.record_decision(officer, review, "continue", "", True, "")
    response = officer_client.post(
        url("review-rating", review), {"level": "limited", "seen_level": "substantial"}
    )
    page = response.content.decode()
    assert "Enter why the rating is not the proposed Substantial" in page
    assert not AssuranceRating.objects.exists()
    officer_client.post(
        url("review-rating", review),
        {"level": "limited", "seen_level": "substantial", "override_reason": "The chair resigned last week"},
    )
    rating = AssuranceRating.objects.get(review=review)
    assert rating.level == "limited" and rating.proposed_level == "substantial" and rating.overridden
    assert rating.override_reason == "The chair resigned last week"


def test_a_rating_is_refused_when_the_proposal_changed_since_the_page_was_opened(
    redditch, partnership, officer
):
    review = start(officer, partnership)
    answer_all(officer, review, 3)
    services.record_decision(officer, review, "continue", "", True, "")
    with pytest.raises(services.ProposalChanged) as refused:
        services.complete(officer, review, "limited", "", seen_level="limited", framework=loader.current())
    assert refused.value.proposal.level == "substantial"
    assert not AssuranceRating.objects.exists()


def test_withdrawing_sends_the_officer_to_record_the_decision_to_leave(
    redditch, partnership, officer, officer_client
):
    review = start(officer, partnership)
    answer_all(officer, review, [1] * 11)
    officer_client.post(
        url("review-decision", review),
        {
            "decision": "withdraw",
            "decision_notes": "Not delivering",
            "business_case_reconfirmed": "False",
            "business_case_notes": "Costs outweigh benefits",
        },
    )
    response = officer_client.post(url("review-rating", review), {"level": "weak", "seen_level": "weak"})
    assert response.status_code == 302 and response["Location"] == reverse("leaving", args=[partnership.pk])
    partnership.refresh_from_db()
    assert partnership.status == "under_review"  # the council's decision to leave is still to record
    page = officer_client.get(url("review", review)).content.decode()
    assert "recommends that the council withdraws" in page
    assert reverse("leaving", args=[partnership.pk]) in page


def test_an_approver_who_withdraws_is_told_who_records_the_decision_to_leave(
    redditch, partnership, users, client
):
    approver = users["approver"]
    client.force_login(approver)
    review = start(approver, partnership)
    answer_all(approver, review, 3)
    services.record_decision(approver, review, "withdraw", "Objectives changed", True, "")
    response = client.post(
        url("review-rating", review), {"level": "substantial", "seen_level": "substantial"}
    )
    assert response["Location"] == url("review", review)


def test_only_one_review_of_the_same_kind_is_in_progress_at_a_time(redditch, partnership, officer):
    start(officer, partnership)
    with pytest.raises(services.ReviewError, match="already in progress"):
        start(officer, partnership)


def test_a_completed_review_is_read_only(redditch, partnership, officer, officer_client):
    review, _ = carry_out(officer, partnership)
    assert officer_client.get(url("review-question", review, "formal_status")).status_code == 403
    assert officer_client.get(url("review-decision", review)).status_code == 403
    with pytest.raises(services.ReviewError, match="complete"):
        services.save_answer(
            officer, review, "formal_status", services.content.Given(score=3), framework=loader.current()
        )


def test_a_finished_partnership_cannot_be_reviewed_but_its_reviews_stay_readable(
    redditch, partnership, officer, officer_client
):
    review, _ = carry_out(officer, partnership)
    partnership.status = "closed"
    partnership.save(update_fields=["status"])
    assert officer_client.get(reverse("review-start", args=[partnership.pk])).status_code == 403
    assert officer_client.get(url("review", review)).status_code == 200
    assert officer_client.get(reverse("ratings", args=[partnership.pk])).status_code == 200


def test_an_officer_cannot_review_a_partnership_they_hold_no_role_on(
    redditch, other_partnership, officer, officer_client
):
    response = officer_client.post(
        reverse("review-start", args=[other_partnership.pk]), {"review": "annual_review:annual_review"}
    )
    assert response.status_code == 403
    assert not Review.objects.exists()


def test_ratings_cannot_be_changed_or_deleted(redditch, partnership, officer):
    _, rating = carry_out(officer, partnership)
    with pytest.raises(ImmutableError):
        rating.save()
    with pytest.raises(ImmutableError):
        AssuranceRating.objects.update(level="weak")
    for statement in (
        "UPDATE reviews_assurancerating SET level = 'weak'",
        "DELETE FROM reviews_assurancerating",
    ):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement)
    assert AssuranceRating.objects.get().level == "substantial"
