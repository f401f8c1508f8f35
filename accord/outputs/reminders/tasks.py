"""The daily reminders job, as a django.tasks task (ADR 0009).

`send_daily_reminders` sends today's reminders and then enqueues itself for tomorrow at
`ACCORD_REMINDERS_AT` (local time), so one `accord schedule_reminders` starts a chain that a worker
(`accord db_worker`) keeps running. The chain is guarded against doubling: a run is queued only
when none is already waiting. Backends that cannot defer a task (the immediate backend used in
tests) run it once and leave the scheduling to the caller.
"""

from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.tasks import task
from django.utils import timezone

from accord.frameworks import loader
from accord.kernel import clock

from . import services

RUN_AT = time(7, 0)


def run_time() -> time:
    try:
        hours, minutes = (int(part) for part in settings.ACCORD_REMINDERS_AT.split(":"))
        return time(hours, minutes)
    except (ValueError, AttributeError):
        return RUN_AT


def next_run(now: datetime) -> datetime:
    """The next daily run after `now`: tomorrow at the configured time, or today if that is still ahead."""
    local = timezone.localtime(now)
    today_at = timezone.make_aware(datetime.combine(local.date(), run_time()))
    return (
        today_at
        if today_at > local
        else timezone.make_aware(datetime.combine(local.date() + timedelta(days=1), run_time()))
    )


@task
def send_daily_reminders(day: str | None = None, reschedule: bool = True) -> dict:
    """Send the reminders for `day` (ISO date; today by default), then queue tomorrow's run."""
    today = date.fromisoformat(day) if day else clock.today()
    try:
        summary = services.send_reminders(today, framework=loader.current())
    finally:
        if reschedule:  # even after a failure, so one bad day does not stop the reminders for good
            schedule(clock.now())
    return summary.as_dict()


def waiting() -> bool:
    """Whether a daily run is already queued (on the database backend)."""
    from django_tasks_db.backend import DatabaseBackend

    if not isinstance(send_daily_reminders.get_backend(), DatabaseBackend):
        return False
    from django.tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        task_path=send_daily_reminders.module_path, status=TaskResultStatus.READY
    ).exists()


def schedule(now: datetime):
    """Queue the next daily run unless one is waiting; None where the backend cannot defer tasks."""
    if not send_daily_reminders.get_backend().supports_defer or waiting():
        return None
    return send_daily_reminders.using(run_after=next_run(now)).enqueue()
