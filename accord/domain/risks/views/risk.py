"""One risk on a partnership's register: adding it (blank or from the framework's library), its
record and history, its details, scores, reviews, closing and escalating. Controls and actions are
in risk_children; every change goes through accord.domain.risks.services."""

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from accord.frameworks import loader
from accord.frameworks.schema import Framework, LibraryRisk
from accord.kernel import clock
from accord.kernel.ui.pages import conflict_summary, set_version
from accord.register.services import Finished, StaleEdit

from .. import exports, scoring, services
from ..access import can_change, open_risk, risk_in, risk_partnership
from ..forms import CloseForm, EscalateForm, ReviewForm, RiskForm, ScoreForm, scale_items
from ..models import RiskStatus, Stage
from ..services import RiskError
from .risk_children import child_edit, child_remove  # noqa: F401  (URLs name them here)
from .risk_display import band_name, band_tag, crumbs, every, names, overdue_tag, score_html, warnings

REFUSED = (RiskError, Finished)


def _data(request: HttpRequest):
    return request.POST if request.method == "POST" else None


def _to_risk(partnership, risk, anchor: str = "") -> HttpResponse:
    return redirect(reverse("risk", args=[partnership.pk, risk.pk]) + (f"#{anchor}" if anchor else ""))


def allocation_bank(framework: Framework):
    """The framework's risk-allocation questions (Redditch App 8 Appendix B), if it has them."""
    return next((b for b in framework.question_banks if b.purpose == "risk_allocation"), None)


def _library_risk(framework: Framework, library_id: str | None) -> LibraryRisk | None:
    if not library_id:
        return None
    found = next((r for r in framework.risk_model.library if r.id == library_id), None)
    if found is None:
        raise Http404("No such risk in the framework's library")
    return found


def risk_add(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = risk_partnership(request, pk, change=True)
    framework = loader.for_request(request)
    model = framework.risk_model
    library = _library_risk(framework, request.GET.get("library"))
    initial = {"kind": "risk", "identified_on": clock.today()}
    if library is not None:
        initial.update(title=library.title, event=library.description)
        if library.category in names(model.categories):
            initial["category_id"] = library.category
    form = RiskForm(
        _data(request), initial=initial, partnership=partnership, model=model, asked=exports.asked(framework)
    )
    if request.method == "POST" and form.is_valid():
        values = form.values() | ({"library_id": library.id} if library else {})
        try:
            with transaction.atomic():
                risk = services.create_risk(request.user, partnership, values, form.cleaned_data["partners"])
                for control in library.controls if library else []:
                    services.save_child(
                        request.user, risk, "control", {"description": control, "status": "planned"}
                    )
        except REFUSED as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, f"Risk {risk.reference} added. Score it to place it on the matrix.")
            return _to_risk(partnership, risk)
    return render(
        request,
        "risks/forms/risk.html",
        {
            "form": form,
            "partnership": partnership,
            "title": "Add a risk from the library" if library else "Add a risk",
            "breadcrumbs": crumbs(partnership),
            "library": library,
            "allocation": allocation_bank(framework),
        },
    )


