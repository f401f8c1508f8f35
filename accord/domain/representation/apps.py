from django.apps import AppConfig


class RepresentationConfig(AppConfig):
    name = "accord.domain.representation"
    url_module = "accord.domain.representation.urls"  # collected by accord.site.urls
    verbose_name = "Outside-body duties of representatives"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from accord.frameworks.places import register_page
        from accord.frameworks.sources import register_source
        from accord.kernel.accounts.policy import Action
        from accord.register.tabs import Tab, register_tab

        from .evidence import RepresentationEvidence

        register_tab(
            Tab("representatives", "Representatives", "representatives", Action.VIEW_MONITORING, order=60)
        )
        register_source(RepresentationEvidence)
        register_page("representatives", obligations=("report_back",))
