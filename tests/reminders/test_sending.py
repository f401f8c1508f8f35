"""Sending the daily reminders: who is emailed, once a day, escalation timing and the email itself."""

from datetime import date, timedelta

import pytest
from django.core import mail

from accord.frameworks import loader
from accord.outputs.reminders import services
from accord.outputs.reminders.models import ReminderLog

from .factories import GOVERNANCE_DUE, REPORT, REPORT_DUE, hold, key_partnership, person

pytestmark = pytest.mark.django_db


@pytest.fixture
def csp(db):
    """A key partnership with a lead officer (who signs in), a link officer and a Head of Service."""
    partnership = key_partnership()
    hold(
        partnership, person("Olive Officer", "olive@chorley.example.gov.uk", username="olive"), "lead_officer"
    )
    hold(partnership, person("Len Link", "len@chorley.example.gov.uk"), "link_officer")
    hold(partnership, person("Hannah Head", "hannah@chorley.example.gov.uk"), "accountable_head_of_service")
    return partnership


def sent_to() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


def test_the_lead_officer_gets_one_email_listing_what_is_overdue_and_due_soon(csp):
    today = GOVERNANCE_DUE - timedelta(days=10)  # the report is months overdue, the governance check due soon
    summary = services.send_reminders(today, framework=loader.current())
    assert sent_to() == ["hannah@chorley.example.gov.uk", "olive@chorley.example.gov.uk"]
    olive = next(m for m in mail.outbox if m.to == ["olive@chorley.example.gov.uk"])
    assert olive.subject == "Chorley Council partnerships: 1 overdue, 1 due soon"
    assert "Report on the key partnership's performance to Executive Cabinet" in olive.body
    assert "Check partners' governance" in olive.body
    assert summary.sent == 2 and summary.reminders == 2 and summary.escalations == 1


def test_the_email_reads_plainly_with_links_clauses_and_the_council_name(csp, settings):
    settings.ACCORD_BASE_URL = "https://partnerships.chorley.example.gov.uk"
    services.send_reminders(REPORT_DUE + timedelta(days=3), framework=loader.current())
    (email,) = mail.outbox
    link = f"https://partnerships.chorley.example.gov.uk/partnerships/{csp.pk}/progress-reports/"
    assert email.to == ["olive@chorley.example.gov.uk"]
    assert email.body.startswith("Dear Olive Officer,\n\nThis is your daily reminder from Chorley Council's")
    assert "OVERDUE\n\n- Chorley Community Safety Partnership: Report on the key partnership's" in email.body
    assert "This was due 1 July 2026 (3 days overdue)." in email.body
    assert "Required by Key Partnerships Framework, Monitoring and review arrangements" in email.body
    assert link in email.body
    assert "&#39;" not in email.body and "&amp;" not in email.body  # plain text is not HTML-escaped
    assert "https://partnerships.chorley.example.gov.uk/my-work/" in email.body
    html, mimetype = email.alternatives[0]
    assert mimetype == "text/html"
    assert f'<a href="{link}">Chorley Community Safety Partnership: Report on the key partnership' in html
    assert "<h2>Overdue</h2>" in html and "Chorley Council" in html


def test_a_long_list_is_cut_short_in_the_email_and_the_rest_counted(db, monkeypatch):
    from accord.outputs.reminders import emails

    monkeypatch.setattr(emails, "MAX_LISTED", 2)
    olive = person("Olive Officer", "olive@chorley.example.gov.uk")
    for n in range(3):
        hold(key_partnership(f"Partnership {n}"), olive, "lead_officer")
    summary = services.send_reminders(REPORT_DUE + timedelta(days=1), framework=loader.current())
    (email,) = mail.outbox
    assert email.subject == "Chorley Council partnerships: 3 overdue"
    assert email.body.count("This was due 1 July 2026") == 2
    assert "And 1 more overdue: see them all in My work." in email.body
    assert "And 1 more: <a href=" in email.alternatives[0][0]
    assert summary.reminders == 3 and ReminderLog.objects.count() == 3  # all three are reminded


def test_the_head_of_service_is_told_exactly_fourteen_days_after_the_due_date_not_before(csp):
    services.send_reminders(REPORT_DUE + timedelta(days=13), framework=loader.current())
    assert sent_to() == ["olive@chorley.example.gov.uk"]
    mail.outbox.clear()
    services.send_reminders(REPORT_DUE + timedelta(days=14), framework=loader.current())
    assert sent_to() == ["hannah@chorley.example.gov.uk", "olive@chorley.example.gov.uk"]
    hannah = next(m for m in mail.outbox if m.to == ["hannah@chorley.example.gov.uk"])
    assert hannah.subject == "Chorley Council partnerships: 1 escalated to you"
    assert "ESCALATED TO YOU" in hannah.body
    assert "overdue for 14 days or more" in hannah.body
    assert "Reminded: Olive Officer." in hannah.body


