"""The council's own duties for My work, the reminder emails and the council duties page (ADR 0031):
each council obligation of the framework (accord.frameworks.council), owned by the users appointed to
its owner roles (Settings → Appointments), as planner items that belong to no partnership."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.urls import reverse

from accord.domain.lifecycle.models import Appointment
from accord.frameworks import council, engine
from accord.frameworks.schema import Framework

from .planner import DUE_SOON, LATER, OVERDUE, Contact, Item, Owned

KEY = "council:"  # item keys of council duties: "council:<obligation id>"
_STATUS = {engine.OVERDUE: OVERDUE, engine.DUE_SOON: DUE_SOON, engine.NOT_YET_DUE: LATER}


@dataclass(frozen=True)
class OwnedDuty:
    duty: council.CouncilDuty
    owners: tuple[Contact, ...]  # everyone appointed to an owner role, whether or not they have an email

    @property
    def owner_names(self) -> str:
        return ", ".join(contact.name for contact in self.owners)


def appointed(framework: Framework, roles: Iterable[str]) -> dict[str, tuple[Contact, ...]]:
    """role id → the active users appointed to it under this framework (one query)."""
    found: dict[str, list[Contact]] = {}
    rows = (
        Appointment.objects.filter(framework_id=framework.id, role_id__in=set(roles), user__is_active=True)
        .select_related("user", "user__person")
        .order_by("role_id", "user__username")
    )
    for appointment in rows:
        user = appointment.user
        address = user.email or (
            user.person.email if user.person else ""
        )  # the account's, else the register's
        contact = Contact(address.strip().lower(), user.display_name, user.pk, user.person_id)
        found.setdefault(appointment.role_id, []).append(contact)
    return {role: tuple(contacts) for role, contacts in found.items()}


def owned_duties(framework: Framework, today: date) -> list[OwnedDuty]:
    """Every council duty on `today` with the people who own it."""
    duties = council.duties(framework, today)
    holders = appointed(framework, {r for d in duties for r in d.result.owner_roles})
    found = []
    for duty in duties:
        owners: dict[int | None, Contact] = {}
        for role in duty.result.owner_roles:
            for contact in holders.get(role, ()):
                owners.setdefault(contact.user_id, contact)
        found.append(OwnedDuty(duty, tuple(owners.values())))
    return found


def owned_items(framework: Framework, today: date, due_only: bool = False) -> list[Owned]:
    """The council duties with a date to show (only due soon or overdue with `due_only`) as planner
    items, each with the owners who can be emailed."""
    found = []
    path = reverse("council-duties")
    for entry in owned_duties(framework, today):
        result = entry.duty.result
        status = _STATUS.get(result.status)
        if result.status == engine.MET and result.recurring and not due_only:
            status = LATER
        if result.due is None or status is None or (due_only and status == LATER):
            continue
        item = Item(
            None,
            framework.council,
            f"{KEY}{result.obligation_id}",
            result.name,
            result.due,
            status,
            f"{path}#{result.obligation_id}",
            result.cite,
            kind="council",
        )
        found.append(Owned(item, tuple(c for c in entry.owners if c.email)))
    return found
