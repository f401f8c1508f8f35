"""Finding what the token's user may see, the way the web pages find it (same policy, same answers)."""

from django.http import HttpRequest

from accord.kernel.accounts.policy import Action, can, require
from accord.register.access import partnership_for
from accord.register.models import Partnership

BASE = "/api/v1"

__all__ = ["BASE", "Action", "can", "partnership", "require", "staff", "absolute"]


def partnership(request: HttpRequest, pk: int, action: Action | None = None) -> Partnership:
    """A partnership the user may see (404 otherwise), checked for `action` (403), refused when
    finished and `action` changes it (403): the web's own `partnership_for`."""
    return partnership_for(request, pk, action)


def staff(request: HttpRequest) -> bool:
    return can(request.user, Action.VIEW_STAFF_SECTIONS)


def absolute(request: HttpRequest, path: str) -> str:
    return request.build_absolute_uri(f"{BASE}{path}")
