"""Setting the day Accord began tracking duties, and recording when a duty was last done before it
(ADR 0021). The rules are in accord.frameworks.services; these pages ask and explain."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from accord.kernel import clock
from accord.kernel.accounts.policy import Action, require
from accord.register.access import partnership_for

from .. import apply, engine, loader, services, tracking
from ..forms import LastDoneForm, TrackingStartForm


def tracking_start(request: HttpRequest) -> HttpResponse:
    require(request, Action.SET_TRACKING_START)
    current = tracking.tracking_from()
    form = TrackingStartForm(
        request.POST if request.method == "POST" else None, initial={"started_on": current}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.set_tracking_from(
                request.user,
                form.cleaned_data["started_on"],
                form.cleaned_data["reason"],
                framework=loader.for_request(request),
            )
        except services.TrackingError as error:
            form.add_error("started_on", str(error))
        else:
            return redirect(reverse("compliance") + "?tracking=1")
    return render(
        request,
        "frameworks/tracking.html",
        {"form": form, "current": current, "setting": tracking.setting(), "history": tracking.history()},
    )


def last_done(request: HttpRequest, pk: int, obligation_id: str) -> HttpResponse:
    partnership = partnership_for(request, pk, Action.CHANGE_PARTNERSHIP)
    framework = loader.for_request(request)
    obligation = tracking.recordable(framework, obligation_id)
    if obligation is None:
        raise Http404("No such duty under the council's framework")
    result = next(
        (
            r
            for r in apply.obligations_for(partnership, framework=framework)
            if r.obligation_id == obligation_id
        ),
        None,
    )
    recorded = tracking.last_done_for([partnership.pk]).get(partnership.pk, {}).get(obligation_id)
    form = LastDoneForm(request.POST if request.method == "POST" else None, initial={"done_on": recorded})
    if request.method == "POST" and form.is_valid():
        try:
            services.record_last_done(
                request.user,
                partnership,
                obligation_id,
                form.cleaned_data["done_on"],
                form.cleaned_data["note"],
                framework=framework,
            )
        except services.TrackingError as error:
            form.add_error("done_on", str(error))
        else:
            return redirect(reverse("partnership", args=[partnership.pk]) + "#needs")
    return render(
        request,
        "frameworks/last_done.html",
        {
            "form": form,
            "partnership": partnership,
            "obligation": obligation,
            "result": result,
            "before_accord": result is not None and result.status == engine.BEFORE_ACCORD,
            "tracking_from": tracking.tracking_from(),
            "today": clock.today(),
        },
    )
