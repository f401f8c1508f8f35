from django.apps import AppConfig


class RisksConfig(AppConfig):
    name = "accord.domain.risks"
    verbose_name = "Joint risk registers"
    default_auto_field = "django.db.models.BigAutoField"
