"""API rate limits with django-ninja's throttling, counted in the shared cache (ADR 0017).

- With a valid token: ACCORD_API_RATE requests per token user (default "600/m").
- Without one (no token, or a wrong one): ACCORD_API_ANON_RATE per client address (default "60/m").

Ninja checks throttles only after authentication succeeds, so a request with a wrong token would
never be counted; `PersonalToken` here counts failed authentications against the address instead,
which is what slows down anyone guessing tokens. Rates are read from settings on every request,
so tests and deployments can change them; None switches a limit off.
"""

from django.conf import settings
from django.http import HttpRequest
from ninja.errors import Throttled
from ninja.throttling import SimpleRateThrottle

from accord.kernel.ui.security import client_address

from . import auth


class _SettingsRate(SimpleRateThrottle):
    setting = ""

    def __init__(self) -> None:
        super().__init__(rate="1/s")  # replaced on every request by the setting's current value

    def allow_request(self, request: HttpRequest) -> bool:
        self.rate = getattr(settings, self.setting, None) or None
        if self.rate is None:
            return True
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)


class TokenUserThrottle(_SettingsRate):
    """Requests made with a token, counted per user who owns it (all their tokens together)."""

    scope = "api-user"
    setting = "ACCORD_API_RATE"

    def get_cache_key(self, request: HttpRequest) -> str | None:
        user = getattr(request, "auth", None)
        if user is None:
            return None
        return self.cache_format % {"scope": self.scope, "ident": user.pk}


class AddressThrottle(_SettingsRate):
    """Requests without a valid token, counted per client address."""

    scope = "api-anon"
    setting = "ACCORD_API_ANON_RATE"

    def get_cache_key(self, request: HttpRequest) -> str | None:
        if getattr(request, "auth", None) is not None:
            return None
        return self.cache_format % {"scope": self.scope, "ident": client_address(request)}


class PersonalToken(auth.PersonalToken):
    """The personal token check, with failed attempts counted against the caller's address.

    (Named as its parent, since the class name is the security scheme's name in the OpenAPI.)"""

    def __call__(self, request: HttpRequest):
        user = super().__call__(request)
        if not user:
            throttle = AddressThrottle()
            if not throttle.allow_request(request):
                raise Throttled(wait=throttle.wait())
        return user


def throttles() -> list[SimpleRateThrottle]:
    return [AddressThrottle(), TokenUserThrottle()]
