from django.core.management.base import BaseCommand

from accord.register.models import Partnership
from accord.site.demo import DEMO_PASSWORD, demo_accounts, load_demo


class Command(BaseCommand):
    help = "Load the demo council (fictional people; Chorley's published key partnerships and more)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty", action="store_true", help="Only load if the register has no partnerships."
        )

    def handle(self, *args, if_empty=False, **options):
        if Partnership.objects.exists():
            if if_empty:
                self.stdout.write("The register already has partnerships; the demo council was not loaded.")
            else:
                self.stderr.write(
                    "The register already has partnerships. Use an empty database for the demo."
                )
                raise SystemExit(1)
        else:
            counts = load_demo()
            self.stdout.write(
                self.style.SUCCESS(
                    f"Loaded the demo council: {counts['partnerships']} partnerships, "
                    f"{counts['organisations']} organisations, {counts['people']} people."
                )
            )
        self.stdout.write(f"\nDemo sign-in accounts (password for each: {DEMO_PASSWORD})")
        for username, role, name in demo_accounts():
            self.stdout.write(f"  {username:<10} {role:<22} {name}")
        self.stdout.write("\nOpen http://127.0.0.1:8000 and sign in with one of these.\n")
