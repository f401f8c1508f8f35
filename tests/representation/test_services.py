"""The services refuse what the forms would also refuse, so imports and scripts cannot skip the
rules: only the partnership's representatives have attendance, a substitute is named when sent,
finished partnerships are read-only, and every change is in the partnership's history."""

from datetime import date

import pytest

from accord.domain.representation import services
from accord.domain.representation.models import Attendance, Meeting, ReportBack
from accord.kernel.audit.models import AuditEvent
from accord.register.services import Finished
from tests.factories import PersonFactory
from tests.representation.factories import representative

pytestmark = pytest.mark.django_db
MEETING = {"held_on": date(2026, 3, 12), "title": "Partnership Board", "notes": ""}


def row(person, status="attended", **kwargs):
    return {"person": person, "status": status, **kwargs}


def test_only_the_partnerships_representatives_have_attendance(users, own_partnership):
    stranger = PersonFactory(name="Someone Else")
    with pytest.raises(services.DutyError, match="not one of the council's representatives"):
        services.record_meeting(users["officer"], own_partnership, MEETING, [row(stranger)])
    assert not Meeting.objects.exists()


def test_a_representative_is_recorded_once_per_meeting(users, own_partnership):
    rep = representative(own_partnership)
    with pytest.raises(services.DutyError, match="once per meeting"):
        services.record_meeting(users["officer"], own_partnership, MEETING, [row(rep), row(rep, "absent")])
    assert not Meeting.objects.exists()


def test_a_substitute_sent_must_be_named_and_one_not_sent_cannot_be(users, own_partnership):
    rep = representative(own_partnership)
    sub = representative(own_partnership, "Cllr Sub", role="substitute")
    with pytest.raises(services.DutyError, match="Select the substitute"):
        services.record_meeting(users["officer"], own_partnership, MEETING, [row(rep, "substitute")])
    with pytest.raises(services.DutyError, match="did not send a substitute"):
        services.record_meeting(users["officer"], own_partnership, MEETING, [row(rep, substitute=sub)])
    assert not Meeting.objects.exists()


def test_a_finished_partnership_refuses_meetings_and_report_backs(users, own_partnership):
    rep = representative(own_partnership)
    own_partnership.status = "withdrawn"
    own_partnership.save()
    with pytest.raises(Finished):
        services.record_meeting(users["officer"], own_partnership, MEETING, [row(rep)])
    values = {"person": rep, "reported_on": date(2026, 3, 1), "reported_to": "Cabinet", "summary": "Fine"}
    with pytest.raises(Finished):
        services.record_report_back(users["officer"], own_partnership, values)
    assert not Meeting.objects.exists() and not ReportBack.objects.exists()


def test_correcting_a_meeting_keeps_other_representatives_and_records_what_changed(users, own_partnership):
    first = representative(own_partnership, "Cllr First")
    second = representative(own_partnership, "Cllr Second")
    meeting = services.record_meeting(users["officer"], own_partnership, MEETING, [row(first), row(second)])
    services.update_meeting(
        users["officer"], meeting, {**MEETING, "title": "Board"}, [row(first, "apologies")]
    )
    statuses = dict(Attendance.objects.filter(meeting=meeting).values_list("person__name", "status"))
    assert statuses == {"Cllr First": "apologies", "Cllr Second": "attended"}
    changed = AuditEvent.objects.get(object_type="meeting", action="changed")
    assert {c["label"] for c in changed.changes} == {"Title", "Cllr First"}
    assert changed.partnership == own_partnership


def test_a_report_back_needs_a_summary_and_a_recipient(users, own_partnership):
    rep = representative(own_partnership)
    values = {"person": rep, "reported_on": date(2026, 3, 1), "reported_to": " ", "summary": "Fine"}
    with pytest.raises(services.DutyError, match="who the report went to"):
        services.record_report_back(users["officer"], own_partnership, values)
    with pytest.raises(services.DutyError, match="what was reported"):
        services.record_report_back(users["officer"], own_partnership, {**values, "summary": "  "})
    assert not ReportBack.objects.exists()
