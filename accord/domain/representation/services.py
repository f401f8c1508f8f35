"""Every change to outside-body duties goes through these functions: one transaction each, the
partnership locked (a finished partnership refuses), the change in the partnership's history, and
the report-back obligation kept in step."""

from collections.abc import Mapping, Sequence
from typing import Any

from django.db import transaction

from accord.frameworks.store import partnerships_changed
from accord.kernel.accounts.models import User
from accord.kernel.audit.models import Action as AuditAction
from accord.kernel.audit.service import Actor, snapshot
from accord.kernel.audit.service import record as audit
from accord.register.models import Partnership
from accord.register.models.people import RoleType
from accord.register.services import lock_open

from .models import Attendance, AttendanceStatus, Meeting, ReportBack

MEETING_FIELDS = ("held_on", "title", "notes")
ATTENDANCE_FIELDS = ("status", "substitute", "substitute_briefed", "briefed_on", "notes")
REPORT_BACK_FIELDS = (
    "person",
    "reported_on",
    "reported_to",
    "summary",
    "policy_issues",
    "performance_issues",
)


class DutyError(Exception):
    """A change refused; the message says why in plain words."""


def _user(actor: Actor) -> User | None:
    return actor if isinstance(actor, User) and actor.pk else None


def _attendance_state(meeting: Meeting) -> dict[str, tuple[str, str]]:
    """The attendance at a meeting as one history entry per representative."""
    state = {}
    for row in meeting.attendance.select_related("person", "substitute").order_by("person__name"):
        text = row.get_status_display()
        if row.status == AttendanceStatus.SUBSTITUTE:
            briefed = "briefed" if row.substitute_briefed else "not briefed"
            if row.substitute_briefed and row.briefed_on:
                briefed += f" on {row.briefed_on:%-d %B %Y}"
            text += f": {row.substitute} ({briefed})"
        state[f"attendance_{row.person_id}"] = (str(row.person), text)
    return state


def _check_attendance(partnership: Partnership, rows: Sequence[Mapping[str, Any]]) -> None:
    people = [row["person"].pk for row in rows]
    if len(people) != len(set(people)):
        raise DutyError("Each representative's attendance can be recorded once per meeting")
    representatives = set(
        partnership.roles.filter(role=RoleType.COUNCIL_REPRESENTATIVE).values_list("person_id", flat=True)
    )
    for row in rows:
        if row["person"].pk not in representatives:
            raise DutyError(f"{row['person']} is not one of the council's representatives on {partnership}")
    for row in rows:
        sent = row["status"] == AttendanceStatus.SUBSTITUTE
        if sent and row.get("substitute") is None:
            raise DutyError(f"Select the substitute who went instead of {row['person']}")
        if not sent and (row.get("substitute") is not None or row.get("substitute_briefed")):
            raise DutyError(f"{row['person']} did not send a substitute")


def _save_attendance(meeting: Meeting, rows: Sequence[Mapping[str, Any]]) -> None:
    for row in rows:
        values = {name: row.get(name) for name in ATTENDANCE_FIELDS}
        values["substitute_briefed"] = bool(values["substitute_briefed"])
        values["notes"] = values["notes"] or ""
        Attendance.objects.update_or_create(meeting=meeting, person=row["person"], defaults=values)


@transaction.atomic
def record_meeting(
    actor: Actor, partnership: Partnership, values: Mapping[str, Any], attendance: Sequence[Mapping[str, Any]]
) -> Meeting:
    """A meeting of the partnership and how each representative attended it."""
    partnership = lock_open(partnership)
    _check_attendance(partnership, attendance)
    fields = {k: v for k, v in values.items() if k in MEETING_FIELDS}
    meeting = Meeting.objects.create(partnership=partnership, created_by=_user(actor), **fields)
    _save_attendance(meeting, attendance)
    after = snapshot(meeting, ["partnership", "created_by"]) | _attendance_state(meeting)
    audit(
        actor=actor,
        instance=meeting,
        action=AuditAction.CREATED,
        before={},
        after=after,
        partnership=partnership,
    )
    return meeting


@transaction.atomic
def update_meeting(
    actor: Actor, meeting: Meeting, values: Mapping[str, Any], attendance: Sequence[Mapping[str, Any]]
) -> Meeting:
    """Correct a meeting's details or attendance; representatives not in `attendance` keep theirs."""
    lock_open(meeting.partnership)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    _check_attendance(meeting.partnership, attendance)
    before = snapshot(meeting, ["partnership", "created_by"]) | _attendance_state(meeting)
    for name, value in values.items():
        if name in MEETING_FIELDS:
            setattr(meeting, name, value)
    meeting.save()
    _save_attendance(meeting, attendance)
    after = snapshot(meeting, ["partnership", "created_by"]) | _attendance_state(meeting)
    audit(
        actor=actor,
        instance=meeting,
        action=AuditAction.CHANGED,
        before=before,
        after=after,
        partnership=meeting.partnership,
    )
    return meeting


@transaction.atomic
def record_report_back(actor: Actor, partnership: Partnership, values: Mapping[str, Any]) -> ReportBack:
    """A representative's report-back to the council; it meets a regular report-back obligation."""
    partnership = lock_open(partnership)
    fields = {k: v for k, v in values.items() if k in REPORT_BACK_FIELDS}
    if not str(fields.get("summary", "")).strip():
        raise DutyError("Enter what was reported")
    fields["summary"] = fields["summary"].strip()
    fields["reported_to"] = str(fields.get("reported_to", "")).strip()
    if not fields["reported_to"]:
        raise DutyError("Enter who the report went to")
    report = ReportBack.objects.create(partnership=partnership, recorded_by=_user(actor), **fields)
    after = snapshot(report, ["partnership", "recorded_by"])
    audit(
        actor=actor,
        instance=report,
        action=AuditAction.CREATED,
        before={},
        after=after,
        partnership=partnership,
    )
    partnerships_changed([partnership.pk])
    return report
