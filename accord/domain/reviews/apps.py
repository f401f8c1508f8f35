from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "accord.domain.reviews"
    url_module = "accord.domain.reviews.urls"  # collected by accord.site.urls
    verbose_name = "Reviews and assurance ratings"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from accord.frameworks.places import register_page
        from accord.frameworks.sources import register_source
        from accord.kernel.accounts.policy import Action
        from accord.register.tabs import Tab, register_tab

        from .evidence import ReviewEvidence

        register_tab(Tab("reviews", "Reviews", "reviews", Action.VIEW_MONITORING, order=40))
        register_source(ReviewEvidence)
        # Reviews are carried out here (with a decision and a rating), not in the cycle.
        register_page("reviews", obligations=("review",), artefact_kinds=("review",))
