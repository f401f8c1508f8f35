"""The representatives' page of a partnership (VIEW_MONITORING): who represents the council, what the
framework expects of them, their report-backs, meetings and attendance, and warnings; and the forms
to record a meeting (with attendance) and a report-back (CHANGE_MONITORING, open partnerships only).
Every change goes through accord.domain.representation.services."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from accord.frameworks import loader
from accord.kernel import clock
from accord.kernel.accounts.policy import Action, can
from accord.kernel.ui import charts
from accord.register.access import partnership_for
from accord.register.models import Partnership
from accord.register.services import Finished

from . import duties, queries, services
from .forms import AttendanceForm, MeetingForm, ReportBackForm
from .models import AttendanceStatus, Meeting

REFUSED = (services.DutyError, Finished)
CHART_SERIES = (
    (AttendanceStatus.ATTENDED, "Attended"),
    (AttendanceStatus.SUBSTITUTE, "Sent a substitute"),
    (AttendanceStatus.APOLOGIES, "Sent apologies"),
    (AttendanceStatus.ABSENT, "Absent"),
)


def _data(request: HttpRequest):
    return request.POST if request.method == "POST" else None


def duty_partnership(request: HttpRequest, pk: int, change: bool = False) -> Partnership:
    """VIEW_MONITORING to see; CHANGE_MONITORING on an open partnership to record."""
    partnership = partnership_for(request, pk, Action.CHANGE_MONITORING if change else Action.VIEW_MONITORING)
    if change and partnership.is_finished:
        raise PermissionDenied(
            f"{partnership.name} is {partnership.get_status_display().lower()}: read-only."
        )
    return partnership


def can_change(request: HttpRequest, partnership: Partnership) -> bool:
    return not partnership.is_finished and can(request.user, Action.CHANGE_MONITORING, partnership)


def _crumbs(partnership: Partnership) -> list[dict[str, str]]:
    return [
        {"text": "Register", "href": reverse("register")},
        {"text": partnership.name, "href": reverse("partnership", args=[partnership.pk])},
        {"text": "Representatives", "href": reverse("representatives", args=[partnership.pk])},
    ]


def _attendance_chart(partnership: Partnership, names: dict[int, str], rates: dict[int, duties.Rate]):
    people = [pk for pk in names if pk in rates]
    if not people:
        return None
    series = [
        charts.Series(label, [getattr(rates[pk], str(status)) for pk in people])
        for status, label in CHART_SERIES
    ]
    return charts.bar_chart(
        f"attendance-{partnership.pk}",
        "Meetings attended, by representative",
        [names[pk] for pk in people],
        series,
        stacked=True,
        category_label="Representative",
        value_label="Meetings",
    )


def representatives(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = duty_partnership(request, pk)
    today = clock.today()
    framework = loader.for_request(request)
    roles = list(queries.duty_roles(partnership))
    facts = queries.attendance_facts(partnership)
    rates = duties.rates(facts)
    expected = queries.expected(partnership, framework, today)
    meetings = list(
        partnership.meetings.prefetch_related("attendance__person", "attendance__substitute").order_by(
            "-held_on", "-id"
        )
    )
    report_backs = list(partnership.report_backs.select_related("person").order_by("-reported_on", "-id"))
    names = {role.person_id: role.person.name for role in roles if role.role == "council_representative"}
    names.update({f.person_id: f.person_name for f in facts if f.person_id not in names})
    with_roles = {role.person_id for role in roles}
    return render(
        request,
        "representation/page.html",
        {
            "partnership": partnership,
            "framework": framework,
            "roles": [(role, queries.is_current(role, today), rates.get(role.person_id)) for role in roles],
            "former": [(names[pk], rate) for pk, rate in rates.items() if pk not in with_roles],
            "expected": expected,
            "warnings": duties.warnings(facts, expected.result),
            "meetings": meetings,
            "report_backs": report_backs,
            "chart": _attendance_chart(partnership, names, rates),
            "can_change": can_change(request, partnership),
        },
    )


def _attendance_forms(request, partnership: Partnership, meeting: Meeting | None) -> list[AttendanceForm]:
    """One form per representative: current ones, and (when correcting) whoever the meeting has."""
    today = clock.today()
    people = queries.current_representatives(partnership, today)
    existing = {}
    if meeting is not None:
        existing = {row.person_id: row for row in meeting.attendance.select_related("person")}
        known = {p.pk for p in people}
        people += [row.person for pk, row in existing.items() if pk not in known]
    substitutes = queries.partnership_people(partnership)
    forms = []
    for person in sorted(people, key=lambda p: p.name):
        row = existing.get(person.pk)
        initial = (
            {
                "status": row.status,
                "substitute": row.substitute_id,
                "substitute_briefed": row.substitute_briefed if row.status == "substitute" else None,
                "briefed_on": row.briefed_on,
                "notes": row.notes,
            }
            if row
            else {}
        )
        forms.append(
            AttendanceForm(
                _data(request),
                prefix=f"rep-{person.pk}",
                initial=initial,
                person=person,
                substitutes=substitutes,
            )
        )
    return forms


def meeting_form(request: HttpRequest, pk: int, meeting_id: int | None = None) -> HttpResponse:
    partnership = duty_partnership(request, pk, change=True)
    meeting = get_object_or_404(Meeting, pk=meeting_id, partnership=partnership) if meeting_id else None
    initial = (
        {"held_on": meeting.held_on, "title": meeting.title, "notes": meeting.notes}
        if meeting
        else {"held_on": clock.today()}
    )
    form = MeetingForm(_data(request), initial=initial)
    attendance = _attendance_forms(request, partnership, meeting)
    if request.method == "POST" and all([form.is_valid(), *(a.is_valid() for a in attendance)]):
        values = form.cleaned_data
        rows = [a.values() for a in attendance]
        try:
            if meeting is None:
                meeting = services.record_meeting(request.user, partnership, values, rows)
                messages.success(request, f"Meeting recorded: {meeting}.")
            else:
                meeting = services.update_meeting(request.user, meeting, values, rows)
                messages.success(request, f"Meeting updated: {meeting}.")
        except REFUSED as refused:
            form.add_error(None, str(refused))
        else:
            return redirect(reverse("representatives", args=[partnership.pk]) + "#meetings")
    return render(
        request,
        "representation/meeting_form.html",
        {
            "partnership": partnership,
            "form": form,
            "attendance": attendance,
            "meeting": meeting,
            "title": "Change a meeting" if meeting else "Record a meeting",
            "breadcrumbs": _crumbs(partnership),
            "add_people_url": reverse("child-add", args=[partnership.pk, "people"]),
        },
    )


def report_back_add(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = duty_partnership(request, pk, change=True)
    today = clock.today()
    expected = queries.expected(partnership, loader.for_request(request), today)
    rule = expected.expectation.rule if expected.expectation else None
    to = (rule.to if rule else "").removeprefix("the ").strip()
    people = queries.duty_people(partnership)
    form = ReportBackForm(_data(request), initial={"reported_on": today, "reported_to": to}, people=people)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_report_back(request.user, partnership, form.cleaned_data)
        except REFUSED as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, "Report-back recorded.")
            return redirect(reverse("representatives", args=[partnership.pk]) + "#report-backs")
    return render(
        request,
        "representation/report_back_form.html",
        {
            "partnership": partnership,
            "form": form,
            "title": "Record a report-back",
            "caption": partnership.name,
            "breadcrumbs": _crumbs(partnership),
            "cancel_url": reverse("representatives", args=[partnership.pk]),
            "expected": expected,
            "has_people": people.exists(),
            "add_people_url": reverse("child-add", args=[partnership.pk, "people"]),
        },
    )
