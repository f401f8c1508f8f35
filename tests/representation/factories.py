"""Factories for outside-body duties: meetings, attendance and report-backs."""

from datetime import date

import factory

from accord.domain.representation.models import Attendance, Meeting, ReportBack
from tests.factories import PartnershipFactory, PersonFactory, RoleFactory


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    partnership = factory.SubFactory(PartnershipFactory)
    held_on = date(2026, 3, 12)
    title = "Partnership Board"


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    meeting = factory.SubFactory(MeetingFactory)
    person = factory.SubFactory(PersonFactory)
    status = "attended"


class ReportBackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportBack

    partnership = factory.SubFactory(PartnershipFactory)
    person = factory.SubFactory(PersonFactory)
    reported_on = date(2026, 2, 2)
    reported_to = "Executive Cabinet"
    summary = "The board agreed its delivery plan."


def representative(partnership, name: str = "Cllr Rita Rep", role: str = "council_representative", **kwargs):
    """A person holding a representative (or substitute) role on the partnership."""
    person = PersonFactory(name=name, kind="member", job_title="Councillor")
    RoleFactory(partnership=partnership, person=person, role=role, **kwargs)
    return person
