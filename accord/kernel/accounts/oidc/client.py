"""The OpenID Connect flow, through Authlib's Django client.

Authlib does the protocol: discovery from the issuer, the authorisation URL with state, nonce and a
PKCE S256 challenge (kept in the session), the code exchange with the verifier, and the ID token's
signature checked against the provider's published keys. Accord adds the claims it insists on:
the issuer it was configured with, its own client id as audience, an expiry and an issue time.
"""

import logging
import threading
import time

import requests
from authlib.common.errors import AuthlibBaseError
from authlib.integrations.django_client import DjangoIntegration, DjangoOAuth2App
from django.http import HttpRequest, HttpResponse
from joserfc.errors import JoseError

from .config import OidcConfig

log = logging.getLogger("accord.kernel.accounts.oidc")

CLIENT_NAME = "accord_oidc"  # names the flow's state in the session
METADATA_MAX_AGE = 3600  # seconds a provider's discovery document is reused
TIMEOUT = 10  # seconds to wait for the provider
LEEWAY = 60  # seconds of clock difference allowed on exp and iat


class SignInFailed(Exception):
    """Signing in through the provider did not work; `reason` is for the log, never for the user."""

    def __init__(self, reason: str, *, unreachable: bool = False):
        super().__init__(reason)
        self.reason = reason
        self.unreachable = unreachable


_apps: dict[OidcConfig, tuple[float, DjangoOAuth2App]] = {}
_lock = threading.Lock()


def _app(config: OidcConfig) -> DjangoOAuth2App:
    """An Authlib client for this configuration with the provider's discovery document loaded."""
    with _lock:
        found = _apps.get(config)
        if found and time.monotonic() - found[0] < METADATA_MAX_AGE:
            return found[1]
    app = DjangoOAuth2App(
        DjangoIntegration(CLIENT_NAME),
        name=CLIENT_NAME,
        client_id=config.client_id,
        client_secret=config.client_secret,
        server_metadata_url=config.discovery_url,
        client_kwargs={"scope": config.scopes, "code_challenge_method": "S256", "default_timeout": TIMEOUT},
    )
    try:
        metadata = app.load_server_metadata()
    except (requests.RequestException, ValueError) as exc:
        raise SignInFailed(f"discovery failed: {type(exc).__name__}", unreachable=True) from exc
    if metadata.get("issuer") != config.issuer:
        raise SignInFailed("the discovery document names a different issuer")
    with _lock:
        _apps[config] = (time.monotonic(), app)
    return app


def forget_providers() -> None:
    """Drop every cached discovery document (tests, and after a change of provider)."""
    with _lock:
        _apps.clear()


def start(request: HttpRequest, config: OidcConfig, redirect_uri: str) -> HttpResponse:
    """Send the browser to the provider; state, nonce and the PKCE verifier stay in the session."""
    app = _app(config)
    try:
        return app.authorize_redirect(request, redirect_uri)
    except (AuthlibBaseError, RuntimeError) as exc:
        raise SignInFailed(f"could not build the authorisation request: {exc}") from exc


def finish(request: HttpRequest, config: OidcConfig) -> dict:
    """The validated ID token's claims for the provider's answer in this request, or SignInFailed."""
    if "error" in request.GET:
        raise SignInFailed(f"the provider answered with an error: {request.GET['error'][:100]!r}")
    if not request.GET.get("code") or not request.GET.get("state"):
        raise SignInFailed("no code or state in the callback")
    app = _app(config)
    claims_options = {
        "iss": {"essential": True, "value": config.issuer},
        "aud": {"essential": True, "value": config.client_id},
        "sub": {"essential": True},
        "exp": {"essential": True},
        "iat": {"essential": True},
    }
    try:
        token = app.authorize_access_token(request, claims_options=claims_options, leeway=LEEWAY)
    except requests.RequestException as exc:
        raise SignInFailed(f"token request failed: {type(exc).__name__}", unreachable=True) from exc
    except (AuthlibBaseError, JoseError, ValueError, KeyError, TypeError) as exc:
        raise SignInFailed(f"{type(exc).__name__}: {str(exc)[:200]}") from exc
    claims = token.get("userinfo")
    if not claims:
        raise SignInFailed("the token response had no ID token")
    return dict(claims)
