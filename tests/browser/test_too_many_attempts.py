"""Too many sign-in attempts from one address: a plain page saying how long to wait (axe on it)."""

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from .conftest import sign_in

pytestmark = pytest.mark.browser


def test_someone_trying_too_many_sign_ins_is_told_how_long_to_wait(page, users, settings):
    settings.ACCORD_SIGNIN_RATE = "2/d"  # a day's window, so the test never straddles a window's end
    cache.clear()
    for _ in range(2):
        sign_in(page, "nobody-here", "not-the-password")
        expect(
            page.get_by_text("Enter a correct username or email address and password").first
        ).to_be_visible()
    sign_in(page, "auditor")  # the right password, but the address has used up its attempts
    expect(page.get_by_role("heading", name="Too many attempts")).to_be_visible()
    expect(page.get_by_text("Wait 1 day, then try again.")).to_be_visible()
    expect(page.get_by_role("button", name="Sign out")).to_have_count(0)
