from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "accord.outputs.reports"
    verbose_name = "Reports to committees"
    default_auto_field = "django.db.models.BigAutoField"
