"""The representatives page and its forms: officers see who represents the council, what the
framework expects, meetings with attendance and report-backs, and record them; bad input changes
nothing; finished partnerships are read-only."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accord.domain.representation.models import Attendance, Meeting, ReportBack
from accord.kernel.audit.models import AuditEvent
from tests.representation.factories import (
    AttendanceFactory,
    MeetingFactory,
    ReportBackFactory,
    representative,
)

pytestmark = pytest.mark.django_db


def _date(prefix: str, day: date) -> dict[str, str]:
    return {f"{prefix}-day": str(day.day), f"{prefix}-month": str(day.month), f"{prefix}-year": str(day.year)}


@pytest.fixture
def officer(client, users):
    client.force_login(users["officer"])
    return client


def test_the_page_lists_representatives_meetings_attendance_and_report_backs(officer, own_partnership):
    rep = representative(own_partnership, "Cllr Alan Rep", start_date=date(2023, 5, 16))
    sub = representative(own_partnership, "Cllr Sue Sub", role="substitute")
    meeting = MeetingFactory(partnership=own_partnership, title="Board", held_on=date(2026, 1, 20))
    AttendanceFactory(
        meeting=meeting, person=rep, status="substitute", substitute=sub, substitute_briefed=False
    )
    ReportBackFactory(
        partnership=own_partnership, person=rep, reported_to="Executive Cabinet", summary="All well"
    )
    page = officer.get(reverse("representatives", args=[own_partnership.pk])).content.decode()
    assert "Cllr Alan Rep" in page and "Cllr Sue Sub" in page
    assert "Sent a substitute" in page or "sent a substitute" in page
    assert "not briefed" in page
    assert (
        "Cllr Sue Sub went to the Board on 20 January 2026 instead of Cllr Alan Rep without being briefed."
        in page
    )
    assert "Executive Cabinet" in page and "All well" in page
    assert "0 of 1 (0%)" in page
    assert 'role="img"' in page, "the attendance chart is drawn"
    assert "Record a meeting" in page


def test_the_page_is_linked_from_the_partnership_navigation(officer, own_partnership):
    page = officer.get(reverse("partnership", args=[own_partnership.pk])).content.decode()
    assert reverse("representatives", args=[own_partnership.pk]) in page


def test_recording_a_meeting_saves_each_representatives_attendance_and_history(officer, own_partnership):
    rep = representative(own_partnership, "Cllr Alan Rep")
    sub = representative(own_partnership, "Cllr Sue Sub", role="substitute")
    held = timezone.localdate() - timedelta(days=7)
    data = {
        **_date("held_on", held),
        "title": "Partnership Board",
        "notes": "",
        f"rep-{rep.pk}-status": "substitute",
        f"rep-{rep.pk}-substitute": str(sub.pk),
        f"rep-{rep.pk}-substitute_briefed": "True",
        **_date(f"rep-{rep.pk}-briefed_on", held - timedelta(days=2)),
    }
    response = officer.post(reverse("meeting-add", args=[own_partnership.pk]), data)
    assert response.status_code == 302
    row = Attendance.objects.get(meeting__partnership=own_partnership, person=rep)
    assert row.status == "substitute" and row.substitute == sub and row.substitute_briefed
    assert row.briefed_on == held - timedelta(days=2)
    event = AuditEvent.objects.get(object_type="meeting", partnership=own_partnership)
    assert any("briefed" in change["new"] for change in event.changes)


def test_a_substitute_must_be_named_and_bad_input_changes_nothing(officer, own_partnership):
    rep = representative(own_partnership, "Cllr Alan Rep")
    data = {**_date("held_on", timezone.localdate()), "title": "Board", f"rep-{rep.pk}-status": "substitute"}
    response = officer.post(reverse("meeting-add", args=[own_partnership.pk]), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page and "<title>Error:" in page
    assert "Select the substitute who went" in page
    assert "Select yes if the substitute was briefed before the meeting" in page
    assert not Meeting.objects.exists()


def test_a_meeting_in_the_future_is_refused(officer, own_partnership):
    rep = representative(own_partnership)
    data = {
        **_date("held_on", timezone.localdate() + timedelta(days=3)),
        "title": "Board",
        f"rep-{rep.pk}-status": "attended",
    }
    response = officer.post(reverse("meeting-add", args=[own_partnership.pk]), data)
    assert "Date of the meeting must be today or in the past" in response.content.decode()
    assert not Meeting.objects.exists()


def test_changing_a_meeting_corrects_the_attendance(officer, own_partnership):
    rep = representative(own_partnership, "Cllr Alan Rep")
    meeting = MeetingFactory(partnership=own_partnership, held_on=date(2026, 1, 20))
    AttendanceFactory(meeting=meeting, person=rep, status="absent")
    form = officer.get(reverse("meeting-edit", args=[own_partnership.pk, meeting.pk])).content.decode()
    assert 'value="absent" checked' in form
    data = {**_date("held_on", date(2026, 1, 20)), "title": "Board", f"rep-{rep.pk}-status": "apologies"}
    assert (
        officer.post(reverse("meeting-edit", args=[own_partnership.pk, meeting.pk]), data).status_code == 302
    )
    assert Attendance.objects.get(meeting=meeting, person=rep).status == "apologies"
    assert AuditEvent.objects.filter(object_type="meeting", action="changed").exists()


def test_recording_a_report_back(officer, own_partnership):
    rep = representative(own_partnership, "Cllr Alan Rep")
    data = {
        "person": str(rep.pk),
        **_date("reported_on", timezone.localdate()),
        "reported_to": "Executive Cabinet",
        "summary": "The board agreed its plan.",
        "policy_issues": "True",
        "performance_issues": "False",
    }
    response = officer.post(reverse("report-back-add", args=[own_partnership.pk]), data)
    assert response.status_code == 302
    report = ReportBack.objects.get(partnership=own_partnership)
    assert report.policy_issues and not report.performance_issues and report.person == rep
    assert AuditEvent.objects.filter(object_type="report-back", partnership=own_partnership).exists()


def test_a_report_back_needs_what_was_reported(officer, own_partnership):
    rep = representative(own_partnership)
    data = {"person": str(rep.pk), **_date("reported_on", timezone.localdate()), "reported_to": "Cabinet"}
    response = officer.post(reverse("report-back-add", args=[own_partnership.pk]), data)
    page = response.content.decode()
    assert "Enter what was reported" in page and "Select yes if it raised policy issues" in page
    assert not ReportBack.objects.exists()


def test_a_finished_partnership_is_read_only(officer, own_partnership):
    own_partnership.status = "closed"
    own_partnership.save()
    assert officer.get(reverse("meeting-add", args=[own_partnership.pk])).status_code == 403
    assert officer.get(reverse("report-back-add", args=[own_partnership.pk])).status_code == 403
    page = officer.get(reverse("representatives", args=[own_partnership.pk])).content.decode()
    assert "Record a meeting" not in page


def test_an_officer_cannot_record_on_a_partnership_they_hold_no_role_on(officer, other_partnership):
    assert officer.get(reverse("representatives", args=[other_partnership.pk])).status_code == 200
    assert officer.get(reverse("meeting-add", args=[other_partnership.pk])).status_code == 403
