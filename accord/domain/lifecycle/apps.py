from django.apps import AppConfig


class LifecycleConfig(AppConfig):
    name = "accord.domain.lifecycle"
    verbose_name = "Partnership cycle"
    default_auto_field = "django.db.models.BigAutoField"
