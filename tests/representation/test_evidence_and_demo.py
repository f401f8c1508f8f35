"""Report-backs reach the framework engines in one query however many partnerships there are, so a
recorded report-back meets the partnership's regular report-back obligation; and the demo council
shows meetings, attendance and report-backs."""

from datetime import date

import pytest
from django.utils import timezone

from accord.domain.representation.evidence import RepresentationEvidence
from accord.domain.representation.models import Attendance, Meeting, ReportBack
from accord.frameworks import apply, duty_rules, engine, loader
from accord.frameworks.durations import Duration
from tests.factories import PartnershipFactory, PartnershipTypeFactory
from tests.representation.factories import ReportBackFactory, representative

pytestmark = pytest.mark.django_db


def test_report_back_dates_come_in_one_query_for_many_partnerships(django_assert_num_queries):
    partnerships = PartnershipFactory.create_batch(3)
    for p in partnerships[:2]:
        person = representative(p, name=f"Cllr {p.pk}")
        ReportBackFactory(partnership=p, person=person, reported_on=date(2026, 1, 5))
        ReportBackFactory(partnership=p, person=person, reported_on=date(2026, 2, 5))
    source = RepresentationEvidence(partnerships, loader.current())
    with django_assert_num_queries(1):
        found = source.evidence([p.pk for p in partnerships])
    assert found[partnerships[0].pk] == {duty_rules.REPORT_BACK: (date(2026, 1, 5), date(2026, 2, 5))}
    assert partnerships[2].pk not in found
    assert source.anchors([p.pk for p in partnerships]) == {}


def test_a_recorded_report_back_meets_the_obligation_of_a_bury_lsp(settings):
    settings.ACCORD_FRAMEWORK = "bury"
    lsp = PartnershipFactory(
        partnership_type=PartnershipTypeFactory(name="Local strategic partnership"),
        start_date=date(2020, 4, 1),
    )
    today = timezone.localdate()

    def status():
        found = [
            r
            for r in apply.obligations_for(lsp, today, framework=loader.current())
            if r.obligation_id.startswith("report_back")
        ]
        return found[0]

    # Active since 2020 and entered today: its report-backs fell due before Accord began tracking.
    assert status().status == engine.BEFORE_ACCORD
    ReportBackFactory(partnership=lsp, person=representative(lsp), reported_on=today)
    result = status()
    assert (result.status, result.evidence, result.due) == (engine.MET, today, Duration(years=1).after(today))


def test_the_demo_council_shows_meetings_attendance_and_report_backs():
    from accord.site.demo import load_demo

    load_demo()
    assert Meeting.objects.filter(partnership__reference="CHO-KP-01").count() == 4
    assert Attendance.objects.filter(status="substitute", substitute_briefed=False).exists()
    assert ReportBack.objects.filter(policy_issues=True).exists()
