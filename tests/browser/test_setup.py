"""Set up Accord in a real browser (issue 18, item 8): an administrator follows "Set up Accord" from
the home page, reads each step's state in the task list, follows a step to the page that does it,
confirms they checked the rulebook and sees the step completed. An officer is refused. axe-core runs
on every page visited."""

import pytest
from playwright.sync_api import expect

from .conftest import assert_accessible, sign_in, submit, visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def status_of(page, title: str):
    item = page.locator(".govuk-task-list__item").filter(has=page.get_by_text(title, exact=True))
    return item.locator(".govuk-task-list__status")


def test_an_administrator_reads_the_steps_and_confirms_checking_the_rulebook(page, users):
    sign_in(page, "administrator")
    page.get_by_role("link", name="Set up Accord").click()
    assert_accessible(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up Accord")
    expect(page.get_by_text("You have completed")).to_contain_text("of 7 steps")
    expect(status_of(page, "Check the rulebook")).to_have_text("Not yet started")
    expect(status_of(page, "Import the register")).to_have_text("Not yet started")
    expect(status_of(page, "Publish the register")).to_have_text("Cannot start yet")
    expect(page.get_by_role("link", name="Publish the register")).to_have_count(0)

    page.get_by_role("link", name="Import the register").click()
    assert_accessible(page)
    assert page.url.endswith("/partnerships/import-export/")
    page.go_back()

    page.get_by_role("link", name="Check the rulebook").click()
    assert_accessible(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Rulebook")
    visit(page, "/setup/")
    submit(page, "I have checked the rulebook")
    expect(page.get_by_text("Recorded: you checked the rulebook of version 1.0.")).to_be_visible()
    expect(status_of(page, "Check the rulebook")).to_have_text("Completed")
    expect(page.get_by_role("button", name="I have checked the rulebook")).to_have_count(0)


def test_an_officer_is_refused(page, users):
    sign_in(page, "officer")
    expect(page.get_by_role("link", name="Set up Accord")).to_have_count(0)
    response = page.goto("/setup/")
    assert response is not None and response.status == 403
    assert_accessible(page)
