from django.apps import AppConfig


class UiConfig(AppConfig):
    name = "accord.kernel.ui"
    label = "ui"
    verbose_name = "Pages and components"