def risk_library(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = risk_partnership(request, pk, change=True)
    framework = loader.for_request(request)
    model = framework.risk_model
    groups = [(c, [r for r in model.library if r.category == c.id]) for c in model.categories]
    known = {c.id for c in model.categories}
    others = [r for r in model.library if r.category not in known]
    return render(
        request,
        "risks/library.html",
        {
            "partnership": partnership,
            "framework": framework,
            "groups": [(c.name, c.description, risks) for c, risks in groups if risks]
            + ([("Other risks", "", others)] if others else []),
            "count": len(model.library),
            "allocation": allocation_bank(framework),
        },
    )


def risk_detail(request: HttpRequest, pk: int, risk_id: int) -> HttpResponse:
    partnership = risk_partnership(request, pk)
    risk = risk_in(partnership, risk_id)
    framework = loader.for_request(request)
    model = framework.risk_model
    today = clock.today()
    assessments = list(risk.assessments.order_by("at", "id"))
    latest = {a.stage: a for a in assessments}
    matrix = scoring.matrix_label(model)
    history = [
        {
            "a": a,
            "stage": scoring.stage_name(model, a.stage),
            "score": score_html(model, a.score, a.band_id, a.band_name),
            "older": a.matrix != matrix or a.framework_version != framework.version,
        }
        for a in reversed(assessments)
    ]
    stages = []
    for stage in Stage.values:
        last = latest.get(stage)
        shown = score_html(model, last.score, last.band_id, last.band_name) if last else "Not scored"
        stages.append({"label": scoring.stage_name(model, stage), "id": stage, "last": last, "score": shown})
    actions = [
        (action, overdue_tag() if action.status != "done" and action.due_on < today else "")
        for action in risk.actions.all()
    ]
    controls = list(risk.controls.prefetch_related("partners"))
    changeable = can_change(request, partnership) and risk.status == RiskStatus.OPEN
    return render(
        request,
        "risks/risk.html",
        {
            "partnership": partnership,
            "framework": framework,
            "risk": risk,
            "category": names(model.categories).get(risk.category_id, risk.category_id),
            "strategy": names(model.strategies).get(risk.strategy_id, risk.strategy_id),
            "partners": list(risk.partners.order_by("name")),
            "own_columns": [
                (h.text, (risk.framework_answers or {}).get(h.id, "")) for h in exports.asked(framework)
            ],
            "stages": stages,
            "history": history,
            "matrix": matrix,
            "controls_in_place": [c for c in controls if c.status == "in_place"],
            "controls_planned": [c for c in controls if c.status == "planned"],
            "actions": actions,
            "reviews": list(risk.reviews.all()),
            "warnings": warnings(framework, risk, today),
            "review_overdue": risk.status == RiskStatus.OPEN
            and risk.next_review_on is not None
            and risk.next_review_on < today,
            "can_change": changeable,
            "current_band": band_tag(model, risk.current_band) if risk.current_band else "",
        },
    )


def risk_edit(request: HttpRequest, pk: int, risk_id: int) -> HttpResponse:
    partnership = risk_partnership(request, pk, change=True)
    risk = open_risk(partnership, risk_id)
    framework = loader.for_request(request)
    model = framework.risk_model
    initial = {name: getattr(risk, name) for name in services.RISK_FIELDS}
    initial.update(partners=[o.pk for o in risk.partners.all()], version=risk.version)
    form = RiskForm(
        _data(request),
        initial=initial,
        partnership=partnership,
        model=model,
        risk=risk,
        asked=exports.asked(framework),
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.update_risk(
                request.user,
                risk,
                form.values(),
                expected_version=form.cleaned_data.get("version") or 0,
                partners=form.cleaned_data["partners"],
            )
        except StaleEdit as stale:
            conflict = conflict_summary(stale)
            set_version(form, stale.current.version)
        except REFUSED as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, f"Risk {risk.reference} saved.")
            return _to_risk(partnership, risk)
    return render(
        request,
        "risks/forms/risk.html",
        {
            "form": form,
            "partnership": partnership,
            "risk": risk,
            "conflict": conflict,
            "title": f"Change risk {risk.reference}",
            "breadcrumbs": crumbs(partnership, risk),
            "allocation": allocation_bank(loader.for_request(request)),
        },
    )


def risk_score(request: HttpRequest, pk: int, risk_id: int, stage: str) -> HttpResponse:
    if stage not in Stage.values:
        raise Http404
    partnership = risk_partnership(request, pk, change=True)
    risk = open_risk(partnership, risk_id)
    framework = loader.for_request(request)
    model = framework.risk_model
    initial = {}
    likelihood, impact = getattr(risk, f"{stage}_likelihood"), getattr(risk, f"{stage}_impact")
    if likelihood and impact and likelihood <= len(model.likelihood) and impact <= len(model.impact):
        initial = {"likelihood": likelihood, "impact": impact}
    form = ScoreForm(_data(request), initial=initial, model=model)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            assessment = services.assess(
                request.user,
                risk,
                stage,
                data["likelihood"],
                data["impact"],
                data["note"],
                framework=loader.for_request(request),
            )
        except REFUSED as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(
                request,
                f"{scoring.stage_name(model, stage)} score of {risk.reference} saved: {assessment.score} "
                f"({assessment.band_name}).",
            )
            return _to_risk(partnership, risk, "scores")
    return render(
        request,
        "risks/forms/score.html",
        {
            "form": form,
            "partnership": partnership,
            "risk": risk,
            "framework": framework,
            "stage": scoring.stage_name(model, stage),
            "stage_id": stage,
            "breadcrumbs": crumbs(partnership, risk),
            "matrix": scoring.matrix_label(model),
            "likelihood_items": scale_items(model.likelihood, form["likelihood"].value()),
            "impact_items": scale_items(model.impact, form["impact"].value()),
            "bands": [(band_tag(model, b.id), b, every(b.review_every)) for b in model.bands],
        },
    )


def risk_review(request: HttpRequest, pk: int, risk_id: int) -> HttpResponse:
    partnership = risk_partnership(request, pk, change=True)
    risk = open_risk(partnership, risk_id)
    framework = loader.for_request(request)
    model = framework.risk_model
    today = clock.today()
    default_next = services.review_due(risk.current_band, today, framework=framework)
    hint = None
    if default_next is not None:
        band = next(b for b in model.bands if b.id == risk.current_band)
        hint = (
            f"Leave blank to use the framework's cadence for a {band_name(model, band.id)} risk, "
            f"{every(band.review_every)}: {default_next:%-d %B %Y} for a review today."
        )
    form = ReviewForm(_data(request), initial={"reviewed_on": today}, default_hint=hint)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            done = services.review(
                request.user,
                risk,
                data["reviewed_on"],
                data["notes"],
                data["next_review_on"],
                framework=framework,
            )
        except REFUSED as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(
                request, f"Review of {risk.reference} recorded. Next review {done.next_review_on:%-d %B %Y}."
            )
            return _to_risk(partnership, risk, "reviews")
    return _simple_form(request, partnership, risk, form, f"Review risk {risk.reference}", "Save review")


def risk_close(request: HttpRequest, pk: int, risk_id: int) -> HttpResponse:
    partnership = risk_partnership(request, pk, change=True)
    risk = open_risk(partnership, risk_id)
    form = CloseForm(_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.close(request.user, risk, form.cleaned_data["reason"])
        except REFUSED as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, f"Risk {risk.reference} closed.")
            return _to_risk(partnership, risk)
    return _simple_form(request, partnership, risk, form, f"Close risk {risk.reference}", "Close risk")


def risk_escalate(request: HttpRequest, pk: int, risk_id: int) -> HttpResponse:
    partnership = risk_partnership(request, pk, change=True)
    risk = open_risk(partnership, risk_id)
    form = EscalateForm(_data(request), initial={"escalated_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.escalate(request.user, risk, data["note"], data["escalated_on"])
        except REFUSED as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, f"Escalation of {risk.reference} recorded.")
            return _to_risk(partnership, risk)
    model = loader.for_request(request).risk_model
    return _simple_form(
        request,
        partnership,
        risk,
        form,
        f"Escalate risk {risk.reference}",
        "Record escalation",
        cite=model.escalate_cite or model.cite,
    )


def _simple_form(request, partnership, risk, form, title: str, button: str, **extra) -> HttpResponse:
    return render(
        request,
        "risks/forms/simple.html",
        {
            "form": form,
            "partnership": partnership,
            "risk": risk,
            "title": title,
            "button_text": button,
            "purpose": request.resolver_match.url_name,
            "breadcrumbs": crumbs(partnership, risk),
            **extra,
        },
    )
