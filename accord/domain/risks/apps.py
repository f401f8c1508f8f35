from django.apps import AppConfig


class RisksConfig(AppConfig):
    name = "accord.domain.risks"
    url_module = "accord.domain.risks.urls"  # collected by accord.site.urls
    verbose_name = "Joint risk registers"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from accord.frameworks.places import register_page
        from accord.frameworks.sources import register_source
        from accord.kernel.accounts.policy import Action
        from accord.register.tabs import Tab, register_tab

        from .evidence import RiskEvidence

        register_tab(Tab("risks", "Risks", "risks", Action.VIEW_RISKS, order=20))
        register_source(RiskEvidence)
        register_page("risks", obligations=("risk_register",))
