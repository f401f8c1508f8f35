from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AuditConfig(AppConfig):
    name = "accord.kernel.audit"
    label = "audit"
    verbose_name = "History"

    def ready(self) -> None:
        from . import guard

        # Sent once per app; the audit app's signal is enough, as the guard covers every app.
        post_migrate.connect(guard.after_migrate, sender=self, dispatch_uid="accord.audit.guard")
