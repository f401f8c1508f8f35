"""Fetching a partnership's risk register and its risks for a page or the API, with the access
policy's checks: VIEW_RISKS to see, CHANGE_RISKS (and a partnership still open) to change."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from accord.kernel.accounts.policy import Action, can
from accord.register.access import partnership_for
from accord.register.models import Partnership

from .models import Risk, RiskStatus


def risk_partnership(request: HttpRequest, pk: int, change: bool = False) -> Partnership:
    """The partnership whose register this is: VIEW_RISKS to see it, CHANGE_RISKS (and not finished)
    to change it."""
    return partnership_for(request, pk, Action.CHANGE_RISKS if change else Action.VIEW_RISKS)


def risk_in(partnership: Partnership, risk_id: int) -> Risk:
    return get_object_or_404(Risk, pk=risk_id, partnership=partnership)


def open_risk(partnership: Partnership, risk_id: int) -> Risk:
    """A risk to change: a closed risk keeps its record and history but is read-only."""
    risk = risk_in(partnership, risk_id)
    if risk.status != RiskStatus.OPEN:
        raise PermissionDenied(f"Risk {risk.reference} is closed: read-only.")
    return risk


def can_change(request: HttpRequest, partnership: Partnership) -> bool:
    return not partnership.is_finished and can(request.user, Action.CHANGE_RISKS, partnership)
