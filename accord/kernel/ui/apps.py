from django.apps import AppConfig


class UiConfig(AppConfig):
    name = "accord.kernel.ui"
    url_module = "accord.kernel.ui.urls"  # collected by accord.site.urls
    label = "ui"
    verbose_name = "Pages and components"
