from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "accord.site"
    label = "site"
    verbose_name = "The site"
