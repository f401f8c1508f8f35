"""Significance of a partnership: assess it on the framework's questions; an administrator may
override the tier with a written reason."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from accord.kernel.accounts.policy import Action
from accord.register.access import partnership_for

from .. import apply, loader, services
from ..forms import OverrideForm, SignificanceForm


def significance_assess(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = partnership_for(request, pk, Action.CHANGE_PARTNERSHIP)
    framework = loader.for_request(request)
    _, stored = apply.significance(partnership, framework)
    form = SignificanceForm(
        request.POST if request.method == "POST" else None,
        framework=framework,
        initial=stored.answers if stored else None,
    )
    if request.method == "POST" and form.is_valid():
        services.assess(partnership, request.user, form.cleaned_data, framework=framework)
        return redirect(reverse("partnership", args=[partnership.pk]) + "#significance")
    return render(
        request, "frameworks/assess.html", {"form": form, "partnership": partnership, "framework": framework}
    )


def significance_override(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = partnership_for(request, pk, Action.OVERRIDE_SIGNIFICANCE)
    framework = loader.for_request(request)
    result, stored = apply.significance(partnership, framework)
    form = OverrideForm(
        request.POST if request.method == "POST" else None,
        framework=framework,
        initial={"tier": stored.effective_tier_id if stored else result.tier_id},
    )
    if request.method == "POST" and form.is_valid():
        services.override(
            partnership,
            request.user,
            form.cleaned_data["tier"],
            form.cleaned_data["reason"],
            framework=framework,
        )
        return redirect(reverse("partnership", args=[partnership.pk]) + "#significance")
    return render(
        request,
        "frameworks/override.html",
        {"form": form, "partnership": partnership, "framework": framework},
    )
