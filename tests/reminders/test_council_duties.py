"""The council's own duties (ADR 0031) as people see them: the Council duties page under Central
Bedfordshire, Redditch and Chorley, the owner's My work, the reminder email, and an issued report
meeting the duty. Accord has tracked since 1 January 2026 (conftest), so the duties count from
1 April 2025 and are first due on 1 April 2026."""

from datetime import UTC, date, datetime

import pytest
from django.urls import reverse

from accord.domain.lifecycle.models import Appointment
from accord.frameworks import loader
from accord.outputs.reminders import feeds, mywork, services
from accord.outputs.reports.models import ReportSnapshot
from tests import factories as f
from tests.clock import on_day

from .factories import person

pytestmark = pytest.mark.django_db
CBC = "central_bedfordshire"
DUE = date(2026, 4, 1)


@pytest.fixture
def chief_executive(db):
    """Carla, appointed to Central Bedfordshire's Office of the Chief Executive; Owen, not appointed."""
    carla = person("Carla Chief", "carla@centralbeds.example.gov.uk", username="carla").user
    owen = person("Owen Other", "owen@centralbeds.example.gov.uk", username="owen").user
    Appointment.objects.create(user=carla, framework_id=CBC, role_id="chief_executive")
    return {"carla": carla, "owen": owen}


def issued(kind: str, framework_id: str, on: date) -> ReportSnapshot:
    return ReportSnapshot.objects.create(
        kind=kind,
        title="Private sector partnerships report: 2026/27",
        period_start=date(2026, 4, 1),
        period_end=date(2027, 3, 31),
        issued_at=datetime(on.year, on.month, on.day, 12, tzinfo=UTC),
        issued_by_name="Carla Chief",
        data={},
        framework_id=framework_id,
        framework_version="1.0",
    )


def page(client, user, settings, framework_id: str) -> str:
    settings.ACCORD_FRAMEWORK = framework_id
    client.force_login(user)
    response = client.get(reverse("council-duties"))
    assert response.status_code == 200
    return response.content.decode()


def test_central_bedfordshire_shows_the_chief_executives_yearly_report_overdue_with_owner_and_clause(
    client, settings, chief_executive
):
    with on_day(date(2026, 6, 1)):
        html = page(client, chief_executive["owen"], settings, CBC)
    assert "Yearly report on the performance of the private sector partnerships" in html
    assert "Overdue" in html
    assert "1 April 2026" in html
    assert "Office of the Chief Executive" in html and "Carla Chief" in html
    assert "J3 Partnerships Protocol, 3.2.8" in html
    assert "000_b25245c80d994d06" not in html  # never the seed file's name
    assert "Replaces a per-partnership obligation" not in html  # never the maintainers' note
    assert reverse("report", args=["private-sector"]) in html  # where it is done


def test_issuing_the_private_sector_report_meets_the_duty_and_links_to_it(client, settings, chief_executive):
    snapshot = issued("private-sector", CBC, date(2026, 5, 20))
    with on_day(date(2026, 6, 1)):
        html = page(client, chief_executive["owen"], settings, CBC)
    assert "Met" in html and "Overdue" not in html
    assert reverse("report-snapshot", args=[snapshot.pk]) in html
    assert "issued 20 May 2026" in html
    assert "20 May 2027" in html  # next due a year after it was issued ("at least once a year")


def test_a_report_issued_under_another_framework_does_not_meet_it(client, settings, chief_executive):
    issued("private-sector", "chorley", date(2026, 5, 20))
    with on_day(date(2026, 6, 1)):
        html = page(client, chief_executive["owen"], settings, CBC)
    assert "Overdue" in html


def test_redditch_shows_the_joint_annual_report_owned_by_both_officers(client, settings, users):
    with on_day(date(2026, 6, 1)):
        html = page(client, users["member"], settings, "redditch")
    assert "Joint annual report on partnerships" in html
    assert "Acting Deputy Chief Executive and Head of Strategy &amp; Partnerships" in html
    assert "No one is appointed to this role yet." in html
    assert "Partnership Governance Framework and Toolkit, 9" in html
    assert reverse("report", args=["annual"]) in html
    assert reverse("appointments") not in html  # only administrators appoint


def test_an_administrator_can_go_from_the_duty_to_the_appointments(client, settings, users):
    html = page(client, users["administrator"], settings, "redditch")
    assert reverse("appointments") in html


