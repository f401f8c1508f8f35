from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "accord.outputs.api"
    url_module = "accord.outputs.api.urls"  # collected by accord.site.urls
    verbose_name = "JSON API and personal API tokens"
    default_auto_field = "django.db.models.BigAutoField"
