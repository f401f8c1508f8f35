"""Open data: the page about the downloads, the CSV and JSON (streamed) and their metadata."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import last_modified, require_GET

from accord.frameworks import loader

from .. import opendata, queries
from ..fields import COLUMNS
from .pages import page_url


def _last_updated(request: HttpRequest, *args, **kwargs):
    return queries.last_updated()


def _urls(request: HttpRequest) -> dict[str, str]:
    return {
        name: request.build_absolute_uri(reverse(view))
        for name, view in (
            ("about", "public-data"),
            ("csv", "public-data-csv"),
            ("json", "public-data-json"),
            ("metadata", "public-data-metadata"),
        )
    }


@login_not_required
@require_GET
def about(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "public/data.html",
        {
            "columns": COLUMNS,
            "licence": opendata.LICENCE,
            "last_updated": queries.last_updated(),
            "update_frequency": opendata.UPDATE_FREQUENCY,
        },
    )


@login_not_required
@require_GET
@last_modified(_last_updated)
def partnerships_csv(request: HttpRequest) -> HttpResponse:
    response = StreamingHttpResponse(
        opendata.csv_stream(page_url(request)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="partnerships.csv"'
    return response


@login_not_required
@require_GET
@last_modified(_last_updated)
def partnerships_json(request: HttpRequest) -> HttpResponse:
    stream = opendata.json_stream(
        page_url(request),
        queries.last_updated(),
        _urls(request)["about"],
        framework=loader.for_request(request),
    )
    return StreamingHttpResponse(stream, content_type="application/json; charset=utf-8")


@login_not_required
@require_GET
@last_modified(_last_updated)
def metadata(request: HttpRequest) -> HttpResponse:
    count = queries.published_partnerships().count()
    return JsonResponse(opendata.metadata(_urls(request), queries.last_updated(), count))
