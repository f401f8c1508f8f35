"""Access-test URL cases for accord.kernel.accounts: single sign-on and the sign-in settings.

With single sign-on not set up (as in the access test), oidc-start and oidc-callback answer 404
for everyone; tests/accounts/ covers them with a provider running.
"""

from django.urls import reverse

from .answers import Answer

NOT_SET_UP = Answer(404)
ALLOWED_ANSWERS = {"oidc-start": NOT_SET_UP, "oidc-callback": NOT_SET_UP}


def cases(world) -> list[tuple[str, str, object]]:
    return [
        ("oidc-start", reverse("oidc-start"), None),
        ("oidc-callback", reverse("oidc-callback"), None),
        ("sign-in-settings", reverse("sign-in-settings"), None),
    ]
