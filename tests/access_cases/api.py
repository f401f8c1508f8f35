"""Access-test URL cases for accord.outputs.api's pages (see tests/access_cases/__init__.py).

The JSON API's operations are token-authenticated: tests/access_cases/operations.py generates
their calls from the OpenAPI description."""

from django.urls import reverse


def cases(world) -> list[tuple[str, str, object]]:
    return [
        ("api-root", reverse("api-1:api-root"), None),
        ("openapi-json", reverse("api-1:openapi-json"), None),
        ("openapi-view", reverse("api-1:openapi-view"), None),
        ("api-docs-asset", reverse("api-docs-asset", args=["swagger-ui-init.js"]), None),
        ("api-tokens", reverse("api-tokens"), None),
        ("api-token-revoke", reverse("api-token-revoke"), None),
    ]
