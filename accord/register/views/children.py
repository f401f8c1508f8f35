"""Adding, changing and removing a partnership's members, people's roles, contributions and priorities."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from accord.accounts.policy import Action
from accord.register import services
from accord.register.forms.children import CHILD_FORMS, CHILD_MODELS, CHILD_NAMES, RemoveForm
from accord.ui.pages import conflict_summary

from .partnerships import partnership_for

ANCHORS = {
    "members": "members",
    "people": "people",
    "contributions": "contributions",
    "priorities": "priorities",
}


def _kind(kind: str) -> None:
    if kind not in CHILD_FORMS:
        raise Http404


def _back(partnership, kind: str):
    return redirect(reverse("partnership", args=[partnership.pk]) + f"#{ANCHORS[kind]}")


def child_add(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    _kind(kind)
    partnership = partnership_for(request, pk, Action.CHANGE_PARTNERSHIP)
    form = CHILD_FORMS[kind](
        request.POST if request.method == "POST" else None,
        partnership=partnership,
        version=partnership.version,
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.add_child(
                request.user,
                partnership,
                CHILD_MODELS[kind],
                form.changed_values(),
                expected_version=form.cleaned_data.get("version") or 0,
            )
        except services.StaleEdit as stale:
            conflict = _refresh_version(form, stale)
        else:
            return _back(partnership, kind)
    return render(
        request,
        "register/child_form.html",
        {
            "form": form,
            "partnership": partnership,
            "conflict": conflict,
            "title": f"Add a {CHILD_NAMES[kind]}",
            "kind": kind,
        },
    )


def child_change(request: HttpRequest, pk: int, kind: str, child_id: int) -> HttpResponse:
    _kind(kind)
    partnership = partnership_for(request, pk, Action.CHANGE_PARTNERSHIP)
    child = get_object_or_404(CHILD_MODELS[kind], pk=child_id, partnership=partnership)
    form = CHILD_FORMS[kind](
        request.POST if request.method == "POST" else None,
        instance=child,
        partnership=partnership,
        version=partnership.version,
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.change_child(
                request.user,
                child,
                form.changed_values(),
                expected_version=form.cleaned_data.get("version") or 0,
            )
        except services.StaleEdit as stale:
            conflict = _refresh_version(form, stale)
        else:
            return _back(partnership, kind)
    return render(
        request,
        "register/child_form.html",
        {
            "form": form,
            "partnership": partnership,
            "conflict": conflict,
            "title": f"Change {CHILD_NAMES[kind]}",
            "kind": kind,
            "child": child,
        },
    )


def child_remove(request: HttpRequest, pk: int, kind: str, child_id: int) -> HttpResponse:
    _kind(kind)
    partnership = partnership_for(request, pk, Action.CHANGE_PARTNERSHIP)
    child = get_object_or_404(CHILD_MODELS[kind], pk=child_id, partnership=partnership)
    form = RemoveForm(request.POST if request.method == "POST" else None, version=partnership.version)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.remove_child(
                request.user,
                child,
                expected_version=form.cleaned_data.get("version") or 0,
                reason=form.cleaned_data["reason"],
            )
        except services.StaleEdit as stale:
            conflict = _refresh_version(form, stale)
        else:
            return _back(partnership, kind)
    return render(
        request,
        "register/child_remove.html",
        {
            "form": form,
            "partnership": partnership,
            "conflict": conflict,
            "child": child,
            "title": f"Remove {CHILD_NAMES[kind]}",
            "kind": kind,
        },
    )


def _refresh_version(form, stale) -> dict:
    form.data = form.data.copy()
    form.data["version"] = stale.current.version
    return conflict_summary(stale)
