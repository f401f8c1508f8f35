from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "accord.outputs.public"
    url_module = "accord.outputs.public.urls"  # collected by accord.site.urls
    verbose_name = "Published register and open data"
    default_auto_field = "django.db.models.BigAutoField"
