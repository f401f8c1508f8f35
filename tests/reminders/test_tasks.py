"""The daily job: the django.tasks task (run at once in tests), its rescheduling on the database
backend, and the send_reminders and schedule_reminders commands."""

from datetime import datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.tasks import TaskResultStatus

from accord.outputs.reminders import tasks
from accord.outputs.reminders.models import ReminderLog

from .factories import REPORT_DUE, hold, key_partnership, person

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def csp(db):
    partnership = key_partnership()
    hold(partnership, person("Olive Officer", "olive@chorley.example.gov.uk"), "lead_officer")
    return partnership


def test_the_daily_task_sends_the_days_reminders(csp):
    day = (REPORT_DUE + timedelta(days=1)).isoformat()
    result = tasks.send_daily_reminders.enqueue(day)
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value["emails"] == 1 and result.return_value["overdue"] == 1
    assert [m.to for m in mail.outbox] == [["olive@chorley.example.gov.uk"]]
    # The immediate backend cannot defer work: the task does not queue itself again.
    assert tasks.schedule(datetime(2026, 7, 2, 8, tzinfo=LONDON)) is None


def test_the_next_run_is_tomorrow_at_seven_or_today_if_seven_is_still_ahead(settings):
    assert tasks.next_run(datetime(2026, 7, 2, 8, 30, tzinfo=LONDON)) == datetime(
        2026, 7, 3, 7, tzinfo=LONDON
    )
    assert tasks.next_run(datetime(2026, 7, 2, 6, 0, tzinfo=LONDON)) == datetime(2026, 7, 2, 7, tzinfo=LONDON)
    settings.ACCORD_REMINDERS_AT = "18:45"
    assert tasks.next_run(datetime(2026, 7, 2, 8, 30, tzinfo=LONDON)) == datetime(
        2026, 7, 2, 18, 45, tzinfo=LONDON
    )


def test_on_the_database_backend_a_run_queues_tomorrows_once(settings, csp):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DATABASE_TASKS
    queued = tasks.schedule(datetime(2026, 7, 2, 8, tzinfo=LONDON))
    assert queued is not None and queued.task.run_after == datetime(2026, 7, 3, 7, tzinfo=LONDON)
    assert tasks.schedule(datetime(2026, 7, 2, 9, tzinfo=LONDON)) is None  # already waiting
    row = DBTaskResult.objects.get()
    assert row.task_path == "accord.outputs.reminders.tasks.send_daily_reminders" and row.status == "READY"


def test_schedule_reminders_says_when_the_next_run_is(settings):
    settings.TASKS = DATABASE_TASKS
    out = StringIO()
    call_command("schedule_reminders", stdout=out)
    assert "The daily reminders will next run at 07:00 on" in out.getvalue()
    out = StringIO()
    call_command("schedule_reminders", stdout=out)
    assert out.getvalue().strip() == "The daily reminders are already queued."


def test_schedule_reminders_explains_a_backend_that_cannot_queue_for_later():
    out = StringIO()
    call_command("schedule_reminders", stdout=out)
    assert "run accord send_reminders daily" in out.getvalue()


def test_the_command_sends_for_a_given_date_and_reports_what_it_did(csp):
    out = StringIO()
    call_command("send_reminders", "--date", (REPORT_DUE + timedelta(days=1)).isoformat(), stdout=out)
    assert "Sent 1 email (1 reminder, 0 escalations)." in out.getvalue()
    assert len(mail.outbox) == 1 and ReminderLog.objects.count() == 1


def test_a_dry_run_lists_who_would_be_emailed_and_sends_nothing(csp):
    out = StringIO()
    call_command(
        "send_reminders", "--dry-run", "--date", (REPORT_DUE + timedelta(days=20)).isoformat(), stdout=out
    )
    assert "Would send 1 email (1 reminder, 0 escalations)." in out.getvalue()
    assert "Olive Officer <olive@chorley.example.gov.uk>: 1 to remind, 0 escalated" in out.getvalue()
    assert mail.outbox == [] and not ReminderLog.objects.exists()


def test_the_command_refuses_a_date_it_cannot_read():
    with pytest.raises(CommandError, match="--date must be a date like 2026-11-21"):
        call_command("send_reminders", "--date", "21/11/2026")
