"""System checks for sign-in settings, so a mistake shows at `accord check`, not on the sign-in page."""

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from accord.kernel.accounts.oidc.config import oidc_config


@checks.register(checks.Tags.security)
def single_sign_on_settings(app_configs, **kwargs) -> list[checks.CheckMessage]:
    try:
        config = oidc_config()
    except ImproperlyConfigured as exc:
        return [checks.Error(str(exc), id="accord.E101")]
    if config is None:
        return []
    problems = []
    if not config.client_id or not config.client_secret:
        problems.append(
            checks.Error(
                "Single sign-on needs ACCORD_OIDC_CLIENT_ID and ACCORD_OIDC_CLIENT_SECRET as well as "
                "ACCORD_OIDC_ISSUER.",
                id="accord.E102",
            )
        )
    if not config.role_map:
        problems.append(
            checks.Error(
                "ACCORD_OIDC_ROLE_MAP is empty, so nobody could sign in with single sign-on.",
                id="accord.E103",
            )
        )
    if not config.issuer.startswith("https://") and not settings.DEBUG and not settings.TESTING:
        problems.append(checks.Error("ACCORD_OIDC_ISSUER must be an https:// address.", id="accord.E104"))
    return problems
