"""Access-test URL cases for accord.domain.representation (see tests/access_cases/__init__.py)."""

from django.urls import reverse

from tests.representation.factories import (
    AttendanceFactory,
    MeetingFactory,
    ReportBackFactory,
    representative,
)


def cases(world) -> list[tuple[str, str, object]]:
    found = []
    for which in ("own", "other"):
        p = world[which]
        person = representative(p, name=f"Cllr {which.capitalize()}")
        meeting = MeetingFactory(partnership=p)
        AttendanceFactory(meeting=meeting, person=person, status="attended")
        ReportBackFactory(partnership=p, person=person)
        found += [
            ("representatives", reverse("representatives", args=[p.pk]), p),
            ("meeting-add", reverse("meeting-add", args=[p.pk]), p),
            ("meeting-edit", reverse("meeting-edit", args=[p.pk, meeting.pk]), p),
            ("report-back-add", reverse("report-back-add", args=[p.pk]), p),
        ]
    return found
