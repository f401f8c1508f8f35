"""Rate limits on sign-in attempts, per client address (django-ratelimit, counted in the shared cache).

This sits in front of django-axes: axes locks one account at one address after a few failures;
this limit stops one address trying many accounts. The rate is read from settings on every
request (ACCORD_SIGNIN_RATE, e.g. "30/m"; None switches the limit off).
"""

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import render
from django_ratelimit.core import is_ratelimited

from .security import address_key

SIGN_IN_GROUP = "accord.sign-in"
SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def sign_in_rate(group: str, request: HttpRequest) -> str | None:
    return getattr(settings, "ACCORD_SIGNIN_RATE", None) or None


def wait_seconds(rate: str | None) -> int:
    """How long the limit's window lasts, to tell people (and Retry-After) how long to wait."""
    if not rate or "/" not in rate:
        return 60
    period = rate.split("/", 1)[1]
    unit = period[-1:]
    count = period[:-1]
    return (int(count) if count.isdigit() else 1) * SECONDS.get(unit, 60)


def in_words(seconds: int) -> str:
    """A wait in words: 1 minute, 15 minutes, 1 hour, 2 days."""
    for unit, size in (("day", 86400), ("hour", 3600)):
        if seconds >= size:
            count = round(seconds / size)
            return f"{count} {unit}{'s' if count != 1 else ''}"
    minutes = max(1, round(seconds / 60))
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


def too_many_requests(request: HttpRequest, rate: str | None) -> HttpResponse:
    seconds = wait_seconds(rate)
    response = render(request, "errors/429.html", {"wait": in_words(seconds)}, status=429)
    response["Retry-After"] = str(seconds)
    return response


def limit_sign_in(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Refuse sign-in attempts (POSTs) from an address that has made too many, with a 429 page."""

    @wraps(view)
    def limited(request: HttpRequest, *args, **kwargs) -> HttpResponseBase:
        if is_ratelimited(
            request,
            group=SIGN_IN_GROUP,
            key=address_key,
            rate=sign_in_rate,
            method="POST",
            increment=True,
        ):
            return too_many_requests(request, sign_in_rate(SIGN_IN_GROUP, request))
        return view(request, *args, **kwargs)

    return limited
