"""Shared by the cycle's pages: where each artefact is worked on, and the partnership lookup."""

from django.http import HttpRequest
from django.urls import reverse

from accord.frameworks.schema import Framework
from accord.kernel.accounts.policy import Action, can
from accord.register.access import partnership_for
from accord.register.models import Partnership

from .. import cycle
from ..where import artefact_url

__all__ = [
    "artefact_url",
    "editable_partnership",
    "missing_url",
    "partnership_for",
    "read_only",
    "readable_partnership",
]


def editable_partnership(request: HttpRequest, pk: int) -> Partnership:
    """A partnership the user may change (`partnership_for` refuses one that is closed, rejected or
    withdrawn)."""
    return partnership_for(request, pk, Action.CHANGE_PARTNERSHIP)


def readable_partnership(request: HttpRequest, pk: int) -> tuple[Partnership, bool]:
    """The partnership and whether this user may change what the page shows: anyone who may see
    the cycle reads the page; only who may change the partnership sends it (403 otherwise)."""
    if request.method == "POST":
        return editable_partnership(request, pk), True
    partnership = partnership_for(request, pk, Action.VIEW_CYCLE)
    may_change = can(request.user, Action.CHANGE_PARTNERSHIP, partnership) and not partnership.is_finished
    return partnership, may_change


def read_only(form, can_change: bool) -> None:
    """A form shown to a role that may read but not change it: every field disabled."""
    if not can_change:
        for form_field in form.fields.values():
            form_field.disabled = True


def missing_url(partnership: Partnership, framework: Framework, missing: cycle.Missing) -> str:
    """Where a missing gate item is done: Accord's own checks have their own pages."""
    if missing.requirement_id == cycle.SIGNIFICANCE_ASSESSED:
        return reverse("significance-assess", args=[partnership.pk])
    if missing.requirement_id == cycle.IS_A_PARTNERSHIP:
        return reverse("classify-start") + f"?partnership={partnership.pk}"
    artefact = next(a for a in framework.artefacts if a.id == missing.artefact_id)
    return artefact_url(partnership, framework, artefact)
