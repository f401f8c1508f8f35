from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "accord.outputs.public"
    verbose_name = "Published register and open data"
    default_auto_field = "django.db.models.BigAutoField"
