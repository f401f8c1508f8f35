"""Register pages about partnerships: the register list, editing a partnership's sections, its history.

The partnership's own page and "Add a partnership" bring in the framework, so the site composes them
(accord.site.views.partnership)."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from accord.kernel.accounts.policy import Action, require
from accord.kernel.audit.models import AuditEvent
from accord.kernel.ui.pages import conflict_summary, paginate, set_version
from accord.register import services
from accord.register.access import partnership_for, visible_partnerships
from accord.register.filters import RegisterFilterForm, register_query
from accord.register.forms.partnerships import SECTION_FORMS, SECTIONS
from accord.register.models import Partnership

COUNT_CAP = 1000  # a filtered search counts its results up to this many


def register_list(request: HttpRequest) -> HttpResponse:
    require(request, Action.VIEW_REGISTER)
    visible = visible_partnerships(request.user)
    form = RegisterFilterForm(request.GET or None)
    queryset, counted = register_query(form, visible)
    filters = form.active_filters() if form.is_bound else []
    page, pagination = paginate(request, queryset, count_cap=COUNT_CAP if filters else None, counted=counted)
    return render(
        request,
        "register/list.html",
        {
            "form": form,
            "page": page,
            "pagination": pagination,
            "filters": filters,
        },
    )


def partnership_edit(request: HttpRequest, pk: int, section: str) -> HttpResponse:
    if section not in SECTIONS:
        raise Http404
    partnership = partnership_for(request, pk, Action.CHANGE_PARTNERSHIP)
    form_class = SECTION_FORMS[section]
    form = form_class(
        request.POST if request.method == "POST" else None, instance=partnership, version=partnership.version
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.update(
                request.user,
                Partnership,
                partnership.pk,
                form.changed_values(),
                expected_version=form.cleaned_data.get("version") or 0,
                reason=form.cleaned_data.get("reason", ""),
            )
        except services.StaleEdit as stale:
            conflict = conflict_summary(stale)
            set_version(form, stale.current.version)
        else:
            return redirect(reverse("partnership", args=[partnership.pk]) + f"#{section}")
    title = SECTIONS[section][0]
    return render(
        request,
        "register/edit.html",
        {"form": form, "partnership": partnership, "title": title, "conflict": conflict, "section": section},
    )


def partnership_history(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = partnership_for(request, pk, Action.VIEW_HISTORY)
    events = AuditEvent.objects.filter(partnership=partnership).order_by("-at", "-id")
    page, pagination = paginate(request, events, per_page=50)
    return render(
        request,
        "register/history.html",
        {"partnership": partnership, "page": page, "pagination": pagination},
    )
