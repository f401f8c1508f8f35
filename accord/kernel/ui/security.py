"""Security plumbing shared by the pages and the API: the client's real address, and extra headers.

Behind a reverse proxy every request arrives from the proxy, so REMOTE_ADDR alone would put every
user in one bucket for rate limits and sign-in lockouts. When ACCORD_TRUSTED_PROXIES says how many
proxies stand in front of Accord, the client is the address that the outermost of them added to
X-Forwarded-For; with no trusted proxies X-Forwarded-For is ignored, since anyone can send it.
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

# Browser features no page of Accord uses, switched off for every page (Permissions-Policy).
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "usb",
    )
)


def client_address(request: HttpRequest) -> str:
    """The address of the person's machine, trusting X-Forwarded-For only as far as configured."""
    remote = request.META.get("REMOTE_ADDR") or "0.0.0.0"
    proxies = int(getattr(settings, "ACCORD_TRUSTED_PROXIES", 0) or 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies <= 0 or not forwarded:
        return remote
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    if not hops:
        return remote
    # Each trusted proxy appends the address it saw; the client is `proxies` places from the end.
    return hops[-min(proxies, len(hops))]


def address_key(group: str, request: HttpRequest) -> str:
    """django-ratelimit's key: the client address (its own 'ip' key only knows REMOTE_ADDR)."""
    return client_address(request)


class SecurityHeadersMiddleware:
    """Adds the headers Django has no setting for: Permissions-Policy."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
