from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate


def guard_append_only_tables(sender, using, **kwargs) -> None:
    """After every migrate (and flush), every append-only table that exists refuses changes and
    deletes in the database, with the message of today's models (accord.kernel.audit.guard)."""
    from . import guard

    guard.install(connections[using])


class AuditConfig(AppConfig):
    name = "accord.kernel.audit"
    label = "audit"
    verbose_name = "History"

    def ready(self) -> None:
        # Sent once per app; the audit app's signal is enough, as the guard covers every app.
        post_migrate.connect(guard_append_only_tables, sender=self, dispatch_uid="accord.audit.guard")
