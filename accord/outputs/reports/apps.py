from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "accord.outputs.reports"
    url_module = "accord.outputs.reports.urls"  # collected by accord.site.urls
    verbose_name = "Reports to committees"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from accord.frameworks.offered_reports import register_reports
        from accord.frameworks.sources import register_council_source
        from accord.kernel.accounts.policy import Action
        from accord.register.tabs import Tab, register_tab

        from . import checks  # noqa: F401 - registers the deployment check that PDFs can be written
        from .council_evidence import IssuedReports
        from .offered import reports_offered

        register_council_source(IssuedReports)  # issued reports meet the council's own duties (ADR 0031)
        register_reports(reports_offered)  # the reports the Rulebook lists under each framework

        register_tab(Tab("pack", "Pack", "partnership-pack", Action.VIEW_MONITORING, order=50))
