"""Publishing a submitted progress report on the public register from its page, and taking it off."""

from datetime import date

import pytest
from django.urls import reverse

from accord.domain.monitoring.publishing import set_report_published
from accord.domain.monitoring.services import MonitoringError
from accord.kernel.audit.models import AuditEvent
from tests import factories as f
from tests.monitoring.factories import ProgressReportFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(own_partnership):
    own_partnership.is_published = True
    own_partnership.save()
    return ProgressReportFactory(
        partnership=own_partnership,
        status="submitted",
        period_start=date(2025, 4, 1),
        period_end=date(2026, 3, 31),
        submitted_on=date(2026, 4, 20),
        headings=[{"id": "achievements", "text": "Key achievements"}],
        answers={"achievements": "Opened the new hub"},
    )


def report_url(report) -> str:
    return reverse("progress-report", args=[report.partnership_id, report.pk])


def public_page(client, partnership) -> str:
    return client.get(reverse("public-partnership", args=[partnership.reference])).content.decode()


def test_the_lead_officer_publishes_a_submitted_report_and_the_public_can_read_it(client, users, submitted):
    assert "Opened the new hub" not in public_page(client, submitted.partnership)
    client.force_login(users["officer"])
    page = client.get(report_url(submitted)).content.decode()
    assert "Not published" in page and "Publish on the public register" in page
    response = client.post(report_url(submitted), {"publish": "yes"})
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.is_published
    event = AuditEvent.objects.filter(object_id=submitted.pk, object_type="progress report").first()
    assert event is not None and event.reason == "Published on the public register"
    client.logout()
    assert "Opened the new hub" in public_page(client, submitted.partnership)


def test_taking_a_report_off_the_public_register_hides_it_again(client, users, submitted):
    set_report_published(users["officer"], submitted, True)
    client.force_login(users["officer"])
    client.post(report_url(submitted), {"publish": "no"})
    submitted.refresh_from_db()
    assert not submitted.is_published
    client.logout()
    assert "No progress report has been published yet" in public_page(client, submitted.partnership)


@pytest.mark.parametrize("role", ["member", "auditor", "approver"])
def test_people_who_cannot_change_monitoring_cannot_publish_a_report(client, users, submitted, role):
    client.force_login(users[role])
    assert "Publish on the public register" not in client.get(report_url(submitted)).content.decode()
    assert client.post(report_url(submitted), {"publish": "yes"}).status_code == 403
    submitted.refresh_from_db()
    assert not submitted.is_published


def test_an_officer_cannot_publish_a_report_of_a_partnership_they_do_not_lead(
    client, users, other_partnership
):
    report = ProgressReportFactory(
        partnership=other_partnership, status="submitted", submitted_on=date(2026, 4, 1)
    )
    client.force_login(users["officer"])
    assert client.post(report_url(report), {"publish": "yes"}).status_code in (403, 404)
    report.refresh_from_db()
    assert not report.is_published


def test_a_draft_report_cannot_be_published(users, own_partnership):
    draft = ProgressReportFactory(partnership=own_partnership)
    with pytest.raises(MonitoringError):
        set_report_published(users["officer"], draft, True)
    draft.refresh_from_db()
    assert not draft.is_published
    assert not AuditEvent.objects.filter(object_id=draft.pk, object_type="progress report").exists()


def test_publishing_twice_records_one_change(users, submitted):
    set_report_published(users["officer"], submitted, True)
    set_report_published(users["officer"], submitted, True)
    assert AuditEvent.objects.filter(object_id=submitted.pk, object_type="progress report").count() == 1


def test_the_demo_council_publishes_its_register(db):
    from accord.outputs.public import demo

    f.council()
    # The full demo is loaded by accord.site.demo; here the public part alone, on a small register.
    p = f.PartnershipFactory(is_published=True)
    f.make_user("officer", username="officer")
    assert demo.load() == 1
    p.refresh_from_db()
    assert p.governance_summary and p.complaints_procedure
