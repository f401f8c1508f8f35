"""Pages that belong to the service rather than the register: health, branding, accessibility, errors."""

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET


@login_not_required
@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any database failure means unhealthy
        return JsonResponse({"status": "unavailable", "database": "not answering"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@login_not_required
@require_GET
def ping(request: HttpRequest) -> HttpResponse:
    """The trivial view the benchmark compares pages against: the full middleware stack, no work."""
    return HttpResponse("ok", content_type="text/plain")


@login_not_required
@require_GET
@cache_control(max_age=3600, public=True)
def brand_css(request: HttpRequest) -> HttpResponse:
    """The council's brand colour as a custom property, so no page needs an inline style."""
    css = f":root{{--govuk-brand-colour:{settings.COUNCIL_BRAND_COLOUR};}}\n"
    return HttpResponse(css, content_type="text/css")


@login_not_required
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "accessibility.html")


def _error(template: str, status: int):
    @login_not_required
    def view(request: HttpRequest, exception=None) -> HttpResponse:
        return render(request, template, status=status)

    return view


bad_request = _error("errors/400.html", 400)
permission_denied = _error("errors/403.html", 403)
page_not_found = _error("errors/404.html", 404)
server_error = _error("errors/500.html", 500)


@login_not_required
def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "errors/csrf.html", status=403)
