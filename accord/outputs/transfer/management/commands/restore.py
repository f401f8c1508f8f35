"""`accord restore FILE`: rebuild an empty installation from a backup (docs/backup.md)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from accord.outputs.transfer.backup_archive import BackupError
from accord.outputs.transfer.backup_restore import restore_backup


class Command(BaseCommand):
    help = (
        "Rebuild this installation from a backup made by `accord backup`. The installation must be "
        "migrated and empty, unless --replace is given. Stop Accord (web and worker) first."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The backup archive to restore.")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Delete everything in this installation (records and uploaded files) and put the backup "
            "in its place.",
        )
        parser.add_argument(
            "--database", default="default", help="The database to restore (default: default)."
        )

    def handle(self, *args, file, replace=False, database="default", **options):
        try:
            summary = restore_backup(Path(file), replace=replace, using=database)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        for warning in summary.warnings:
            self.stderr.write(self.style.WARNING(f"Note: {warning}"))
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {summary.rows} records ({summary.models} kinds) and {summary.uploads} uploaded "
                f"files from the backup made at {summary.created_at}. Everyone must sign in again."
            )
        )
