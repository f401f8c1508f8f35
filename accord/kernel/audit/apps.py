from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "accord.kernel.audit"
    label = "audit"
    verbose_name = "History"
