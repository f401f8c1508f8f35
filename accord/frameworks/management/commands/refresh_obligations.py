"""accord refresh_obligations — work out every open partnership's obligations (run daily)."""

from django.core.management.base import BaseCommand

from accord.frameworks import loader, store


class Command(BaseCommand):
    help = "Work out every open partnership's obligation statuses under the council's framework (run daily)."

    def handle(self, *args, **options):
        framework = loader.current()
        count = store.refresh_all(framework=framework)
        self.stdout.write(
            f"Worked out {count:,} partnerships under {framework.id} version {framework.version}."
        )
