from django.apps import AppConfig


class FrameworksConfig(AppConfig):
    name = "accord.frameworks"
    label = "frameworks"
    verbose_name = "Partnership frameworks"
