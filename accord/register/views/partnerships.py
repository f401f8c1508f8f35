"""Partnership pages: the register list, a partnership's record, creating and editing it, its history."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from accord.kernel.accounts.policy import Action, can, visible_partnerships
from accord.kernel.audit.models import AuditEvent
from accord.kernel.ui.pages import conflict_summary, paginate, require, set_version
from accord.register import services
from accord.register.filters import RegisterFilterForm, register_query
from accord.register.forms.partnerships import SECTION_FORMS, SECTIONS, CreatePartnershipForm
from accord.register.models import Partnership
from accord.register.presenters import section_cards

# Actions that change a partnership: refused once it is closed, rejected or withdrawn.
CHANGE_ACTIONS = frozenset(
    {
        Action.CHANGE_PARTNERSHIP,
        Action.OVERRIDE_SIGNIFICANCE,
        Action.OVERRIDE_GATE,
        Action.DECIDE,
        Action.CHANGE_RISKS,
        Action.CHANGE_MONITORING,
        Action.REVIEW,
    }
)


def partnership_for(request: HttpRequest, pk: int, action: Action | None = None) -> Partnership:
    """A partnership the user may see (404 otherwise), checked for `action` if given (403)."""
    related = ("partnership_type", "directorate", "lead_organisation", "accountable_body")
    partnership = get_object_or_404(visible_partnerships(request.user).select_related(*related), pk=pk)
    if action is not None:
        require(request, action, partnership)
    if action in CHANGE_ACTIONS and partnership.is_finished:
        raise PermissionDenied(
            f"{partnership.name} is {partnership.get_status_display().lower()}: read-only."
        )
    return partnership


COUNT_CAP = 1000  # a filtered search counts its results up to this many


def register_list(request: HttpRequest) -> HttpResponse:
    require(request, Action.VIEW_REGISTER)
    visible = visible_partnerships(request.user)
    form = RegisterFilterForm(request.GET or None)
    queryset, counted = register_query(form, visible)
    filters = form.active_filters() if form.is_bound else []
    page, pagination = paginate(request, queryset, count_cap=COUNT_CAP if filters else None, counted=counted)
    return render(
        request,
        "register/list.html",
        {
            "form": form,
            "page": page,
            "pagination": pagination,
            "filters": filters,
        },
    )


def partnership_detail(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = partnership_for(request, pk, Action.VIEW_REGISTER)
    staff = can(request.user, Action.VIEW_STAFF_SECTIONS)
    can_change = can(request.user, Action.CHANGE_PARTNERSHIP, partnership) and not partnership.is_finished
    context = {
        "partnership": partnership,
        "can_change": can_change,
        "staff": staff,
        "cards": section_cards(partnership, can_change, staff),
        "memberships": partnership.memberships.select_related("organisation"),
        "roles": partnership.roles.select_related("person", "person__organisation"),
        "contributions": partnership.contributions.select_related("person") if staff else [],
        "priority_links": partnership.priority_links.select_related("priority"),
    }
    if staff:
        context.update(framework_context(request, partnership, can_change))
    return render(request, "register/detail.html", context)


ENDED_NOTE = "Nothing is due: the partnership ended"  # the engine's words for every duty once it has ended


def framework_context(request: HttpRequest, partnership: Partnership, can_change: bool) -> dict:
    """The council framework's view of the partnership: its tier and what it needs, each obligation
    linked to where it is done or recorded (for those who may record it)."""
    from accord.domain.lifecycle.views.overrides import checks_context  # the cycle's checks and overrides
    from accord.domain.lifecycle.where import Finder
    from accord.frameworks import apply, loader, significance, tracking

    framework = loader.current()
    result, stored = apply.significance(partnership, framework)
    obligations = apply.obligations_for(partnership)
    where = Finder(framework)
    return {
        "framework": framework,
        "tier_result": result,
        "tier_name": significance.tier_in_force(result, stored)[1],
        "assessment": stored,
        "obligations": obligations,
        # Once it has ended every duty says so (ADR 0021): "Nothing is due: the partnership ended on …"
        "ended_note": next((o.why for o in obligations if o.why.startswith(ENDED_NOTE)), "")
        if partnership.is_finished
        else "",
        "obligation_links": {o.obligation_id: where(partnership, o) for o in obligations}
        if can_change
        else {},
        "last_done": tracking.last_done_for([partnership.pk]).get(partnership.pk, {}),
        "recordable": {o.id for o in framework.obligations},
        "can_record_last_done": can_change,
        "can_override": can(request.user, Action.OVERRIDE_SIGNIFICANCE),
        **checks_context(partnership, framework, significance.is_assessed(framework, stored), can_change),
    }


def partnership_create(request: HttpRequest) -> HttpResponse:
    """Add a partnership: its essentials and the framework's significance questions, recorded
    together (the questions are part of proposing, so its tier is known from the start)."""
    from accord.frameworks import loader
    from accord.frameworks import services as framework_services
    from accord.frameworks.forms import SignificanceForm

    require(request, Action.CREATE_PARTNERSHIP)
    framework = loader.current()
    data = request.POST if request.method == "POST" else None
    form = CreatePartnershipForm(data)
    questions = SignificanceForm(data, framework=framework, prefix="significance")
    if request.method == "POST" and all([form.is_valid(), questions.is_valid()]):
        with transaction.atomic():
            partnership = services.create(request.user, Partnership, form.changed_values())
            if questions.fields:
                framework_services.assess(partnership, request.user, questions.cleaned_data)
        return redirect(reverse("partnership", args=[partnership.pk]) + "?created=1")
    return render(
        request, "register/create.html", {"form": form, "questions": questions, "framework": framework}
    )


def partnership_edit(request: HttpRequest, pk: int, section: str) -> HttpResponse:
    if section not in SECTIONS:
        raise Http404
    partnership = partnership_for(request, pk, Action.CHANGE_PARTNERSHIP)
    form_class = SECTION_FORMS[section]
    form = form_class(
        request.POST if request.method == "POST" else None, instance=partnership, version=partnership.version
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.update(
                request.user,
                Partnership,
                partnership.pk,
                form.changed_values(),
                expected_version=form.cleaned_data.get("version") or 0,
                reason=form.cleaned_data.get("reason", ""),
            )
        except services.StaleEdit as stale:
            conflict = conflict_summary(stale)
            set_version(form, stale.current.version)
        else:
            return redirect(reverse("partnership", args=[partnership.pk]) + f"#{section}")
    title = SECTIONS[section][0]
    return render(
        request,
        "register/edit.html",
        {"form": form, "partnership": partnership, "title": title, "conflict": conflict, "section": section},
    )


def partnership_history(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = partnership_for(request, pk, Action.VIEW_HISTORY)
    events = AuditEvent.objects.filter(partnership=partnership).order_by("-at", "-id")
    page, pagination = paginate(request, events, per_page=50)
    return render(
        request,
        "register/history.html",
        {"partnership": partnership, "page": page, "pagination": pagination},
    )
