from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "accord.domain.reviews"
    verbose_name = "Reviews and assurance ratings"
    default_auto_field = "django.db.models.BigAutoField"
