"""accord schedule_reminders — queue the daily reminders task (it then re-queues itself each day)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from accord.kernel import clock
from accord.outputs.reminders import tasks


class Command(BaseCommand):
    help = (
        "Queue the daily reminders for their next run time (ACCORD_REMINDERS_AT, 07:00 by default) unless "
        "a run is already queued. A worker (accord db_worker) runs it; each run queues the next."
    )

    def handle(self, *args, **options):
        if tasks.waiting():
            self.stdout.write("The daily reminders are already queued.")
            return
        result = tasks.schedule(clock.now())
        if result is None:
            self.stdout.write(
                "This task backend cannot queue work for later: run accord send_reminders daily."
            )
            return
        when = timezone.localtime(result.task.run_after)
        self.stdout.write(f"The daily reminders will next run at {when:%H:%M on %-d %B %Y}.")
