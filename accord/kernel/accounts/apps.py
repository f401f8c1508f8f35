from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accord.kernel.accounts"
    label = "accounts"
    verbose_name = "Accounts and roles"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the sign-in settings checks)
