"""Managing one's calendar address (signed in), and the feed itself (public: the token in the
address is the authentication; a wrong or stopped one is "not found")."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from accord.frameworks import loader
from accord.kernel import clock

from .. import feeds, mywork


def calendar_feed(request: HttpRequest) -> HttpResponse:
    """GET: whether the person has a calendar address. POST: make a new one, shown only now."""
    user = request.user
    allowed = mywork.has_work(user)
    token = None
    if request.method == "POST" and allowed:
        _, token = feeds.create_feed(user)
    return render(
        request,
        "reminders/feed.html",
        {
            "allowed": allowed,
            "feed": feeds.active_feed(user) if allowed else None,
            "feed_url": request.build_absolute_uri(reverse("calendar-feed-ics", args=[token]))
            if token
            else "",
        },
        status=200 if allowed or request.method != "POST" else 403,
    )


def calendar_feed_revoke(request: HttpRequest) -> HttpResponse:
    """Stop the person's calendar address (after confirming)."""
    feed = feeds.active_feed(request.user)
    if request.method == "POST":
        if feeds.revoke_feeds(request.user):
            messages.success(
                request, "Your calendar address has been stopped. Calendars using it will no longer update."
            )
        return redirect("calendar-feed")
    return render(request, "reminders/feed_revoke.html", {"feed": feed})


@login_not_required
@require_safe
def calendar_feed_ics(request: HttpRequest, token: str) -> HttpResponse:
    feed = feeds.feed_for_token(token)
    if feed is None:
        raise Http404("No such calendar")
    framework = loader.for_request(request)
    work = mywork.work_for(feed.user, clock.today(), framework=framework)
    response = HttpResponse(
        feeds.calendar(feed.user, work, framework), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="partnership-work.ics"'
    response["Cache-Control"] = "private, no-store"
    return response
