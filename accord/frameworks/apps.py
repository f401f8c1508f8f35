from django.apps import AppConfig


class FrameworksConfig(AppConfig):
    name = "accord.frameworks"
    url_module = "accord.frameworks.urls"  # collected by accord.site.urls
    label = "frameworks"
    verbose_name = "Partnership frameworks"

    def ready(self) -> None:
        from accord.register import offered_types, signals
        from accord.register.evidence import RoleEvidence

        from . import (
            checks_startup,  # noqa: F401 - registers the start-up check
            loader,
            services,
            sources,
            versions,
        )

        loader.set_chooser(versions.choose)  # which of several files defining one framework is in force
        # the register's forms offer the council framework's own partnership types
        offered_types.set_provider(lambda: services.offered_types(loader.current()))
        sources.register_source(RoleEvidence)  # the register's roles: it cannot register with the frameworks

        signals.partnerships_created.connect(services.on_partnerships_created, dispatch_uid="frameworks")
        signals.partnerships_changed.connect(services.on_partnerships_changed, dispatch_uid="frameworks")
