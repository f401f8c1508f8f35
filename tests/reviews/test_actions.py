"""Review actions: raised in a review with an owner from the register and a due date, listed per
partnership, tracked until done; overdue ones lower the proposed rating."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accord.domain.reviews import rating, services
from accord.domain.reviews.models import ReviewAction
from accord.frameworks import loader
from tests import factories as f

from .factories import answer_all, start

pytestmark = pytest.mark.django_db


def due(day) -> dict[str, str]:
    return {"due_on-day": str(day.day), "due_on-month": str(day.month), "due_on-year": str(day.year)}


def test_an_action_raised_in_a_review_has_an_owner_from_the_register_and_is_listed(
    redditch, partnership, officer, officer_client, officer_person
):
    review = start(officer, partnership)
    day = timezone.localdate() + timedelta(days=60)
    response = officer_client.post(
        reverse("review-action-add", args=[partnership.pk, review.pk]) + "?question=equality_and_diversity",
        {
            "description": "Carry out an equality impact assessment",
            "owner": officer_person.pk,
            "status": "open",
            **due(day),
        },
    )
    assert response.status_code == 302
    action = ReviewAction.objects.get()
    assert (action.owner, action.owner_name, action.question_id) == (
        officer_person,
        "Olive Officer",
        "equality_and_diversity",
    )
    listed = officer_client.get(reverse("review-actions", args=[partnership.pk])).content.decode()
    assert "Carry out an equality impact assessment" in listed and "Olive Officer" in listed
    assert "Open actions" in listed


def test_an_action_without_an_owner_or_due_date_is_refused(redditch, partnership, officer, officer_client):
    review = start(officer, partnership)
    response = officer_client.post(
        reverse("review-action-add", args=[partnership.pk, review.pk]),
        {"description": "Do it", "status": "open"},
    )
    page = response.content.decode()
    assert "Select the owner of the action" in page and "Enter the due date" in page
    assert not ReviewAction.objects.exists()


def test_an_action_is_tracked_until_done_with_the_date_it_was_done(
    redditch, partnership, officer, officer_client
):
    review = start(officer, partnership)
    owner = f.PersonFactory(name="Priya Partner")
    f.RoleFactory(partnership=partnership, person=owner, role="link_officer")
    action = services.add_action(
        officer,
        review,
        {"description": "Refresh the MoU", "owner": owner, "due_on": timezone.localdate(), "status": "open"},
    )
    url = reverse("review-action", args=[partnership.pk, action.pk])
    form = {
        "description": "Refresh the MoU",
        "owner": owner.pk,
        "progress": "Draft agreed",
        **due(action.due_on),
    }
    officer_client.post(url, {**form, "status": "in_progress", "version": action.version})
    action.refresh_from_db()
    assert action.status == "in_progress" and action.done_on is None and action.progress == "Draft agreed"
    officer_client.post(url, {**form, "status": "done", "version": action.version})
    action.refresh_from_db()
    assert action.status == "done" and action.done_on == timezone.localdate()
    page = officer_client.get(reverse("review-actions", args=[partnership.pk])).content.decode()
    assert "Open actions: none." in page


def test_a_second_editor_of_an_action_is_refused(redditch, partnership, officer):
    review = start(officer, partnership)
    action = services.add_action(
        officer,
        review,
        {
            "description": "Refresh the MoU",
            "owner_name": "Olive",
            "due_on": timezone.localdate(),
            "status": "open",
        },
    )
    opened = action.version
    services.update_action(officer, action, {"status": "in_progress"}, expected_version=opened)
    with pytest.raises(services.StaleAction):
        services.update_action(officer, action, {"status": "done"}, expected_version=opened)
    action.refresh_from_db()
    assert action.status == "in_progress"


def test_overdue_actions_lower_the_proposed_rating(redditch, partnership, officer):
    review = start(officer, partnership)
    answer_all(officer, review, 3)
    services.record_decision(officer, review, "continue", "", True, "")
    assert rating.propose_for(review, framework=loader.current()).level == "substantial"
    services.add_action(
        officer,
        review,
        {
            "description": "Publish the minutes",
            "owner_name": "Olive",
            "due_on": timezone.localdate() - timedelta(days=1),
            "status": "in_progress",
        },
    )
    proposal = rating.propose_for(review, framework=loader.current())
    assert proposal.level == "reasonable"
    assert any("1 review action past its due date" in r.text for r in proposal.reasons)


def test_actions_cannot_be_raised_on_a_completed_review(redditch, partnership, officer, officer_client):
    from .factories import carry_out

    review, _ = carry_out(officer, partnership)
    assert (
        officer_client.get(reverse("review-action-add", args=[partnership.pk, review.pk])).status_code == 403
    )
    with pytest.raises(services.ReviewError):
        services.add_action(
            officer, review, {"description": "Late", "owner_name": "x", "due_on": timezone.localdate()}
        )
