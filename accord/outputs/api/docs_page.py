"""The interactive API docs (Swagger UI) served from this server: no CDN, no inline script (ADR 0014).

django-ninja ships Swagger UI's files but serves them through `django.contrib.staticfiles` only when
`ninja` is an installed app, and otherwise loads them from a CDN. Accord serves the three files it
needs from the installed package instead, by name, with a long cache lifetime.
"""

import json
from pathlib import Path

import ninja
from django.contrib.auth.decorators import login_not_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from ninja.openapi.docs import DocsBase

ASSETS = Path(ninja.__file__).parent / "static" / "ninja"
SERVED = {
    "swagger-ui.css": "text/css",
    "swagger-ui-bundle.js": "text/javascript",
    "swagger-ui-init.js": "text/javascript",
}


class LocalSwagger(DocsBase):
    def render_page(self, request: HttpRequest, api, **kwargs) -> HttpResponse:
        settings = {"layout": "BaseLayout", "deepLinking": True, "url": self.get_openapi_url(api, kwargs)}
        assets = {name: reverse("api-docs-asset", args=[name]) for name in SERVED}
        return render(
            request,
            "api/swagger.html",
            {
                "swagger_settings": json.dumps(settings).replace("</", "<\\/"),
                "assets": assets,
                "title": api.title,
            },
        )


@login_not_required
@require_GET
@cache_control(max_age=86400, public=True)
def asset(request: HttpRequest, name: str) -> FileResponse:
    if name not in SERVED:
        raise Http404
    return FileResponse((ASSETS / name).open("rb"), content_type=SERVED[name])
