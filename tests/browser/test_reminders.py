"""Schedule and reminders in a real browser: My work, making and stopping a calendar address (the
feed read back with icalendar), and the council calendar with its chart. axe-core runs on every
page visited."""

from datetime import date, timedelta

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from accord.frameworks import loader, store
from tests import factories as f

from .conftest import assert_accessible, sign_in, submit, visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def overdue(own_partnership):
    """The officer's key partnership, joined seven months ago: its six-monthly report is overdue."""
    own_partnership.is_key_partnership = True
    own_partnership.start_date = date.today() - timedelta(days=213)
    own_partnership.save()
    f.track_from(own_partnership.start_date)  # Accord has tracked it since it began
    store.refresh_all(framework=loader.current())
    return own_partnership


def test_my_work_lists_the_officers_overdue_report_and_a_calendar_address_is_made_and_stopped(page, overdue):
    sign_in(page, "officer")
    page.get_by_role("link", name="My work").click()
    assert_accessible(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("My work")
    overdue_section = page.get_by_role("heading", name="Overdue (1)")
    expect(overdue_section).to_be_visible()
    expect(page.get_by_role("link", name="Report on the key partnership's performance")).to_have_attribute(
        "href",
        f"/partnerships/{overdue.pk}/progress-reports/",  # where it is written (ADR 0024)
    )

    page.get_by_role("link", name="Get a calendar address").click()
    assert_accessible(page)
    submit(page, "Make a calendar address")
    expect(page.get_by_role("heading", name="Your new calendar address")).to_be_visible()
    address = page.locator("#feed-url").inner_text()
    feed = page.request.get(address)
    assert feed.status == 200
    events = Calendar.from_ical(feed.body()).walk("VEVENT")
    assert any("performance to Executive Cabinet" in str(e.get("summary")) for e in events)

    visit(page, "/my-work/calendar/")
    expect(page.get_by_text("It is not shown again")).to_be_visible()
    page.get_by_role("link", name="Stop your calendar address").click()
    assert_accessible(page)
    submit(page, "Stop the address")
    expect(page.get_by_text("Your calendar address has been stopped")).to_be_visible()
    assert page.request.get(address).status == 404


def test_the_council_calendar_shows_reviews_and_reports_per_month_and_lists_a_month(page, overdue):
    sign_in(page, "member")
    visit(page, "/calendar/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Council calendar")
    expect(page.get_by_role("img", name="Reviews and reports due per month")).to_be_visible()
    expect(page.get_by_role("table", name="Reviews and reports due per month")).to_be_visible()
    page.get_by_role("link", name="Before this month (1)").click()
    assert_accessible(page)
    expect(page.locator("#month")).to_contain_text("before this month")
    expect(page.get_by_role("table", name="1 due")).to_contain_text("Chorley Community Safety Partnership")
    page.get_by_label("Show", exact=True).select_option(label="Every obligation")
    submit(page, "Show")
    expect(page.get_by_role("img", name="Every obligation due per month")).to_be_visible()
