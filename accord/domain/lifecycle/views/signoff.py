"""The sign-off (Bury App 3): consultee rows, the consultees the framework expects, and the written
approvals it requires."""

from datetime import date

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from accord.frameworks import loader
from accord.kernel.accounts.policy import Action, can
from accord.register.services import Finished

from .. import services, signoff
from ..forms_approvals import ConsulteeForm, DeclarationForm, RemoveConsulteeForm
from ..models import Consultee
from .common import editable_partnership, partnership_for


def _data(request: HttpRequest):
    return request.POST if request.method == "POST" else None


def _back(partnership) -> HttpResponse:
    return redirect(reverse("sign-off", args=[partnership.pk]))


def sign_off(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = partnership_for(request, pk, Action.VIEW_CYCLE)
    now = services.state(partnership, loader.for_request(request))
    consultees = list(partnership.consultees.all())
    expected = signoff.with_coverage(signoff.expected_departments(now.framework), consultees)
    record = partnership.artefacts.filter(slot=signoff.SLOT).first()
    signature = signoff.signed(record)
    return render(
        request,
        "lifecycle/signoff/sign_off.html",
        {
            "partnership": partnership,
            "framework": now.framework,
            "artefact": signoff.artefact(now.framework),
            "consultees": [(c, signoff.row_gaps(c)) for c in consultees],
            "expected": expected,
            "missing": [e for e in expected if not e.covered],
            "gaps": signoff.gaps(now.framework, consultees, signature),
            "declaration": signoff.declaration(now.framework),
            "signature": signature,
            "signed_on": date.fromisoformat(signature["signed_on"]) if signature else None,
            "approvals": signoff.required_approvals(
                now.framework, now.facts.approvals, now.tier_id, now.facts.register_type
            ),
            "record": record,
            "can_change": not partnership.is_finished
            and can(request.user, Action.CHANGE_PARTNERSHIP, partnership),
        },
    )


def consultee_edit(request: HttpRequest, pk: int, consultee_id: int | None = None) -> HttpResponse:
    partnership = editable_partnership(request, pk)
    consultee = (
        get_object_or_404(Consultee, pk=consultee_id, partnership=partnership) if consultee_id else None
    )
    framework = loader.for_request(request)
    expected = signoff.expected_departments(framework)
    if consultee is not None:
        initial = {name: getattr(consultee, name) for name in signoff.CONSULTEE_FIELDS}
    else:
        initial = _suggested(request, expected)
    form = ConsulteeForm(_data(request), initial=initial, expected=[e.department for e in expected])
    if request.method == "POST" and form.is_valid():
        try:
            signoff.save_consultee(request.user, partnership, form.cleaned_data, framework, consultee)
        except (signoff.SignOffError, Finished) as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, f"{form.cleaned_data['department']}: consultee saved.")
            return _back(partnership)
    return render(
        request,
        "lifecycle/signoff/consultee_form.html",
        {
            "form": form,
            "partnership": partnership,
            "consultee": consultee,
            "title": "Change a consultee" if consultee else "Add a consultee",
        },
    )


def _suggested(request: HttpRequest, expected: list[signoff.Expected]) -> dict:
    """A new row for one of the expected departments starts with its name and key areas."""
    wanted = signoff.normalise(request.GET.get("department", ""))
    for entry in expected:
        if wanted and entry.key == wanted:
            return {"department": entry.department, "key_areas": "; ".join(entry.key_areas)}
    return {}


def consultee_remove(request: HttpRequest, pk: int, consultee_id: int) -> HttpResponse:
    partnership = editable_partnership(request, pk)
    consultee = get_object_or_404(Consultee, pk=consultee_id, partnership=partnership)
    form = RemoveConsulteeForm(_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            signoff.remove_consultee(
                request.user, partnership, consultee, form.cleaned_data["reason"], loader.for_request(request)
            )
        except (signoff.SignOffError, Finished) as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, f"{consultee.department}: consultee removed.")
            return _back(partnership)
    return render(
        request,
        "lifecycle/signoff/consultee_remove.html",
        {"form": form, "partnership": partnership, "consultee": consultee, "title": "Remove a consultee"},
    )


def declaration_sign(request: HttpRequest, pk: int) -> HttpResponse:
    """The framework's declaration, signed by name and dated; 404 when its sign-off has none."""
    partnership = editable_partnership(request, pk)
    framework = loader.for_request(request)
    wanted = signoff.declaration(framework)
    if wanted is None:
        raise Http404
    form = DeclarationForm(_data(request), signed_by=wanted.signed_by)
    if request.method == "POST" and form.is_valid():
        try:
            signoff.sign_declaration(
                request.user,
                partnership,
                framework,
                form.cleaned_data["name"],
                form.cleaned_data["signed_on"],
            )
        except (signoff.SignOffError, Finished) as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, "The declaration is signed.")
            return _back(partnership)
    return render(
        request,
        "lifecycle/signoff/declaration.html",
        {"form": form, "partnership": partnership, "declaration": wanted, "title": "Sign the declaration"},
    )
