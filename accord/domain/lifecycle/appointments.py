"""Who may decide in which framework role: appointments, made and ended by administrators, and
kept in the audit trail (they decide who can approve a partnership)."""

from django.db import IntegrityError, transaction

from accord.kernel.audit.models import Action as AuditAction
from accord.kernel.audit.service import record as audit

from .models import Appointment


class AlreadyAppointed(Exception):
    pass


def _describe(appointment: Appointment, title: str) -> dict[str, tuple[str, str]]:
    return {"user": ("User", appointment.user.display_name), "role": ("Role", title)}


@transaction.atomic
def appoint(actor, user, framework_id: str, role_id: str, title: str) -> Appointment:
    try:
        with transaction.atomic():
            appointment = Appointment.objects.create(user=user, framework_id=framework_id, role_id=role_id)
    except IntegrityError:
        raise AlreadyAppointed(f"{user.display_name} is already appointed as {title}") from None
    audit(
        actor=actor,
        instance=appointment,
        action=AuditAction.CREATED,
        before={},
        after=_describe(appointment, title),
        reason=f"Appointed to decide as {title} under framework {framework_id}",
        label=f"{user.display_name} as {title}",
    )
    return appointment


@transaction.atomic
def end(actor, appointment: Appointment, title: str) -> None:
    before = _describe(appointment, title)
    pk = appointment.pk
    appointment.delete()
    appointment.pk = pk  # keep the identity for the history entry
    audit(
        actor=actor,
        instance=appointment,
        action=AuditAction.REMOVED,
        before=before,
        after={},
        reason=f"No longer decides as {title}",
        label=f"{appointment.user.display_name} as {title}",
    )
