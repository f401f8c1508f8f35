"""The URL map: the site's own pages, then every app's URLs, collected from the app configs.

An app says where its URLs are with `url_module` on its AppConfig; that module has `partnership_urls`
(under /partnerships/) and `site_urls` (from the root), either may be missing. The order the apps are
collected in does not matter: no app's pattern matches another app's URL (the register's generic child
URLs match only its own kinds of child; tests/test_url_map.py resolves every URL in several orders).
"""

from collections.abc import Iterable
from importlib import import_module

from django.apps import AppConfig, apps
from django.urls import URLPattern, URLResolver, include, path

from accord.site.views import home, partnership, setup

handler400 = "accord.kernel.ui.views.bad_request"
handler403 = "accord.kernel.ui.views.permission_denied"
handler404 = "accord.kernel.ui.views.page_not_found"
handler500 = "accord.kernel.ui.views.server_error"

Patterns = list[URLPattern | URLResolver]


def url_modules(configs: Iterable[AppConfig]) -> list:
    """The URL modules of the apps that have one (`url_module` on their AppConfig), in the given order."""
    return [import_module(name) for c in configs if (name := getattr(c, "url_module", None))]


def build(configs: Iterable[AppConfig]) -> Patterns:
    """The site's URL patterns with the apps' URLs collected in the order of `configs`."""
    modules = url_modules(configs)
    partnership_urls = [
        path("new/", partnership.partnership_create, name="partnership-create"),
        path("<int:pk>/", partnership.partnership_detail, name="partnership"),
        *(p for m in modules for p in getattr(m, "partnership_urls", [])),
    ]
    return [
        path("", home.home, name="home"),
        path("setup/", setup.setup, name="setup"),
        path("partnerships/", include(partnership_urls)),
        *(p for m in modules for p in getattr(m, "site_urls", [])),
    ]


urlpatterns = build(apps.get_app_configs())
