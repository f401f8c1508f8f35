"""Shared by the cycle's pages: where each artefact is worked on, and the partnership lookup."""

from django.http import HttpRequest
from django.urls import reverse

from accord.accounts.policy import Action
from accord.frameworks.schema import Artefact, Framework
from accord.register.models import Partnership
from accord.register.views.partnerships import partnership_for

from .. import content, cycle
from ..content import slot_for

__all__ = ["artefact_url", "editable_partnership", "missing_url", "partnership_for"]


def editable_partnership(request: HttpRequest, pk: int) -> Partnership:
    """A partnership the user may change (`partnership_for` refuses one that is closed, rejected or
    withdrawn)."""
    return partnership_for(request, pk, Action.CHANGE_PARTNERSHIP)


def artefact_url(partnership: Partnership, framework: Framework, artefact: Artefact) -> str:
    """The page where this artefact is done (written, answered, recorded or decided)."""
    pk = partnership.pk
    slot = slot_for(artefact)
    elsewhere = content.done_elsewhere(framework, artefact)
    if elsewhere:
        return reverse(elsewhere, args=[pk])
    if artefact.kind == "business_case":
        return reverse("business-case", args=[pk])
    if artefact.kind == "sign_off":
        return reverse("sign-off", args=[pk])
    if artefact.kind == "agreement":
        return reverse("agreement", args=[pk])
    if artefact.kind == "exit_decision":
        return reverse("leaving", args=[pk])
    if artefact.kind == "exit_report":
        return reverse("leaving-form", args=[pk])
    if artefact.kind == "approval":
        return reverse("approvals", args=[pk])
    if artefact.kind == "exit_strategy":
        return reverse("partnership-edit", args=[pk, "arrangements"])
    if artefact.kind == "registration":
        return reverse("partnership", args=[pk])
    if artefact.banks:
        return reverse("checklist", args=[pk, artefact.id, artefact.banks[0]])
    return reverse("artefact-record", args=[pk, slot])


def missing_url(partnership: Partnership, framework: Framework, missing: cycle.Missing) -> str:
    """Where a missing gate item is done: Accord's own checks have their own pages."""
    if missing.requirement_id == cycle.SIGNIFICANCE_ASSESSED:
        return reverse("significance-assess", args=[partnership.pk])
    if missing.requirement_id == cycle.IS_A_PARTNERSHIP:
        return reverse("classify-start") + f"?partnership={partnership.pk}"
    artefact = next(a for a in framework.artefacts if a.id == missing.artefact_id)
    return artefact_url(partnership, framework, artefact)
