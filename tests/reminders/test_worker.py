"""The reminders task run by a real django-tasks-db worker, with real commits.

The worker closes its database connection when it stops, which would end a test's wrapping
transaction, so these tests commit for real and Django empties the database afterwards. The
append-only history triggers would refuse that, so they are lifted before the flush and put
back after it. The module deliberately carries no ``django_db`` mark: a mark makes pytest-django
set its database fixture up first and so flush last, after the triggers are back.
"""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection

from accord.kernel.audit import guard
from accord.outputs.reminders import tasks
from tests import factories as f

from .factories import JOINED, REPORT_DUE, hold, key_partnership, person

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def guard_restored(django_db_blocker):
    """Set up before Django's database fixture, so torn down after its flush."""
    yield
    with django_db_blocker.unblock():
        guard.install(connection)


@pytest.fixture
def committed(guard_restored, transactional_db, settings):
    """A key partnership with a lead officer, committed, and the database task backend."""
    f.track_from(JOINED)
    partnership = key_partnership()
    hold(partnership, person("Olive Officer", "olive@chorley.example.gov.uk"), "lead_officer")
    settings.TASKS = DATABASE_TASKS
    yield partnership
    guard.remove(connection)


def run_worker():
    call_command(
        "db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=StringIO(), stderr=StringIO()
    )


def test_a_worker_running_the_queued_task_sends_and_queues_the_next(committed):
    from django_tasks_db.models import DBTaskResult

    tasks.send_daily_reminders.enqueue((REPORT_DUE + timedelta(days=1)).isoformat())
    run_worker()
    assert [m.to for m in mail.outbox] == [["olive@chorley.example.gov.uk"]]
    statuses = sorted(DBTaskResult.objects.values_list("status", flat=True))
    assert statuses == ["READY", "SUCCESSFUL"]  # the run, and tomorrow's waiting


def test_a_run_that_fails_still_queues_tomorrows(committed, monkeypatch):
    from django_tasks_db.models import DBTaskResult

    from accord.outputs.reminders import services

    def broken(today, dry_run=False, *, framework):
        raise RuntimeError("database went away")

    monkeypatch.setattr(services, "send_reminders", broken)
    tasks.send_daily_reminders.enqueue()
    run_worker()
    assert sorted(DBTaskResult.objects.values_list("status", flat=True)) == ["FAILED", "READY"]


def history_triggers() -> set[str]:
    query = {
        "sqlite": "SELECT name FROM sqlite_master WHERE type = 'trigger'",
        "postgresql": "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal",
    }[connection.vendor]
    with connection.cursor() as cursor:
        cursor.execute(query)
        return {name for (name,) in cursor.fetchall()}


def test_the_history_triggers_are_back_for_the_next_test(db):
    """Runs after the worker tests in this module: the guard must be in force again."""
    names = history_triggers()
    for table in guard.tables():
        assert any(name.startswith(table) for name in names), table
