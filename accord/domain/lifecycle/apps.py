from django.apps import AppConfig


class LifecycleConfig(AppConfig):
    name = "accord.domain.lifecycle"
    verbose_name = "Partnership cycle"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from accord.register import signals

        from . import services

        signals.partnerships_created.connect(services.on_partnerships_created, dispatch_uid="lifecycle")
