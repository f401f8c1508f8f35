from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "accord.outputs.reminders"
    verbose_name = "Schedule, reminders and calendars"
    default_auto_field = "django.db.models.BigAutoField"
