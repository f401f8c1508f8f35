"""The agreement pages: the governing document, its coverage of the framework's headings, and its
signatories."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from accord.frameworks import loader
from accord.register.services import Finished

from .. import agreements, services
from ..forms_agreement import AgreementForm, ConfirmForm, CoverageForm, SignatoryForm
from ..models import EvidenceFile, Signatory
from .common import editable_partnership, read_only, readable_partnership

REFUSED = 409  # a change that cannot be made in the partnership's current state


def _data(request: HttpRequest):
    return request.POST if request.method == "POST" else None


def breadcrumbs(partnership) -> list[dict[str, str]]:
    return [
        {"text": "Home", "href": reverse("home")},
        {"text": "Register", "href": reverse("register")},
        {"text": partnership.name, "href": reverse("partnership", args=[partnership.pk])},
        {"text": "Partnership cycle", "href": reverse("cycle", args=[partnership.pk])},
    ]


def _agreement_page(partnership) -> HttpResponse:
    return redirect(reverse("agreement", args=[partnership.pk]))


def _versions(partnership) -> list[tuple[int, EvidenceFile]]:
    files = list(EvidenceFile.objects.filter(partnership=partnership, slot=agreements.SLOT))
    return [(len(files) - index, file) for index, file in enumerate(files)]


def agreement_edit(request: HttpRequest, pk: int) -> HttpResponse:
    partnership, can_change = readable_partnership(request, pk)
    agreement = agreements.agreement_for(partnership)
    framework = loader.for_request(request)
    form = AgreementForm(_data(request), agreement=agreement, review=agreements.review_rule(framework))
    read_only(form, can_change)
    if request.method == "POST" and form.is_valid():
        try:
            agreements.save_agreement(request.user, partnership, form.cleaned_data)
        except Finished as error:
            raise PermissionDenied(str(error)) from error
        messages.success(request, "Agreement saved")
        return _agreement_page(partnership)
    template = agreements.coverage_template(framework, partnership)
    signatories = agreement.signatories.select_related("organisation") if agreement else []
    return render(
        request,
        "lifecycle/agreement/edit.html",
        {
            "partnership": partnership,
            "agreement": agreement,
            "form": form,
            "can_change": can_change,
            "signatories": signatories,
            "versions": _versions(partnership),
            "coverage": agreements.coverage_summary(template, agreement),
            "coverage_template": template,
            "framework": framework,
            "standing": agreements.standing(
                framework, partnership, agreement, services.state(partnership, framework).tier_id
            ),
            "breadcrumbs": breadcrumbs(partnership),
        },
    )


def coverage(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = editable_partnership(request, pk)
    agreement = agreements.agreement_for(partnership)
    framework = loader.for_request(request)
    template = agreements.coverage_template(framework, partnership)
    standing = agreements.standing(
        framework, partnership, agreement, services.state(partnership, framework).tier_id
    )
    context = {
        "partnership": partnership,
        "agreement": agreement,
        "template": template,
        "standing": standing,
        "breadcrumbs": [
            *breadcrumbs(partnership),
            {"text": "Agreement", "href": reverse("agreement", args=[partnership.pk])},
        ],
    }
    if agreement is None:
        status = REFUSED if request.method == "POST" else 200
        return render(request, "lifecycle/agreement/coverage.html", context, status=status)
    form = CoverageForm(
        _data(request),
        template=template,
        coverage=agreement.coverage or {},
        reasons=agreement.gap_reasons or {} if standing.explain_gaps else None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            agreements.save_coverage(request.user, partnership, template, form.cleaned_data)
        except Finished as error:
            raise PermissionDenied(str(error)) from error
        messages.success(request, "Coverage saved")
        return redirect(reverse("agreement-coverage", args=[partnership.pk]))
    context.update({"form": form, "summary": standing.coverage})
    return render(request, "lifecycle/agreement/coverage.html", context)


def signatory_add(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = editable_partnership(request, pk)
    agreement = agreements.agreement_for(partnership)
    context = {
        "partnership": partnership,
        "agreement": agreement,
        "title": "Add a signatory",
        "breadcrumbs": [
            *breadcrumbs(partnership),
            {"text": "Agreement", "href": reverse("agreement", args=[partnership.pk])},
        ],
        "cancel_url": reverse("agreement", args=[partnership.pk]) + "#signatories",
    }
    if agreement is None:
        status = REFUSED if request.method == "POST" else 200
        return render(request, "lifecycle/agreement/no_agreement.html", context, status=status)
    form = SignatoryForm(_data(request), partnership=partnership)
    if request.method == "POST" and form.is_valid():
        try:
            agreements.add_signatory(request.user, partnership, form.cleaned_data)
        except Finished as error:
            raise PermissionDenied(str(error)) from error
        except ValueError as error:
            form.add_error("organisation", str(error))
        else:
            messages.success(request, f"{form.cleaned_data['name']} added as a signatory")
            return redirect(context["cancel_url"])
    return render(request, "lifecycle/agreement/signatory_form.html", {**context, "form": form})


def signatory_remove(request: HttpRequest, pk: int, signatory_id: int) -> HttpResponse:
    partnership = editable_partnership(request, pk)
    signatory = get_object_or_404(
        Signatory.objects.select_related("organisation"), pk=signatory_id, agreement__partnership=partnership
    )
    form = ConfirmForm(_data(request))
    cancel_url = reverse("agreement", args=[partnership.pk]) + "#signatories"
    if request.method == "POST" and form.is_valid():
        try:
            agreements.remove_signatory(request.user, partnership, signatory)
        except Finished as error:
            raise PermissionDenied(str(error)) from error
        messages.success(request, f"{signatory.name} removed from the signatories")
        return redirect(cancel_url)
    return render(
        request,
        "lifecycle/agreement/signatory_remove.html",
        {
            "partnership": partnership,
            "signatory": signatory,
            "form": form,
            "title": "Remove a signatory",
            "cancel_url": cancel_url,
            "breadcrumbs": [
                *breadcrumbs(partnership),
                {"text": "Agreement", "href": reverse("agreement", args=[partnership.pk])},
            ],
        },
    )
