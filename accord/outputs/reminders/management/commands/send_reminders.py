"""accord send_reminders — email owners what is due soon and overdue, and escalate (run daily)."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from accord.frameworks import loader
from accord.kernel import clock
from accord.outputs.reminders import services


class Command(BaseCommand):
    help = (
        "Email each owner their partnership obligations and review actions due soon and overdue, and "
        "the accountable Head of Service those overdue past the framework's limit. Never sends the same "
        "reminder twice in a day."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="list what would be sent; send nothing")
        parser.add_argument("--date", help="the day to send for, as YYYY-MM-DD (default: today)")

    def handle(self, *args, **options):
        try:
            today = date.fromisoformat(options["date"]) if options["date"] else clock.today()
        except ValueError as error:
            raise CommandError(f"--date must be a date like 2026-11-21, not {options['date']!r}") from error
        summary = services.send_reminders(today, dry_run=options["dry_run"], framework=loader.current())
        for line in summary.lines():
            self.stdout.write(line)
        if options["dry_run"]:
            for message in summary.planned:
                self.stdout.write(
                    f"  {message.recipient.name} <{message.recipient.email}>: "
                    f"{len(message.reminders)} to remind, {len(message.escalations)} escalated"
                )
