from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accord.kernel.accounts"
    url_module = "accord.kernel.accounts.urls"  # collected by accord.site.urls
    label = "accounts"
    verbose_name = "Accounts and roles"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the sign-in settings checks)
