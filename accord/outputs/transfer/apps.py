from django.apps import AppConfig


class TransferConfig(AppConfig):
    name = "accord.outputs.transfer"
    verbose_name = "Import, export, backup and restore"
    default_auto_field = "django.db.models.BigAutoField"
