"""Reviews in a real browser: an officer carries out Redditch's annual review starting from last
year's answers, sees what changed, raises an action, records the decision, sees the proposed rating
with its reasons, gives another rating with a written reason, and finds it on the ratings chart and
table. axe-core runs on every page visited."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accord.domain.reviews.models import AssuranceRating, Review
from tests import factories as f
from tests.reviews.factories import carry_out

from .conftest import sign_in, submit, visit

pytestmark = pytest.mark.browser


@pytest.fixture
def redditch(settings):
    settings.ACCORD_FRAMEWORK = "redditch"


@pytest.fixture
def reviewed_last_year(redditch, users, own_partnership):
    """Joined a month ago with its MoU in place (nothing overdue), and one review completed."""
    joined = timezone.localdate() - timedelta(days=30)
    own_partnership.start_date = joined
    own_partnership.save(update_fields=["start_date"])
    f.agreement_in_place(own_partnership, joined)
    previous, _ = carry_out(users["officer"], own_partnership, scores=3)
    return previous


def test_a_review_starts_from_last_years_and_its_rating_is_overridden_with_a_reason(
    page, users, own_partnership, reviewed_last_year
):
    pk = own_partnership.pk
    sign_in(page, "officer")
    visit(page, f"/partnerships/{pk}/reviews/")
    page.get_by_role("button", name="Start a review").click()
    expect(page.get_by_role("heading", name="Start a review")).to_be_visible()
    # The annual review was done this year, so the page offers the Head of Service's review first.
    choice = page.get_by_role("group", name="Which review are you starting?")
    expect(choice.get_by_label("Head of Service's review and evaluation report")).to_be_checked()
    choice.get_by_label("Annual partnership review").check()
    submit(page, "Start the review")
    review = Review.objects.get(partnership=own_partnership, status="draft")
    assert review.previous == reviewed_last_year
    expect(page.locator("main")).to_contain_text("Started from the annual partnership review completed on")
    expect(page.get_by_text("To confirm")).to_have_count(11)

    # Question 1 changes; the rest are confirmed as they were last year.
    page.get_by_role("link", name="1. Formal status").click()
    expect(page.locator(".govuk-inset-text")).to_contain_text("3 – YES- working effectively")  # App 4a
    page.get_by_role("group", name="Assessment").get_by_label("1 – NO – action required").check()
    submit(page, "Save and continue")  # a 1 needs the actions written down: refused
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the actions needed for question 1")
    page.get_by_label("Actions needed").fill("Agree a new MoU with all partners")
    submit(page, "Save and continue")
    for _ in range(10):
        submit(page, "Save and continue")
    expect(page.locator("main")).to_contain_text("1 answer changed since then")
    expect(page.locator("main")).to_contain_text("Changed, worse")

    page.get_by_role("button", name="Raise an action").click()
    page.get_by_label("Action", exact=True).fill("Draft and agree a new MoU")
    page.get_by_label("Owner").select_option(label="Olive Officer")
    due = page.get_by_role("group", name="Due date")
    later = timezone.localdate() + timedelta(days=60)
    due.get_by_label("Day").fill(str(later.day))
    due.get_by_label("Month").fill(str(later.month))
    due.get_by_label("Year").fill(str(later.year))
    submit(page, "Save action")
    expect(page.get_by_role("table")).to_contain_text("Draft and agree a new MoU")

    page.get_by_role("button", name="Record the decision").click()
    page.get_by_role("group", name="What does the review decide?").get_by_label(
        "Continue with changes"
    ).check()
    page.get_by_label("Notes on the decision").fill("Renew the MoU")
    page.get_by_role("group", name="Is the business case for continuing re-confirmed?").get_by_label(
        "Yes"
    ).check()
    submit(page, "Save and continue")

    expect(page.get_by_role("heading", name="Proposed: Reasonable")).to_be_visible()
    expect(page.locator("#proposal-reasons")).to_contain_text(
        "Partnership Governance Framework and Toolkit, App 4a"
    )
    page.get_by_label("Limited").check()
    submit(page, "Complete the review")  # another rating needs a reason: refused
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Enter why the rating is not the proposed Reasonable"
    )
    page.get_by_label("Limited").check()
    page.get_by_label("Why is the rating different from the proposed one?").fill("The chair has resigned")
    submit(page, "Complete the review")
    rating = AssuranceRating.objects.get(
        review__status="complete", partnership=own_partnership, level="limited"
    )
    assert (rating.proposed_level, rating.override_reason) == ("reasonable", "The chair has resigned")
    own_partnership.refresh_from_db()
    assert own_partnership.status == "active"

    visit(page, f"/partnerships/{pk}/ratings/")
    expect(page.locator("svg[role=img]")).to_be_visible()
    expect(page.get_by_role("table").first).to_contain_text("Limited")
    expect(page.locator("main")).to_contain_text("The chair has resigned")
    visit(page, f"/partnerships/{pk}/review-actions/")
    expect(page.get_by_role("table")).to_contain_text("Draft and agree a new MoU")
