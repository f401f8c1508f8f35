"""Fixtures for the JSON API tests: a token for each role's user and a client that sends it."""

import json

import pytest
from django.test import Client

from accord.outputs.api.tokens import create_token

ROLES = ("administrator", "officer", "approver", "member", "auditor", "partner")


class ApiClient:
    """Django's test client speaking JSON with a bearer token (no session)."""

    def __init__(self, secret: str | None):
        self.client = Client()
        self.headers = {"Authorization": f"Bearer {secret}"} if secret else {}

    def _send(self, method: str, path: str, body=None, **params):
        url = path if path.startswith("/") else f"/api/v1/{path}"
        kwargs = {"headers": self.headers}
        if body is not None:
            kwargs.update(data=json.dumps(body, default=str), content_type="application/json")
        elif params:
            kwargs["data"] = params
        return getattr(self.client, method)(url, **kwargs)

    def get(self, path: str, **params):
        return self._send("get", path, **params)

    def post(self, path: str, body: dict):
        return self._send("post", path, body)

    def patch(self, path: str, body: dict):
        return self._send("patch", path, body)


@pytest.fixture
def secrets(users) -> dict[str, str]:
    """A working token secret for each role's user."""
    return {role: create_token(user, f"{role} tests")[1] for role, user in users.items()}


@pytest.fixture
def api_as(secrets):
    def make(role: str | None) -> ApiClient:
        return ApiClient(secrets[role] if role else None)

    return make
