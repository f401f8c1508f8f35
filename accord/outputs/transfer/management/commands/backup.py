"""`accord backup FILE`: write the whole installation to one archive (docs/backup.md)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from accord.outputs.transfer.backup import create_backup
from accord.outputs.transfer.backup_archive import BackupError


class Command(BaseCommand):
    help = (
        "Write the whole database, the uploaded files and the framework files to one zip archive, "
        "with a manifest of what is inside. Restore it with `accord restore FILE`."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The archive to write, for example accord-2026-05-01.zip.")
        parser.add_argument("--force", action="store_true", help="Replace FILE if it already exists.")
        parser.add_argument(
            "--database", default="default", help="The database to back up (default: default)."
        )

    def handle(self, *args, file, force=False, database="default", **options):
        try:
            summary = create_backup(Path(file), force=force, using=database)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up {summary.rows} records ({summary.models} kinds), {summary.uploads} uploaded "
                f"files and {summary.frameworks} framework files to {summary.path} "
                f"({summary.size / 1024 / 1024:.1f} MB)."
            )
        )
