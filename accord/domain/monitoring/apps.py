from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "accord.domain.monitoring"
    url_module = "accord.domain.monitoring.urls"  # collected by accord.site.urls
    verbose_name = "Performance monitoring and progress reports"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from accord.frameworks.places import register_page
        from accord.frameworks.sources import register_source
        from accord.kernel.accounts.policy import Action
        from accord.register.tabs import Tab, register_tab

        from .evidence import MonitoringEvidence

        register_tab(Tab("performance", "Performance", "performance", Action.VIEW_MONITORING, order=30))
        register_source(MonitoringEvidence)
        # The framework's monitoring records that meet an artefact -> the page where they are kept.
        register_page("progress-reports", records=("progress_report",))
        register_page("performance", records=("period_values",))
        register_page("exception-report", records=("exception_report",))
        register_page("delivery-plan", records=("delivery_plan",))
