"""Adding, changing and removing a partnership's members, people's roles, contributions and priorities."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from accord.kernel.accounts.policy import Action
from accord.kernel.ui.pages import conflict_summary, set_version
from accord.register import services
from accord.register.forms.children import CHILD_FORMS, CHILD_MODELS, CHILD_NAMES, RemoveForm

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


def _edit(
    request: HttpRequest, partnership, kind: str, form, save, template: str, context: dict
) -> HttpResponse:
    """Validate `form`, call `save(form)` (a service), and on success go back to the partnership;
    a stale edit shows the form again with what changed."""
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            save(form)
        except services.StaleEdit as stale:
            conflict = _refresh_version(form, stale)
        else:
            return _back(partnership, kind)
    return render(
        request,
        template,
        {"form": form, "partnership": partnership, "conflict": conflict, "kind": kind, **context},
    )


def _data(request: HttpRequest):
    return request.POST if request.method == "POST" else None


def _version(form) -> int:
    return form.cleaned_data.get("version") or 0


def child_add(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    _kind(kind)
    partnership = partnership_for(request, pk, Action.CHANGE_PARTNERSHIP)
    form = CHILD_FORMS[kind](_data(request), partnership=partnership, version=partnership.version)
    return _edit(
        request,
        partnership,
        kind,
        form,
        lambda f: services.add_child(
            request.user, partnership, CHILD_MODELS[kind], f.changed_values(), expected_version=_version(f)
        ),
        "register/child_form.html",
        {"title": f"Add a {CHILD_NAMES[kind]}"},
    )


def child_change(request: HttpRequest, pk: int, kind: str, child_id: int) -> HttpResponse:
    _kind(kind)
    partnership = partnership_for(request, pk, Action.CHANGE_PARTNERSHIP)
    child = get_object_or_404(CHILD_MODELS[kind], pk=child_id, partnership=partnership)
    form = CHILD_FORMS[kind](
        _data(request), instance=child, partnership=partnership, version=partnership.version
    )
    return _edit(
        request,
        partnership,
        kind,
        form,
        lambda f: services.change_child(
            request.user, child, f.changed_values(), expected_version=_version(f)
        ),
        "register/child_form.html",
        {"title": f"Change {CHILD_NAMES[kind]}", "child": child},
    )


def child_remove(request: HttpRequest, pk: int, kind: str, child_id: int) -> HttpResponse:
    _kind(kind)
    partnership = partnership_for(request, pk, Action.CHANGE_PARTNERSHIP)
    child = get_object_or_404(CHILD_MODELS[kind], pk=child_id, partnership=partnership)
    form = RemoveForm(_data(request), version=partnership.version)
    return _edit(
        request,
        partnership,
        kind,
        form,
        lambda f: services.remove_child(
            request.user, child, expected_version=_version(f), reason=f.cleaned_data["reason"]
        ),
        "register/child_remove.html",
        {"title": f"Remove {CHILD_NAMES[kind]}", "child": child},
    )


def _refresh_version(form, stale) -> dict:
    set_version(form, stale.current.version)
    return conflict_summary(stale)
