from django.apps import AppConfig


class LifecycleConfig(AppConfig):
    name = "accord.domain.lifecycle"
    url_module = "accord.domain.lifecycle.urls"  # collected by accord.site.urls
    verbose_name = "Partnership cycle"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from accord.frameworks.sources import register_source
        from accord.kernel.accounts.policy import Action
        from accord.register import signals
        from accord.register.tabs import Tab, register_tab

        from . import first_state
        from .evidence import LifecycleEvidence

        register_tab(Tab("cycle", "Partnership cycle", "cycle", Action.VIEW_CYCLE, order=10))
        register_source(LifecycleEvidence)

        signals.partnerships_created.connect(first_state.on_partnerships_created, dispatch_uid="lifecycle")
