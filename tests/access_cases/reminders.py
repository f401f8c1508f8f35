"""Access-test URL cases for accord.outputs.reminders (see tests/access_cases/__init__.py)."""

from django.urls import reverse


def cases(world) -> list[tuple[str, str, object]]:
    from accord.outputs.reminders import feeds

    # The feed authenticates by its secret token, so a real one is made for the officer.
    _, token = feeds.create_feed(world["person"].user)
    return [
        ("my-work", reverse("my-work"), None),
        ("calendar-feed", reverse("calendar-feed"), None),
        ("calendar-feed-revoke", reverse("calendar-feed-revoke"), None),
        ("calendar-feed-ics", reverse("calendar-feed-ics", args=[token]), None),
        ("council-calendar", reverse("council-calendar"), None),
        ("council-duties", reverse("council-duties"), None),
    ]
