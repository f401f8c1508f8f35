from django.apps import AppConfig


class TransferConfig(AppConfig):
    name = "accord.outputs.transfer"
    url_module = "accord.outputs.transfer.urls"  # collected by accord.site.urls
    verbose_name = "Import, export, backup and restore"
    default_auto_field = "django.db.models.BigAutoField"
