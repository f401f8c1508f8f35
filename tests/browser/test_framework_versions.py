"""Framework versions in a real browser (issue 17, ADR 0035): the council's folder holds version 2.0
of Chorley's framework, its three-yearly review of key partnerships shortened to every year. An
administrator opens the Rulebook from the navigation, follows "Framework versions", previews 2.0
on a day typed into the date input (a date that does not exist first: the error summary takes the
focus), reads what changes and which partnerships become due, and adopts it with a reason, using
the keyboard only on the adopt form. axe-core runs on every page visited."""

import pytest
from playwright.sync_api import Page, expect

from accord.frameworks.models import FrameworkAdoption
from tests.clock import on_day
from tests.frameworks import versions_setup
from tests.frameworks.versions_setup import TAKES_EFFECT, TODAY

from .conftest import assert_accessible, sign_in, submit, visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
council_folder = versions_setup.council_folder
reviewed = versions_setup.reviewed
TABS = 60  # more than the links and fields before the reason on the adopt page


def enter_date(page: Page, day: str, month: str, year: str) -> None:
    date_input = page.get_by_role("group", name="Date it takes effect")
    date_input.get_by_label("Day").fill(day)
    date_input.get_by_label("Month").fill(month)
    date_input.get_by_label("Year").fill(year)


def tab_to(page: Page, selector: str) -> None:
    """Press Tab until the element is focused, as someone using only the keyboard would."""
    for _ in range(TABS):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement === document.querySelector({selector!r})"):
            return
    raise AssertionError(f"Tab never reached {selector} on {page.url}")


def test_an_administrator_previews_and_adopts_a_new_version_of_the_framework(page, users, reviewed):
    with on_day(TODAY):
        sign_in(page, "administrator")
        page.get_by_role("link", name="Rulebook", exact=True).click()
        assert_accessible(page)
        expect(page.get_by_role("heading", level=1)).to_have_text("Rulebook")
        page.get_by_role("link", name="Framework versions").click()
        assert_accessible(page)
        expect(page.get_by_role("heading", level=1)).to_have_text("Framework versions")
        versions = page.get_by_role("table", name="Versions found")
        expect(versions.get_by_role("row", name="2.0")).to_contain_text("Never adopted")
        expect(versions.get_by_role("row", name="1.0")).to_contain_text("In force")

        versions.get_by_role("link", name="Preview version 2.0").click()
        assert_accessible(page)
        expect(page.get_by_role("heading", level=1)).to_have_text("Preview version 2.0")
        enter_date(page, "31", "2", "2027")
        submit(page, "Preview the changes")
        summary = page.locator(".govuk-error-summary")
        expect(summary).to_be_focused()
        expect(summary).to_contain_text("Date it takes effect must be a real date")
        assert page.title().startswith("Error:")
        summary.get_by_role("link").first.click()  # the summary's link takes you to the day
        expect(page.get_by_role("group", name="Date it takes effect").get_by_label("Day")).to_be_focused()
        expect(page.get_by_role("heading", name="On 1 February 2027")).to_have_count(0)

        enter_date(page, "1", "2", "2027")
        submit(page, "Preview the changes")
        expect(page.locator(".govuk-error-summary")).to_have_count(0)
        expect(page.get_by_role("heading", level=2, name="On 1 February 2027")).to_be_visible()
        expect(page.locator("main")).to_contain_text("repeats every year (was every 3 years).")
        due = page.get_by_role("table", name="Duties that become overdue or due soon on the day (2)")
        for key in ("a", "b"):
            expect(due.get_by_role("link", name=reviewed[key].name)).to_be_visible()
        expect(page.locator("main")).not_to_contain_text(reviewed["other"].name)

        page.get_by_role("button", name="Adopt version 2.0 from 1 February 2027").click()
        page.wait_for_url("**/rulebook/versions/2.0/adopt/**")
        assert_accessible(page)
        expect(page.get_by_role("heading", level=1)).to_have_text("Check before adopting version 2.0")
        expect(page.locator("main")).to_contain_text("Version 2.0 replaces version 1.0 from 1 February 2027.")

        submit(page, "Adopt version 2.0")  # no reason given: refused, nothing adopted
        summary = page.locator(".govuk-error-summary")
        expect(summary).to_be_focused()
        expect(summary).to_contain_text("Enter why this version is being adopted")
        assert not FrameworkAdoption.objects.exists()
        summary.get_by_role("link", name="Enter why this version is being adopted").click()
        expect(page.get_by_label("Why is the council adopting this version?")).to_be_focused()

        # Keyboard only from here: Tab to the reason, type it, Tab to the button, Enter
        page.locator("body").focus()
        tab_to(page, "textarea[name=reason]")
        page.keyboard.type("Executive Cabinet, 12 January 2027, minute 7")
        page.keyboard.press("Tab")
        expect(page.get_by_role("button", name="Adopt version 2.0")).to_be_focused()
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert_accessible(page)

        expect(page.locator(".govuk-notification-banner")).to_contain_text(
            "Version 2.0 adopted: it takes effect on 1 February 2027."
        )
        expect(page.get_by_role("heading", level=1)).to_have_text("Framework versions")
        pending = page.get_by_role("table", name="Versions found").get_by_role("row", name="2.0")
        expect(pending).to_contain_text("Adopted")
        expect(pending).to_contain_text("Takes effect on 1 February 2027")
        adopted = FrameworkAdoption.objects.get()
        assert adopted.takes_effect_on == TAKES_EFFECT
        assert adopted.reason == "Executive Cabinet, 12 January 2027, minute 7"

        # Adopting it again is refused with an error summary, and nothing more is adopted
        visit(page, "/rulebook/versions/2.0/adopt/?on=2027-02-01")
        expect(page.locator(".govuk-error-summary")).to_contain_text(
            "Version 2.0 is already adopted from 1 February 2027"
        )
        expect(page.get_by_label("Why is the council adopting this version?")).to_have_count(0)
        assert FrameworkAdoption.objects.count() == 1


def test_an_auditor_previews_a_version_with_the_keyboard_but_is_not_offered_adoption(page, users, reviewed):
    with on_day(TODAY):
        sign_in(page, "auditor")
        visit(page, "/rulebook/versions/")
        page.get_by_role("link", name="Preview version 2.0").click()
        assert_accessible(page)
        # Keyboard only: Tab to the day, type the date field by field, Enter submits
        page.locator("body").focus()
        tab_to(page, "input[name=on-day]")
        page.keyboard.type("1")
        page.keyboard.press("Tab")
        page.keyboard.type("2")
        page.keyboard.press("Tab")
        page.keyboard.type("2027")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert_accessible(page)
        expect(page.get_by_role("heading", level=2, name="On 1 February 2027")).to_be_visible()
        expect(
            page.get_by_role("table", name="Duties that become overdue or due soon on the day (2)")
        ).to_be_visible()
        expect(page.get_by_role("button", name="Adopt version 2.0 from 1 February 2027")).to_have_count(0)
