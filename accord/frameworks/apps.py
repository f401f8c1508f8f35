from django.apps import AppConfig


class FrameworksConfig(AppConfig):
    name = "accord.frameworks"
    label = "frameworks"
    verbose_name = "Partnership frameworks"

    def ready(self) -> None:
        from accord.register import signals

        from . import (
            checks_startup,  # noqa: F401 - registers the start-up check
            services,
        )

        signals.partnerships_created.connect(services.on_partnerships_created, dispatch_uid="frameworks")
        signals.partnerships_changed.connect(services.on_partnerships_changed, dispatch_uid="frameworks")
