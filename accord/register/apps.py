from django.apps import AppConfig


class RegisterConfig(AppConfig):
    name = "accord.register"
    url_module = "accord.register.urls"  # collected by accord.site.urls
    label = "register"
    verbose_name = "Partnership register"

    def ready(self) -> None:
        from accord.kernel.accounts.policy import Action

        from .tabs import Tab, register_tab

        register_tab(Tab("record", "Record", "partnership", None, order=0))
        register_tab(Tab("history", "History", "partnership-history", Action.VIEW_HISTORY, order=100))
