"""The council framework's versions: which is in force, what another would change on a day, and
adopting one from a day (ADR 0035). Staff may look; only an administrator adopts. The rules are in
accord.frameworks.versions and accord.frameworks.adoption."""

from datetime import date

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from accord.kernel import clock
from accord.kernel.accounts.policy import Action, can, require
from accord.register.access import visible_partnerships

from .. import adoption, impact, versions
from ..forms import AdoptForm, VersionDateForm
from ..schema import Framework


def _candidate(version: str) -> tuple[str, Framework]:
    framework_id = versions.current_id()
    try:
        return framework_id, adoption.candidate(framework_id, version)
    except KeyError as error:
        raise Http404("No such version of the council's framework") from error


def framework_versions(request: HttpRequest) -> HttpResponse:
    require(request, Action.VIEW_COMPLIANCE)
    framework_id = versions.current_id()
    problem = ""
    try:
        rows = versions.rows(framework_id)
    except ValueError as error:  # two files give one version
        rows, problem = [], str(error)
    return render(
        request,
        "frameworks/versions.html",
        {
            "rows": rows,
            "problem": problem,
            "warnings": [] if problem else versions.changed_files(framework_id),
            "framework_id": framework_id,
            "can_adopt": can(request.user, Action.ADOPT_FRAMEWORK_VERSION),
            "today": clock.today(),
        },
    )


def _date_from(request: HttpRequest) -> tuple[VersionDateForm, date | None]:
    """The day asked about, from the date input (on-day, on-month, on-year) or `on` (ISO)."""
    data = request.GET.copy()
    iso = str(data.get("on") or "")
    if iso and not data.get("on-year"):
        try:
            day = date.fromisoformat(iso)
        except ValueError:
            day = None
        if day is not None:
            data.update({"on-day": str(day.day), "on-month": str(day.month), "on-year": str(day.year)})
    asked = any(key.startswith("on") for key in data)
    form = VersionDateForm(data if asked else None, initial={"on": clock.today()})
    if not asked or not form.is_valid():
        return form, None
    chosen = form.cleaned_data["on"]
    try:
        adoption.check_date(chosen)
    except adoption.AdoptionError as error:
        form.add_error("on", str(error))
        return form, None
    return form, chosen


def version_preview(request: HttpRequest, version: str) -> HttpResponse:
    require(request, Action.VIEW_COMPLIANCE)
    framework_id, framework = _candidate(version)
    form, on = _date_from(request)
    found = affected = None
    if on is not None:
        found = adoption.preview(framework_id, version, on)
        visible = visible_partnerships(request.user).filter(pk__in=list(found.changes))
        names = dict(visible.values_list("pk", "name"))
        affected = [
            (impact.KINDS[kind], [(pk, names.get(pk, ""), change) for pk, change in items])
            for kind, items in found.by_kind().items()
        ]
    return render(
        request,
        "frameworks/version_preview.html",
        {
            "form": form,
            "framework": framework,
            "version": version,
            "on": on,
            "impact": found,
            "affected": affected,
            "can_adopt": can(request.user, Action.ADOPT_FRAMEWORK_VERSION),
        },
    )


def version_adopt(request: HttpRequest, version: str) -> HttpResponse:
    require(request, Action.ADOPT_FRAMEWORK_VERSION)
    framework_id, framework = _candidate(version)
    raw = request.POST.get("on") if request.method == "POST" else request.GET.get("on")
    try:
        on = date.fromisoformat(raw or "")
        adoption.check_date(on)
    except (ValueError, adoption.AdoptionError):
        return redirect(reverse("framework-version-preview", args=[version]))
    refusal = meaning = ""
    try:
        meaning = adoption.situation(framework_id, version, on)
    except adoption.AdoptionError as error:
        refusal = str(error)
    form = AdoptForm(request.POST if request.method == "POST" and not refusal else None)
    if request.method == "POST" and not refusal and form.is_valid():
        try:
            adoption.adopt(request.user, framework_id, version, on, form.cleaned_data["reason"])
        except adoption.AdoptionError as error:
            form.add_error("reason", str(error))
        else:
            messages.success(
                request, f"Version {version} adopted: it takes effect on {adoption.long_date(on)}."
            )
            return redirect("framework-versions")
    return render(
        request,
        "frameworks/version_adopt.html",
        {
            "form": form,
            "framework": framework,
            "version": version,
            "on": on,
            "meaning": meaning,
            "refusal": refusal,
            "preview_url": reverse("framework-version-preview", args=[version]) + f"?on={on.isoformat()}",
        },
    )
