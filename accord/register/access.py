"""Which partnerships a user may see, and the one way a view fetches a partnership.

The kernel's policy (accord.kernel.accounts.policy) says which roles may take each action and
whether a role's access depends on the user's own link to the partnership; the register says what
that link is. Every register query starts from `visible_partnerships()`; every page about one
partnership fetches it through `partnership_for()`.
"""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from accord.kernel import clock
from accord.kernel.accounts.models import Role
from accord.kernel.accounts.policy import RULES, Action, needs_link, require, role_of

from .models import Membership, Partnership, PartnershipRole

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


def current(queryset: QuerySet, today: date | None = None) -> QuerySet:
    today = today or clock.today()
    return queryset.filter(Q(end_date__isnull=True) | Q(end_date__gte=today))


def linked(user, today: date | None = None) -> Q:
    """Partnerships the user is linked to.

    Staff: a current role on it. Partners: their organisation's current membership of it.
    """
    if user.role == Role.PARTNER:
        if user.organisation_id is None:
            return Q(pk__in=[])
        members = current(
            Membership.objects.filter(partnership=OuterRef("pk"), organisation_id=user.organisation_id), today
        )
        return Q(Exists(members))
    if user.person_id is None:
        return Q(pk__in=[])
    roles = current(
        PartnershipRole.objects.filter(partnership=OuterRef("pk"), person_id=user.person_id), today
    )
    return Q(Exists(roles))


def visible_partnerships(user) -> QuerySet[Partnership]:
    """The partnerships this user may see. Every register query starts here."""
    if role_of(user) not in RULES[Action.VIEW_REGISTER][0]:
        return Partnership.objects.none()
    if needs_link(user, Action.VIEW_REGISTER):
        return Partnership.objects.filter(linked(user))
    return Partnership.objects.all()


def my_partnerships(user) -> QuerySet[Partnership]:
    """The partnerships the user holds a current role on (or, for partners, their organisation is in)."""
    if role_of(user) is None:
        return Partnership.objects.none()
    return visible_partnerships(user).filter(linked(user))


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
