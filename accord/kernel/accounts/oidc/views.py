"""The two addresses of single sign-on: start (off to the provider) and callback (back from it).

Start is a plain GET link, not a form: a form's POST answered by a redirect to another origin
would be blocked by the Content Security Policy's form-action.
"""

import logging

from django.conf import settings
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import client, users
from .config import oidc_config
from .local_sign_in import SESSION_KEY

log = logging.getLogger("accord.kernel.accounts.oidc")

BACKEND = "accord.kernel.accounts.backends.UsernameOrEmailBackend"  # loads the user on later requests
NEXT_KEY = "accord_oidc_next"


def _config():
    config = oidc_config()
    if config is None:
        raise Http404("Single sign-on is not set up")
    return config


def _could_not_sign_in(request: HttpRequest, failure: client.SignInFailed) -> HttpResponse:
    log.warning("Single sign-on failed: %s", failure.reason)
    status = 502 if failure.unreachable else 400
    context = {"unreachable": failure.unreachable}
    return render(request, "accounts/sso_failed.html", context, status=status)


@login_not_required
@require_GET
@never_cache
def oidc_start(request: HttpRequest) -> HttpResponse:
    config = _config()
    next_url = request.GET.get("next", "")
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        request.session[NEXT_KEY] = next_url
    else:
        request.session.pop(NEXT_KEY, None)
    try:
        return client.start(request, config, request.build_absolute_uri(reverse("oidc-callback")))
    except client.SignInFailed as failure:
        return _could_not_sign_in(request, failure)


@login_not_required
@require_GET
@never_cache
def oidc_callback(request: HttpRequest) -> HttpResponse:
    config = _config()
    try:
        claims = client.finish(request, config)
        user = users.user_for_claims(config, claims)
    except client.SignInFailed as failure:
        return _could_not_sign_in(request, failure)
    except users.Refused as refusal:
        log.warning("Single sign-on refused for subject %r: %s", claims.get("sub"), refusal.reason)
        return render(request, "accounts/sso_refused.html", status=403)
    next_url = request.session.pop(NEXT_KEY, "")
    login(request, user, backend=BACKEND)
    request.session[SESSION_KEY] = "oidc"
    log.info("Signed in through single sign-on: user %s (%s)", user.pk, user.role)
    return redirect(next_url or settings.LOGIN_REDIRECT_URL)
