"""Outside-body duties in a real browser: on a local strategic partnership under Bury's framework an
officer sees that the report-back to the Executive is overdue, records a meeting at which a
substitute went unbriefed (and sees the warning), then records the report-back, which meets the
obligation. axe-core runs on every page visited."""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accord.domain.representation.models import Attendance, ReportBack
from tests.factories import PartnershipTypeFactory, track_from
from tests.representation.factories import representative

from .conftest import sign_in, submit, visit

pytestmark = pytest.mark.browser


@pytest.fixture
def lsp(settings, own_partnership):
    settings.ACCORD_FRAMEWORK = "bury"
    own_partnership.partnership_type = PartnershipTypeFactory(name="Local strategic partnership")
    own_partnership.start_date = date(2020, 4, 1)
    own_partnership.save()
    track_from(date(2020, 1, 1))  # the council has tracked its duties in Accord since before it began
    return own_partnership


def fill_date(page, group: str, day: date) -> None:
    boxes = page.get_by_role("group", name=group)
    boxes.get_by_label("Day").fill(str(day.day))
    boxes.get_by_label("Month").fill(str(day.month))
    boxes.get_by_label("Year").fill(str(day.year))


def test_an_officer_records_attendance_and_a_report_back_that_meets_the_duty(lsp, page, users):
    rep = representative(lsp, "Cllr Alan Whittaker")
    representative(lsp, "Cllr Yasmin Hussain", role="substitute")
    sign_in(page, "officer")
    visit(page, f"/partnerships/{lsp.pk}/")
    page.get_by_role("navigation", name="Partnership pages").get_by_role(
        "link", name="Representatives"
    ).click()
    page.wait_for_url(f"**/partnerships/{lsp.pk}/representatives/")
    visit(page, f"/partnerships/{lsp.pk}/representatives/")
    expect(page.get_by_text("Every year")).to_be_visible()
    expect(
        page.get_by_text("Representatives report back to the Executive (Local strategic partnership)")
    ).to_be_visible()
    expect(page.locator(".govuk-warning-text").first).to_contain_text("has not been recorded")

    page.get_by_role("button", name="Record a meeting").click()
    page.wait_for_url("**/meetings/new/")
    visit(page, f"/partnerships/{lsp.pk}/representatives/meetings/new/")
    held = timezone.localdate() - timedelta(days=14)
    fill_date(page, "Date of the meeting", held)
    page.get_by_label("Meeting", exact=True).fill("Chorley Partnership Board")
    page.get_by_role("group", name="Did Cllr Alan Whittaker attend?").get_by_label(
        "Sent a substitute"
    ).check()
    page.get_by_label("Substitute who went instead of Cllr Alan Whittaker").select_option(
        label="Cllr Yasmin Hussain"
    )
    submit(page, "Save meeting")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select yes if the substitute was briefed")
    page.get_by_role("group", name="Was the substitute briefed before the meeting?").get_by_label(
        "No"
    ).check()
    submit(page, "Save meeting")
    assert Attendance.objects.get(person=rep).status == "substitute"
    expect(page.locator(".govuk-warning-text").filter(has_text="without being briefed")).to_be_visible()
    expect(page.get_by_role("table", name="Meetings attended, by representative")).to_be_visible()

    page.get_by_role("button", name="Record a report-back").click()
    page.wait_for_url("**/report-backs/new/")
    visit(page, f"/partnerships/{lsp.pk}/representatives/report-backs/new/")
    expect(page.get_by_label("Reported to")).to_have_value("Executive")
    page.get_by_label("What was reported").fill("The Board refreshed the community strategy priorities.")
    page.get_by_role("group", name="Did it raise policy issues?").get_by_label("No").check()
    page.get_by_role("group", name="Did it raise performance issues?").get_by_label("No").check()
    submit(page, "Save")
    assert ReportBack.objects.filter(partnership=lsp, person=rep).exists()
    expect(page.locator(".govuk-warning-text").filter(has_text="has not been recorded")).to_have_count(0)
    expect(page.get_by_text("The Board refreshed the community strategy priorities.")).to_be_visible()
    page.screenshot(path="/tmp/representation.png", full_page=True)