def test_running_twice_in_a_day_sends_once_and_the_next_day_sends_again(csp):
    today = REPORT_DUE + timedelta(days=20)
    services.send_reminders(today, framework=loader.current())
    first = len(mail.outbox)
    again = services.send_reminders(today, framework=loader.current())
    assert len(mail.outbox) == first == 2
    assert again.sent == 0 and again.already_sent == 2
    services.send_reminders(today + timedelta(days=1), framework=loader.current())
    assert len(mail.outbox) == 4
    assert ReminderLog.objects.filter(sent_on=today).count() == 2


def test_a_run_overlapping_another_does_not_repeat_what_the_other_claimed(csp, monkeypatch):
    today = REPORT_DUE + timedelta(days=2)
    olive = "olive@chorley.example.gov.uk"
    real = services.plan_day

    def raced(day, dry_run=False, *, framework):
        summary, messages = real(
            day, dry_run, framework=framework
        )  # planned before the other run wrote its claim...
        ReminderLog.objects.create(
            email=olive,
            partnership=csp,
            item_key=REPORT,
            due_on=REPORT_DUE,
            kind="reminder",
            sent_on=day,
            run="other",
        )
        return summary, messages

    monkeypatch.setattr(services, "plan_day", raced)
    summary = services.send_reminders(today, framework=loader.current())
    assert mail.outbox == [] and summary.already_sent == 1
    assert ReminderLog.objects.get().run == "other"


def test_the_link_officer_is_reminded_when_there_is_no_lead_officer(db):
    partnership = key_partnership()
    hold(partnership, person("Len Link", "len@chorley.example.gov.uk"), "link_officer")
    hold(
        partnership,
        person("Former Lead", "former@chorley.example.gov.uk"),
        "lead_officer",
        end_date=date(2026, 3, 1),
    )
    services.send_reminders(REPORT_DUE + timedelta(days=1), framework=loader.current())
    assert sent_to() == ["len@chorley.example.gov.uk"]  # not the lead officer whose role has ended


def test_a_lead_officer_without_an_account_is_emailed_at_their_register_address(db):
    partnership = key_partnership()
    hold(partnership, person("Nora No-Account", "Nora@Chorley.example.gov.uk"), "lead_officer")
    services.send_reminders(REPORT_DUE + timedelta(days=1), framework=loader.current())
    assert sent_to() == ["nora@chorley.example.gov.uk"]
    log = ReminderLog.objects.get()
    assert log.recipient is None and log.person.name == "Nora No-Account"


def test_a_switched_off_account_is_not_emailed_and_the_link_officer_is(db):
    partnership = key_partnership()
    hold(
        partnership,
        person("Gone Officer", "gone@chorley.example.gov.uk", username="gone", is_active=False),
        "lead_officer",
    )
    hold(partnership, person("Len Link", "len@chorley.example.gov.uk"), "link_officer")
    services.send_reminders(REPORT_DUE + timedelta(days=1), framework=loader.current())
    assert sent_to() == ["len@chorley.example.gov.uk"]


def test_items_nobody_can_be_emailed_about_are_counted(db):
    key_partnership()
    summary = services.send_reminders(REPORT_DUE + timedelta(days=1), framework=loader.current())
    assert mail.outbox == [] and summary.unowned == 1
    assert "1 due or overdue item with no owner who can be emailed." in summary.lines()


def test_closed_partnerships_are_not_chased(csp):
    csp.status = "closed"
    csp.save()
    assert services.send_reminders(REPORT_DUE + timedelta(days=30), framework=loader.current()).sent == 0
    assert mail.outbox == []


def test_a_dry_run_sends_and_records_nothing(csp):
    summary = services.send_reminders(
        REPORT_DUE + timedelta(days=20), dry_run=True, framework=loader.current()
    )
    assert mail.outbox == [] and not ReminderLog.objects.exists()
    assert summary.messages == 2 and summary.escalations == 1
    assert summary.lines()[1] == "Would send 2 emails (1 reminder, 1 escalation)."


def test_an_email_that_cannot_be_sent_is_tried_again_next_run(csp, monkeypatch):
    from django.core.mail.backends.locmem import EmailBackend

    def broken(self, messages):
        raise ConnectionError("mail server down")

    today = REPORT_DUE + timedelta(days=2)
    monkeypatch.setattr(EmailBackend, "send_messages", broken)
    assert services.send_reminders(today, framework=loader.current()).failed == 1
    assert not ReminderLog.objects.exists()
    monkeypatch.undo()
    assert services.send_reminders(today, framework=loader.current()).sent == 1
    assert sent_to() == ["olive@chorley.example.gov.uk"]


def test_the_log_is_kept_for_a_year_and_a_month_then_pruned(csp):
    today = REPORT_DUE + timedelta(days=2)
    services.send_reminders(today, framework=loader.current())
    services.send_reminders(today + timedelta(days=400), framework=loader.current())
    assert set(ReminderLog.objects.values_list("sent_on", flat=True)) == {today, today + timedelta(days=400)}
    services.send_reminders(today + timedelta(days=401), framework=loader.current())
    assert today not in set(ReminderLog.objects.values_list("sent_on", flat=True))
