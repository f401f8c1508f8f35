"""A risk's controls (in place or planned, with the partners involved) and actions (owner, due date,
status): adding, changing and removing them through accord.domain.risks.services."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from accord.register.services import Finished

from .. import services
from ..access import open_risk, risk_partnership
from ..forms import ActionForm, ControlForm, RemoveForm
from ..models import Control, RiskAction
from ..services import RiskError
from .risk_display import crumbs

KINDS = {"control": (Control, "control", "controls"), "action": (RiskAction, "action", "actions")}


def _child(kind: str, risk, child_id: int | None):
    if kind not in KINDS:
        raise Http404
    model = KINDS[kind][0]
    return get_object_or_404(model, pk=child_id, risk=risk) if child_id is not None else None


def _back(partnership, risk, kind: str) -> HttpResponse:
    return redirect(reverse("risk", args=[partnership.pk, risk.pk]) + f"#{KINDS[kind][2]}")


def _data(request: HttpRequest):
    return request.POST if request.method == "POST" else None


def _form(request: HttpRequest, partnership, kind: str, child):
    if kind == "control":
        chosen = list(child.partners.all()) if child else []
        initial = (
            {"description": child.description, "status": child.status, "partners": [o.pk for o in chosen]}
            if child
            else {}
        )
        return ControlForm(_data(request), initial=initial, partnership=partnership, chosen=chosen)
    initial = (
        {
            "description": child.description,
            "owner": child.owner,
            "due_on": child.due_on,
            "status": child.status,
        }
        if child
        else {"status": "not_started"}
    )
    return ActionForm(_data(request), initial=initial)


def child_edit(
    request: HttpRequest, pk: int, risk_id: int, kind: str, child_id: int | None = None
) -> HttpResponse:
    if kind not in KINDS:
        raise Http404
    partnership = risk_partnership(request, pk, change=True)
    risk = open_risk(partnership, risk_id)
    child = _child(kind, risk, child_id)
    form = _form(request, partnership, kind, child)
    if request.method == "POST" and form.is_valid():
        partners = form.cleaned_data.get("partners") if kind == "control" else None
        try:
            services.save_child(request.user, risk, kind, form.values(), child, partners)
        except (RiskError, Finished) as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, f"{KINDS[kind][1].capitalize()} saved on {risk.reference}.")
            return _back(partnership, risk, kind)
    noun = KINDS[kind][1]
    return render(
        request,
        "risks/forms/child.html",
        {
            "form": form,
            "partnership": partnership,
            "risk": risk,
            "kind": kind,
            "title": f"Change {noun}" if child else f"Add {'an' if noun == 'action' else 'a'} {noun}",
            "anchor": KINDS[kind][2],
            "breadcrumbs": crumbs(partnership, risk),
        },
    )


def child_remove(request: HttpRequest, pk: int, risk_id: int, kind: str, child_id: int) -> HttpResponse:
    if kind not in KINDS:
        raise Http404
    partnership = risk_partnership(request, pk, change=True)
    risk = open_risk(partnership, risk_id)
    child = _child(kind, risk, child_id)
    form = RemoveForm(_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.remove_child(request.user, risk, child, form.cleaned_data["reason"])
        except (RiskError, Finished) as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, f"{KINDS[kind][1].capitalize()} removed from {risk.reference}.")
            return _back(partnership, risk, kind)
    return render(
        request,
        "risks/forms/child_remove.html",
        {
            "form": form,
            "partnership": partnership,
            "risk": risk,
            "child": child,
            "kind": kind,
            "title": f"Remove {KINDS[kind][1]}",
            "anchor": KINDS[kind][2],
            "breadcrumbs": crumbs(partnership, risk),
        },
    )
