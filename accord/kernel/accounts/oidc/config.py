"""Single sign-on settings, read from accord.settings (ACCORD_OIDC_*) and checked once."""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from accord.kernel.accounts.models import Role

# When a person holds several mapped roles, the first of these wins.
PRECEDENCE = [role.value for role in Role]


@dataclass(frozen=True)
class OidcConfig:
    issuer: str
    client_id: str
    client_secret: str
    scopes: str
    role_claim: str
    role_map: tuple[tuple[str, str], ...]  # (value in the role claim, Accord role)
    label: str

    @property
    def discovery_url(self) -> str:
        return self.issuer.rstrip("/") + "/.well-known/openid-configuration"

    def role_for(self, claimed: object) -> str | None:
        """The Accord role the claimed values map to (highest in PRECEDENCE), or None."""
        values = (
            {claimed}
            if isinstance(claimed, str)
            else set(claimed or [])
            if isinstance(claimed, list)
            else set()
        )
        mapped = {role for value, role in self.role_map if value in values}
        return next((role for role in PRECEDENCE if role in mapped), None)


def parse_role_map(text: str) -> tuple[tuple[str, str], ...]:
    """ "Accord.Officer=officer, Accord.Admin=administrator" -> (("Accord.Officer", "officer"), ...)."""
    pairs = []
    for item in text.split(","):
        if not item.strip():
            continue
        value, sep, role = item.rpartition("=")
        value, role = value.strip(), role.strip()
        if not sep or not value or role not in PRECEDENCE:
            raise ImproperlyConfigured(
                f"ACCORD_OIDC_ROLE_MAP: {item.strip()!r} must be 'provider role=Accord role', "
                f"the Accord role one of {', '.join(PRECEDENCE)}."
            )
        pairs.append((value, role))
    return tuple(pairs)


def oidc_config() -> OidcConfig | None:
    """The single sign-on configuration, or None when it is not set up (no issuer)."""
    issuer = getattr(settings, "ACCORD_OIDC_ISSUER", "")
    if not issuer:
        return None
    scopes = settings.ACCORD_OIDC_SCOPES
    if "openid" not in scopes.split():
        raise ImproperlyConfigured("ACCORD_OIDC_SCOPES must include 'openid'.")
    return OidcConfig(
        issuer=issuer,
        client_id=settings.ACCORD_OIDC_CLIENT_ID,
        client_secret=settings.ACCORD_OIDC_CLIENT_SECRET,
        scopes=scopes,
        role_claim=settings.ACCORD_OIDC_ROLE_CLAIM,
        role_map=parse_role_map(settings.ACCORD_OIDC_ROLE_MAP),
        label=settings.ACCORD_OIDC_LABEL,
    )


def sso_enabled() -> bool:
    return oidc_config() is not None
