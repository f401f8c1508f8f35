"""Shared by the cycle's pages: where each artefact is worked on, and the partnership lookup."""

from django.http import HttpRequest

from accord.accounts.policy import Action
from accord.register.models import Partnership
from accord.register.views.partnerships import partnership_for

from ..where import artefact_url

__all__ = ["artefact_url", "editable_partnership", "partnership_for"]


def editable_partnership(request: HttpRequest, pk: int) -> Partnership:
    """A partnership the user may change (`partnership_for` refuses one that is closed, rejected or
    withdrawn)."""
    return partnership_for(request, pk, Action.CHANGE_PARTNERSHIP)
