"""URLs of accord.outputs.api: the JSON API under /api/v1/ and the pages to manage personal tokens."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, JsonResponse
from django.urls import URLPattern, include, path, reverse
from django.views.decorators.http import require_GET

from . import docs_page, views
from .api import api


@login_not_required
@require_GET
def api_root(request: HttpRequest) -> JsonResponse:
    """What /api/v1/ answers: where its description and documentation are."""
    return JsonResponse(
        {
            "openapi": request.build_absolute_uri(reverse("api-1:openapi-json")),
            "docs": request.build_absolute_uri(reverse("api-1:openapi-view")),
        }
    )


def _api_patterns() -> list[URLPattern]:
    """ninja's URL patterns, with its 404 root replaced by an index. Operations authenticate with a
    bearer token, not a session, so the sign-in redirect (LoginRequiredMiddleware) must not apply."""
    patterns = []
    for pattern in api.urls[0]:
        if pattern.name == "api-root":
            pattern = path("", api_root, name="api-root")
        pattern.callback.login_required = False
        patterns.append(pattern)
    return patterns


site_urls: list = [
    path("api/v1/", include((_api_patterns(), "api-1"), namespace="api-1")),
    path("api/v1/docs/assets/<str:name>", docs_page.asset, name="api-docs-asset"),
    path("account/api-tokens/", views.token_list, name="api-tokens"),
    path("account/api-tokens/revoke/", views.token_revoke, name="api-token-revoke"),
]
