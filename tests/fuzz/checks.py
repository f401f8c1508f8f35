"""What every response to hostile input must satisfy, shared by the form, search and API fuzz tests."""

from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.http import HttpResponse

from tests.fuzz.forms import differences, fingerprint
from tests.fuzz.strategies import reflected_unescaped


class Rollback(Exception):
    """Raised to undo one example's writes, so every example starts from the same database."""


def in_rollback(action: Callable[[], Any]) -> Any:
    """Run `action` in a transaction that is always rolled back (a savepoint inside the test's own)."""
    result = None
    try:
        with transaction.atomic():
            result = action()
            raise Rollback
    except Rollback:
        pass
    return result


def brief(body: Any, limit: int = 200) -> str:
    """A failing body, short enough to read (hostile strings can be 200,000 characters)."""
    text = repr(body)
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text)} characters)"


def assert_safe_page(response: HttpResponse, what: str) -> None:
    """No server error, and no hostile marker reflected unescaped into an HTML page."""
    assert response.status_code < 500, f"{what}: status {response.status_code}"
    if "html" in response.get("Content-Type", "") and not getattr(response, "streaming", False):
        html = response.content.decode(errors="replace")
        assert not reflected_unescaped(html), f"{what}: hostile markup reflected unescaped"
        assert "Traceback" not in html, f"{what}: a stack trace shown to the user"


def refused(response: HttpResponse) -> bool:
    """The form came back with an error summary (not a redirect): nothing may have been written."""
    return response.status_code in (200, 400, 409, 422) and b"govuk-error-summary" in response.content


def post_and_check(client, url: str, body: dict, what: str) -> str:
    """POST hostile `body`; refused means the database is unchanged, accepted means the page it
    leads to still shows the stored values safely. Returns which of the two happened (or "other")."""
    before = fingerprint()
    response = client.post(url, body)
    assert_safe_page(response, what)
    if refused(response):
        changed = differences(before, fingerprint())
        assert not changed, f"{what}: refused but wrote {changed}"
        return "refused"
    if response.status_code in (301, 302, 303) and response["Location"].startswith("/"):
        assert_safe_page(client.get(response["Location"]), f"{what} → {response['Location']}")
        return "accepted"
    return "other"