def test_chorley_sets_no_council_duties_and_the_compliance_page_does_not_link_them(client, settings, users):
    html = page(client, users["member"], settings, "chorley")
    assert "sets no duties on Chorley Council as a whole" in html
    assert reverse("council-duties") not in client.get(reverse("compliance")).content.decode()


def test_the_compliance_and_reports_pages_link_the_council_duties(client, settings, users):
    settings.ACCORD_FRAMEWORK = CBC
    client.force_login(users["member"])
    assert reverse("council-duties") in client.get(reverse("compliance")).content.decode()
    assert reverse("council-duties") in client.get(reverse("reports")).content.decode()


def test_partner_organisations_cannot_see_the_council_duties(client, settings, users):
    settings.ACCORD_FRAMEWORK = CBC
    client.force_login(users["partner"])
    assert client.get(reverse("council-duties")).status_code == 403


def test_the_owner_sees_the_duty_in_my_work_when_overdue_and_others_do_not(client, settings, chief_executive):
    settings.ACCORD_FRAMEWORK = CBC
    framework = loader.get(CBC)
    with on_day(date(2026, 6, 1)):
        mine = mywork.work_for(chief_executive["carla"], date(2026, 6, 1), framework=framework)
        theirs = mywork.work_for(chief_executive["owen"], date(2026, 6, 1), framework=framework)
        client.force_login(chief_executive["carla"])
        html = client.get(reverse("my-work")).content.decode()
    assert [w.item.key for w in mine] == ["council:private_sector_yearly_report"]
    assert mine[0].item.status == "overdue"
    assert theirs == []
    assert "Yearly report on the performance of the private sector partnerships" in html
    assert f"{reverse('council-duties')}#private_sector_yearly_report" in html


def test_my_work_leaves_out_the_duty_once_met_and_not_yet_due_soon(chief_executive):
    issued("private-sector", CBC, date(2026, 5, 20))
    with on_day(date(2026, 6, 1)):
        mine = mywork.work_for(chief_executive["carla"], date(2026, 6, 1), framework=loader.get(CBC))
    assert mine == []


def test_the_owner_is_emailed_about_the_overdue_duty(chief_executive):
    with on_day(date(2026, 6, 1)):
        summary, messages = services.plan_day(date(2026, 6, 1), dry_run=True, framework=loader.get(CBC))
    to_carla = [m for m in messages if m.recipient.email == "carla@centralbeds.example.gov.uk"]
    assert [i.key for i in to_carla[0].reminders] == ["council:private_sector_yearly_report"]
    assert not any(m.recipient.email.startswith("owen") for m in messages)


def test_the_reminder_email_is_sent_once_a_day(chief_executive, mailoutbox, settings):
    settings.ACCORD_FRAMEWORK = CBC
    framework = loader.get(CBC)
    with on_day(date(2026, 6, 1)):
        first = services.send_reminders(date(2026, 6, 1), framework=framework)
        again = services.send_reminders(date(2026, 6, 1), framework=framework)
    assert first.sent == 1 and again.sent == 0
    assert "Yearly report on the performance of the private sector partnerships" in mailoutbox[0].body
    assert "J3 Partnerships Protocol, 3.2.8" in mailoutbox[0].body


def test_an_owner_without_email_leaves_the_duty_unowned_in_the_summary(db):
    user = f.make_user("officer", username="nomail")
    Appointment.objects.create(user=user, framework_id=CBC, role_id="chief_executive")
    with on_day(date(2026, 6, 1)):
        summary, _ = services.plan_day(date(2026, 6, 1), dry_run=True, framework=loader.get(CBC))
    assert summary.unowned >= 1


def test_the_owners_calendar_feed_has_the_duty_with_its_clause(chief_executive, settings):
    settings.ACCORD_FRAMEWORK = CBC
    framework = loader.get(CBC)
    with on_day(date(2026, 6, 1)):
        work = mywork.work_for(chief_executive["carla"], date(2026, 6, 1), framework=framework)
        text = feeds.calendar(chief_executive["carla"], work, framework).decode()
    unfolded = text.replace("\r\n ", "")
    assert "accord-council-council-private_sector_yearly_report@" in unfolded
    title = "Yearly report on the performance of the private sector partnerships"
    assert f"{title} (Central Bedfordshire Council)" in unfolded
    assert "J3 Partnerships Protocol\\, 3.2.8" in unfolded
    assert "Partnership: Central Bedfordshire" not in unfolded  # the council's duty, not a partnership's
