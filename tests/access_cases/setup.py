"""The administrators' set-up task list (accord.site.views.setup)."""

from django.urls import reverse


def cases(world) -> list[tuple[str, str, object]]:
    return [("setup", reverse("setup"), None)]
