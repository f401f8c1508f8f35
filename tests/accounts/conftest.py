"""Single sign-on tests run against a real OpenID Connect provider on loopback (oidc_provider.py)."""

import pytest
import requests
from django.urls import reverse

from accord.kernel.accounts.oidc.client import forget_providers

from .oidc_provider import Provider, point_accord_at


@pytest.fixture(scope="session")
def oidc_provider():
    provider = Provider().start()
    yield provider
    provider.stop()


@pytest.fixture
def provider(oidc_provider, settings):
    """The provider, reset, with Accord's settings pointing at it (single sign-on switched on)."""
    oidc_provider.reset()
    point_accord_at(oidc_provider, settings)
    yield oidc_provider
    forget_providers()


def go_to_provider(client, next_url: str = "") -> str:
    """Press the single sign-on button; returns the provider's address Accord sent the browser to."""
    start = reverse("oidc-start") + (f"?next={next_url}" if next_url else "")
    response = client.get(start)
    assert response.status_code == 302, response.content[:500]
    return response["Location"]


def come_back(client, authorize_url: str):
    """The provider consents and sends the browser back; Accord's answer to the callback."""
    answer = requests.get(authorize_url, allow_redirects=False, timeout=10)
    assert answer.status_code == 302, answer.text
    callback = answer.headers["Location"]
    assert callback.startswith("http://testserver/sign-in/oidc/callback/")
    return client.get(callback.removeprefix("http://testserver"))


def sign_in_through_provider(client, next_url: str = ""):
    return come_back(client, go_to_provider(client, next_url))


def signed_in_user_id(client) -> str | None:
    return client.session.get("_auth_user_id")
