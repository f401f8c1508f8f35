from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "accord.domain.monitoring"
    verbose_name = "Performance monitoring and progress reports"
    default_auto_field = "django.db.models.BigAutoField"
