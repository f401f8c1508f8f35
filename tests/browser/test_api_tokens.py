"""Personal API tokens in a real browser: an officer makes a token from the home page, sees it once,
uses it against the API, then revokes it and the API refuses it. axe-core runs on every page."""

import pytest
from playwright.sync_api import expect

from .conftest import assert_accessible, sign_in, submit, visit

pytestmark = pytest.mark.browser


def test_an_officer_makes_uses_and_revokes_an_api_token(page, users, live_server):
    sign_in(page, "officer")
    visit(page, "/")
    page.get_by_role("link", name="Your API tokens").click()
    assert_accessible(page)
    expect(page.get_by_text("You have no API tokens.")).to_be_visible()

    submit(page, "Make a token")  # no name: a GOV.UK error, nothing made
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    expect(page.get_by_text("You have no API tokens.")).to_be_visible()

    page.get_by_label("What is the token for?").fill("Power BI dashboard")
    submit(page, "Make a token")
    secret = page.locator("#new-token").inner_text().strip()
    assert secret.startswith("acc_")
    expect(page.get_by_role("table", name="Your API tokens")).to_contain_text("Power BI dashboard")

    api = f"{live_server.url}/api/v1/partnerships"
    bearer = {"Authorization": f"Bearer {secret}"}
    assert page.request.get(api, headers=bearer).status == 200

    visit(page, "/account/api-tokens/")  # shown once: not on the page again
    assert secret not in page.content()
    page.get_by_role("link", name="Revoke").click()
    assert_accessible(page)
    submit(page, "Revoke the token")
    expect(page.get_by_role("table", name="Your API tokens")).to_contain_text("Revoked")
    assert page.request.get(api, headers=bearer).status == 401
