"""URLs of accounts: signing in (with a password or the council's OIDC provider) and out."""

from django.urls import path

from accord.kernel.ui.ratelimits import limit_sign_in

from . import views
from .oidc import views as oidc

partnership_urls: list = []

site_urls = [
    path("sign-in/", limit_sign_in(views.SignInView.as_view()), name="sign-in"),
    path("sign-in/oidc/start/", oidc.oidc_start, name="oidc-start"),
    path("sign-in/oidc/callback/", oidc.oidc_callback, name="oidc-callback"),
    path("sign-in/settings/", views.sign_in_settings, name="sign-in-settings"),
    path("sign-out/", views.SignOutView.as_view(), name="sign-out"),
]
