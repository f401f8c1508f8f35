"""Significance of a partnership: assess it on the framework's questions; an administrator may
override the tier with a written reason."""

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from accord.accounts.policy import Action
from accord.audit.models import Action as AuditAction
from accord.audit.service import record
from accord.register.views.partnerships import partnership_for

from . import apply, loader, store
from .forms import OverrideForm, SignificanceForm


def significance_assess(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = partnership_for(request, pk, Action.CHANGE_PARTNERSHIP)
    framework = loader.current()
    _, stored = apply.significance(partnership, framework)
    form = SignificanceForm(
        request.POST if request.method == "POST" else None,
        framework=framework,
        initial=stored.answers if stored else None,
    )
    if request.method == "POST" and form.is_valid():
        assessment = apply.record_assessment(partnership, request.user, form.cleaned_data)
        record(
            actor=request.user,
            instance=partnership,
            action=AuditAction.CHANGED,
            before={},
            after={"significance": ("Significance", assessment.tier_name)},
            reason=f"Assessed on {framework.name} version {framework.version}",
            partnership=partnership,
            version=partnership.version,
        )
        store.partnerships_changed([partnership.pk])
        return redirect(reverse("partnership", args=[partnership.pk]) + "#significance")
    return render(
        request, "frameworks/assess.html", {"form": form, "partnership": partnership, "framework": framework}
    )


def significance_override(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = partnership_for(request, pk, Action.OVERRIDE_SIGNIFICANCE)
    framework = loader.current()
    result, stored = apply.significance(partnership, framework)
    form = OverrideForm(
        request.POST if request.method == "POST" else None,
        framework=framework,
        initial={"tier": stored.effective_tier_id if stored else result.tier_id},
    )
    if request.method == "POST" and form.is_valid():
        names = {t.id: t.name for t in framework.significance.tiers}
        with transaction.atomic():
            assessment = stored or apply.record_assessment(partnership, request.user, {})
            before = assessment.effective_tier_name
            assessment.override_tier_id = form.cleaned_data["tier"]
            assessment.override_tier_name = names[form.cleaned_data["tier"]]
            assessment.override_reason = form.cleaned_data["reason"]
            assessment.overridden_by = request.user
            assessment.overridden_at = timezone.now()
            assessment.save()
            record(
                actor=request.user,
                instance=partnership,
                action=AuditAction.CHANGED,
                before={"significance": ("Significance", before)},
                after={"significance": ("Significance", assessment.override_tier_name)},
                reason=form.cleaned_data["reason"],
                partnership=partnership,
                version=partnership.version,
            )
        store.partnerships_changed([partnership.pk])
        return redirect(reverse("partnership", args=[partnership.pk]) + "#significance")
    return render(
        request,
        "frameworks/override.html",
        {"form": form, "partnership": partnership, "framework": framework},
    )
