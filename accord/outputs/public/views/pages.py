"""The published register's pages: the list with search and filters, and a partnership's page."""

import re
from collections.abc import Callable
from urllib.parse import quote

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from accord.frameworks import loader
from accord.kernel.ui.components import TAG_COLOURS
from accord.kernel.ui.pages import paginate
from accord.register.filters import filter_register

from .. import display, queries, records
from ..fields import COUNCIL_ROLE_LABELS, MEMBER_ROLE_LABELS, REPRESENTATIVE_LABELS, STATUS_LABELS
from ..forms import PublicFilterForm

_UNRESERVED = re.compile(r"[A-Za-z0-9_.~-]+")  # what quote() leaves as it is
COUNT_CAP = 1000  # as on the staff register: a filtered search counts up to this many
LIST_VALUES = ("reference", "name", "partnership_type__name", "council_role", "status")
LABELS = {
    "status_labels": STATUS_LABELS,
    "role_labels": COUNCIL_ROLE_LABELS,
    "member_labels": MEMBER_ROLE_LABELS,
    "representative_labels": REPRESENTATIVE_LABELS,
    "tag_colours": TAG_COLOURS,
}


def page_url(request: HttpRequest) -> Callable[[str], str]:
    """Reference -> the full address of the partnership's public page, without a reverse() per row
    (a download builds 100,000 of them); tests check it agrees with reverse(). A reference made only
    of characters that never need escaping (the usual case) skips quote()."""
    prefix = request.build_absolute_uri(reverse("public-register")) + "partnerships/"
    plain = _UNRESERVED.fullmatch
    return lambda reference: f"{prefix}{reference if plain(reference) else quote(reference, safe='')}/"


@login_not_required
@require_GET
def register(request: HttpRequest) -> HttpResponse:
    form = PublicFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    published = queries.published_partnerships()
    listed = filter_register(published, data).values(*LIST_VALUES)
    counted = filter_register(published, data, counting=True).order_by()
    filters = form.active_filters() if form.is_bound else []
    page, pagination = paginate(request, listed, count_cap=COUNT_CAP if filters else None, counted=counted)
    context = {"form": form, "page": page, "pagination": pagination, "filters": filters}
    return render(request, "public/list.html", {**context, **LABELS})


@login_not_required
@require_GET
def partnership(request: HttpRequest, reference: str) -> HttpResponse:
    row = queries.published_row(reference)
    if row is None and reference != reference.upper() and queries.published_row(reference.upper()):
        # References are kept in capitals; "cho-kp-01" typed or linked in lower case finds its page.
        return redirect("public-partnership", reference=reference.upper(), permanent=True)
    if row is None:
        raise Http404("No published partnership has that reference")
    record = records.build([row], page_url(request), framework=loader.for_request(request))[0]
    return render(
        request, "public/partnership.html", {"p": record, "shown": display.for_page(record), **LABELS}
    )
