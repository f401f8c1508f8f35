"""A small, real OpenID Connect provider for the tests, served on loopback in a background thread.

It publishes discovery and its signing keys, signs RS256 ID tokens with joserfc, and checks what
a real provider checks at the token endpoint: the client's id and secret, the code (once), the
redirect URI, and the PKCE verifier against the S256 challenge. The authorisation endpoint
consents at once for the person the test has set in `provider.person`.

`provider.fault` makes it misbehave in one way: "bad_signature" (signed with a key it does not
publish), "wrong_audience", "expired", "wrong_nonce", "wrong_issuer", "access_denied" (the person
refuses at the provider), "no_id_token".
"""

import base64
import hashlib
import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode

from joserfc import jwt
from joserfc.jwk import RSAKey
from werkzeug.serving import WSGIRequestHandler, make_server
from werkzeug.wrappers import Request, Response

CLIENT_ID = "accord-test-client"
CLIENT_SECRET = "accord-test-secret-0123456789"
KEY_ID = "accord-test-key-1"


@dataclass
class Person:
    sub: str = "entra-object-id-olive"
    email: str = "olive.officer@chorley.example.gov.uk"
    email_verified: bool = True
    name: str = "Olive Officer"
    roles: list[str] = field(default_factory=lambda: ["Accord.Officer"])


@dataclass
class Grant:
    redirect_uri: str
    challenge: str
    nonce: str
    person: Person


