from django.apps import AppConfig


class RepresentationConfig(AppConfig):
    name = "accord.domain.representation"
    verbose_name = "Outside-body duties of representatives"
    default_auto_field = "django.db.models.BigAutoField"
