from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "accord.outputs.reminders"
    url_module = "accord.outputs.reminders.urls"  # collected by accord.site.urls
    verbose_name = "Schedule, reminders and calendars"
    default_auto_field = "django.db.models.BigAutoField"
