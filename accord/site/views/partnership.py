"""The partnership's page and "Add a partnership": the register's record composed with what the
council's framework makes of it — its tier, what it needs, the cycle's checks and overrides."""

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from accord.domain.lifecycle.views.overrides import checks_context
from accord.domain.lifecycle.where import Finder
from accord.frameworks import apply, loader, significance, tracking
from accord.frameworks import services as framework_services
from accord.frameworks.forms import SignificanceForm
from accord.kernel.accounts.policy import Action, can, require
from accord.register import services
from accord.register.access import partnership_for
from accord.register.forms.partnerships import CreatePartnershipForm
from accord.register.models import Partnership
from accord.register.presenters import section_cards


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

    framework = loader.for_request(request)
    result, stored = apply.significance(partnership, framework)
    obligations = apply.obligations_for(partnership, framework=framework)
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

    require(request, Action.CREATE_PARTNERSHIP)
    framework = loader.for_request(request)
    data = request.POST if request.method == "POST" else None
    form = CreatePartnershipForm(data)
    questions = SignificanceForm(data, framework=framework, prefix="significance")
    if request.method == "POST" and all([form.is_valid(), questions.is_valid()]):
        with transaction.atomic():
            partnership = services.create(request.user, Partnership, form.changed_values())
            if questions.fields:
                framework_services.assess(
                    partnership, request.user, questions.cleaned_data, framework=framework
                )
        return redirect(reverse("partnership", args=[partnership.pk]) + "?created=1")
    return render(
        request, "register/create.html", {"form": form, "questions": questions, "framework": framework}
    )
