"""URLs of accord.outputs.reminders: My work, calendar addresses and their feeds, the council calendar
and the council duties."""

from django.urls import path

from .views import calendar, duties, feeds, work

partnership_urls: list = []

site_urls = [
    path("my-work/", work.my_work, name="my-work"),
    path("my-work/calendar/", feeds.calendar_feed, name="calendar-feed"),
    path("my-work/calendar/stop/", feeds.calendar_feed_revoke, name="calendar-feed-revoke"),
    path("calendar/feed/<str:token>.ics", feeds.calendar_feed_ics, name="calendar-feed-ics"),
    path("calendar/", calendar.council_calendar, name="council-calendar"),
    path("council-duties/", duties.council_duties, name="council-duties"),
]