def s256(verifier: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()


class Provider:
    def __init__(self) -> None:
        self.key = RSAKey.generate_key(2048, parameters={"kid": KEY_ID, "use": "sig", "alg": "RS256"})
        # Same key id, different key: a token signed with it must fail the signature check.
        self.rogue_key = RSAKey.generate_key(2048, parameters={"kid": KEY_ID})
        self._server = make_server("127.0.0.1", 0, self.wsgi, threaded=True, request_handler=_QuietHandler)
        self.issuer = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self.reset()

    def reset(self) -> None:
        self.person = Person()
        self.fault: str | None = None
        self.grants: dict[str, Grant] = {}
        self.token_errors: list[str] = []  # why the token endpoint refused, for tests to read

    def start(self) -> "Provider":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    # --- endpoints -------------------------------------------------------------------------

    def wsgi(self, environ, start_response):
        request = Request(environ)
        routes = {
            "/.well-known/openid-configuration": self.discovery,
            "/jwks": self.jwks,
            "/authorize": self.authorize,
            "/token": self.token,
            "/userinfo": self.userinfo,
        }
        handler = routes.get(request.path)
        response = handler(request) if handler else Response("not found", status=404)
        return response(environ, start_response)

    def discovery(self, request: Request) -> Response:
        return _json(
            {
                "issuer": self.issuer,
                "authorization_endpoint": f"{self.issuer}/authorize",
                "token_endpoint": f"{self.issuer}/token",
                "userinfo_endpoint": f"{self.issuer}/userinfo",
                "jwks_uri": f"{self.issuer}/jwks",
                "response_types_supported": ["code"],
                "subject_types_supported": ["public"],
                "id_token_signing_alg_values_supported": ["RS256"],
                "code_challenge_methods_supported": ["S256"],
                "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
                "scopes_supported": ["openid", "email", "profile"],
            }
        )

    def jwks(self, request: Request) -> Response:
        return _json({"keys": [self.key.as_dict(private=False)]})

    def authorize(self, request: Request) -> Response:
        args = request.args
        if args.get("client_id") != CLIENT_ID or args.get("response_type") != "code":
            return Response("unknown client or response type", status=400)
        if args.get("code_challenge_method") != "S256" or not args.get("code_challenge"):
            return Response("PKCE with S256 is required", status=400)
        redirect_uri = args["redirect_uri"]
        if self.fault == "access_denied":
            return _redirect(redirect_uri, error="access_denied", state=args.get("state", ""))
        code = secrets.token_urlsafe(24)
        self.grants[code] = Grant(redirect_uri, args["code_challenge"], args.get("nonce", ""), self.person)
        return _redirect(redirect_uri, code=code, state=args.get("state", ""))

    def token(self, request: Request) -> Response:
        form = request.form
        client_id, client_secret = form.get("client_id"), form.get("client_secret")
        if request.authorization and request.authorization.type == "basic":
            client_id, client_secret = request.authorization.username, request.authorization.password
        grant = self.grants.pop(form.get("code", ""), None)  # a code works once
        problem = None
        if (client_id, client_secret) != (CLIENT_ID, CLIENT_SECRET):
            problem = "invalid_client"
        elif form.get("grant_type") != "authorization_code" or grant is None:
            problem = "invalid_grant"
        elif form.get("redirect_uri") != grant.redirect_uri:
            problem = "invalid_grant: redirect_uri"
        elif s256(form.get("code_verifier", "")) != grant.challenge:
            problem = "invalid_grant: code_verifier"
        if problem:
            self.token_errors.append(problem)
            return _json({"error": problem.split(":")[0]}, status=400)
        access_token = secrets.token_urlsafe(24)
        body = {"access_token": access_token, "token_type": "Bearer", "expires_in": 3600}
        if self.fault != "no_id_token":
            body["id_token"] = self.id_token(grant)
        self._userinfo = {access_token: grant.person}
        return _json(body)

    def userinfo(self, request: Request) -> Response:
        token = (request.headers.get("Authorization") or "").removeprefix("Bearer ")
        person = getattr(self, "_userinfo", {}).get(token)
        if person is None:
            return Response(status=401)
        return _json(self.claims(person))

    # --- tokens ----------------------------------------------------------------------------

    def claims(self, person: Person) -> dict:
        return {
            "sub": person.sub,
            "email": person.email,
            "email_verified": person.email_verified,
            "name": person.name,
            "roles": person.roles,
        }

    def id_token(self, grant: Grant) -> str:
        now = int(time.time())
        claims = {
            **self.claims(grant.person),
            "iss": self.issuer,
            "aud": CLIENT_ID,
            "iat": now,
            "exp": now + 300,
            "nonce": grant.nonce,
        }
        if self.fault == "wrong_audience":
            claims["aud"] = "some-other-service"
        elif self.fault == "expired":
            claims["iat"], claims["exp"] = now - 3600, now - 1800
        elif self.fault == "wrong_nonce":
            claims["nonce"] = "not-the-nonce-accord-sent"
        elif self.fault == "wrong_issuer":
            claims["iss"] = "https://login.example.com/another-tenant/v2.0"
        key = self.rogue_key if self.fault == "bad_signature" else self.key
        return jwt.encode({"alg": "RS256", "kid": KEY_ID}, claims, key)


ROLE_MAP = (
    "Accord.Administrator=administrator,Accord.Officer=officer,Accord.Approver=approver,"
    "Accord.Member=member,Accord.Auditor=auditor,Accord.Partner=partner"
)


def point_accord_at(provider: Provider, settings) -> None:
    """Switch Accord's single sign-on on, with this provider (`settings`: pytest-django's fixture)."""
    from accord.kernel.accounts.oidc.client import forget_providers

    settings.ACCORD_OIDC_ISSUER = provider.issuer
    settings.ACCORD_OIDC_CLIENT_ID = CLIENT_ID
    settings.ACCORD_OIDC_CLIENT_SECRET = CLIENT_SECRET
    settings.ACCORD_OIDC_ROLE_MAP = ROLE_MAP
    settings.ACCORD_OIDC_LABEL = "Sign in with your Chorley Council account"
    forget_providers()


class _QuietHandler(WSGIRequestHandler):
    def log_request(self, *args, **kwargs) -> None:
        pass


def _json(data: dict, status: int = 200) -> Response:
    return Response(json.dumps(data), status=status, mimetype="application/json")


def _redirect(uri: str, **params: str) -> Response:
    separator = "&" if "?" in uri else "?"
    return Response(status=302, headers={"Location": uri + separator + urlencode(params)})
