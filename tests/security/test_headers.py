"""Every response carries the security headers: a strict Content Security Policy (no unsafe-inline,
the page's nonce on its one inline script), Permissions-Policy, COOP, no framing, no sniffing."""

import re

import pytest
from django.urls import reverse

PAGES = [
    ("signed out", "/sign-in/"),
    ("signed out", "/public/"),
    ("signed out", "/healthz"),
    ("signed out", "/no-such-page/"),
    ("signed out", "/api/v1/openapi.json"),
    ("signed out", "/api/v1/partnerships"),  # 401 in JSON
    ("signed in", "/"),
    ("signed in", "/partnerships/"),
    ("signed in", "/api/v1/docs"),
    ("signed in", "/brand.css"),
]


def directives(policy: str) -> dict[str, list[str]]:
    parts = (part.strip().split() for part in policy.split(";") if part.strip())
    return {name: values for name, *values in parts}


@pytest.mark.django_db
@pytest.mark.parametrize(("who", "path"), PAGES, ids=[path for _, path in PAGES])
def test_every_response_carries_a_strict_policy_and_the_other_security_headers(client, users, who, path):
    if who == "signed in":
        client.force_login(users["administrator"])
    response = client.get(path)
    policy = response["Content-Security-Policy"]
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    found = directives(policy)
    assert found["default-src"] == ["'self'"]
    assert found["style-src"] == ["'self'"]
    assert found["object-src"] == ["'none'"]
    assert found["frame-ancestors"] == ["'none'"]
    assert found["base-uri"] == ["'self'"] and found["form-action"] == ["'self'"]
    assert found["script-src"][0] == "'self'"
    assert all(value.startswith("'nonce-") for value in found["script-src"][1:])
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_the_one_inline_script_carries_the_nonce_of_its_own_response(client, users):
    client.force_login(users["officer"])
    nonces = set()
    for _ in range(2):
        response = client.get(reverse("home"))
        nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
        html = response.content.decode()
        inline = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)([^>]*)>", html)
        assert inline, "GOV.UK Frontend's js-enabled script is on the page"
        assert all(f'nonce="{nonce}"' in attributes for attributes in inline)
        assert " style=" not in html, "no inline style attributes"
        nonces.add(nonce)
    assert len(nonces) == 2, "a new nonce for every response"
