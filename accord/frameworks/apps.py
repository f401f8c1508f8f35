from django.apps import AppConfig


class FrameworksConfig(AppConfig):
    name = "accord.frameworks"
    label = "frameworks"
    verbose_name = "Partnership frameworks"

    def ready(self) -> None:
        from . import checks_startup  # noqa: F401 - registers the start-up check
