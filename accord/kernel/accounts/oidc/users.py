"""From a validated ID token to an Accord user: match, link or create, and set the role.

Matching order: the provider's subject (with its issuer); else an active account with the same
email address and no provider identity yet, when the provider vouches for the address; else a new
account, when the claims map to a role. The role is taken from the claims at every sign-in.
"""

import logging
import re
import secrets

from django.db import IntegrityError, transaction

from accord.kernel.accounts.models import Role, User
from accord.kernel.audit.models import Action as AuditAction
from accord.kernel.audit.service import record, snapshot

from .config import OidcConfig

log = logging.getLogger("accord.kernel.accounts.oidc")

AUDITED = ["username", "first_name", "last_name", "email", "is_active", "role", "oidc_issuer", "oidc_subject"]
USERNAME = re.compile(r"^[\w.@+-]{1,150}$")


class Refused(Exception):
    """The provider vouched for the person, but Accord will not let them in; `reason` is logged."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _email(claims: dict) -> tuple[str, bool]:
    """The email address in the claims and whether the provider vouches for it.

    `email_verified` is the standard claim; Microsoft Entra ID sends `xms_edov` (the address's domain
    is verified by the tenant) instead, when the app registration asks for it.
    """
    email = claims.get("email")
    if not isinstance(email, str) or "@" not in email or len(email) > 254:
        return "", False
    return email.strip(), claims.get("email_verified") is True or claims.get("xms_edov") is True


def _names(claims: dict) -> tuple[str, str]:
    first, last = claims.get("given_name"), claims.get("family_name")
    if not (isinstance(first, str) or isinstance(last, str)) and isinstance(claims.get("name"), str):
        first, _, last = claims["name"].strip().rpartition(" ")
        if not first:
            first, last = last, ""
    return (first if isinstance(first, str) else "")[:150], (last if isinstance(last, str) else "")[:150]


def _new_username(claims: dict, email: str) -> str:
    for candidate in (claims.get("preferred_username"), email):
        if isinstance(candidate, str) and USERNAME.match(candidate):
            if not User.objects.filter(username__iexact=candidate).exists():
                return candidate
    return f"sso-{secrets.token_hex(6)}"


def _audit(user: User, action: str, before: dict, reason: str) -> None:
    record(
        actor=user,
        instance=user,
        action=action,
        before=before,
        after=snapshot(user, exclude=_not_audited(user)),
        reason=reason,
    )


def _not_audited(user: User) -> list[str]:
    return [f.name for f in user._meta.concrete_fields if f.name not in AUDITED]


def _find(config: OidcConfig, subject: str, email: str, verified: bool) -> User | None:
    user = User.objects.select_for_update().filter(oidc_issuer=config.issuer, oidc_subject=subject).first()
    if user is not None or not email:
        return user
    same_email = list(User.objects.select_for_update().filter(email__iexact=email)[:2])
    if not same_email:
        return None
    if not verified:
        raise Refused("an account has this email address but the provider does not vouch for it")
    if len(same_email) > 1:
        raise Refused("more than one account has this email address")
    found = same_email[0]
    if found.oidc_subject:
        raise Refused("the account with this email address is linked to another identity")
    return found


@transaction.atomic
def user_for_claims(config: OidcConfig, claims: dict) -> User:
    """The active Accord user these claims sign in, linked, created or updated; or Refused."""
    subject = claims.get("sub")
    if not isinstance(subject, str) or not subject or len(subject) > 255:
        raise Refused("the ID token has no usable subject")
    role = config.role_for(claims.get(config.role_claim))
    if role is None:
        raise Refused("no role in the claims maps to an Accord role")
    email, verified = _email(claims)
    user = _find(config, subject, email, verified)
    if user is None:
        if role == Role.PARTNER:
            raise Refused("a partner's account must be made by an administrator, with their organisation")
        first, last = _names(claims)
        user = User(
            username=_new_username(claims, email),
            email=email if verified else "",
            first_name=first,
            last_name=last,
            role=role,
            oidc_issuer=config.issuer,
            oidc_subject=subject,
        )
        user.set_unusable_password()
        try:
            with transaction.atomic():
                user.save()
        except IntegrityError as exc:  # the same person signing in twice at once
            raise Refused("this identity was linked by another sign-in at the same moment") from exc
        _audit(user, AuditAction.CREATED, {}, "Account made at first sign-in through single sign-on")
        return user
    if not user.is_active:
        raise Refused("the account is switched off")
    if role == Role.PARTNER and user.organisation_id is None:
        raise Refused("a partner account needs an organisation, and this one has none")
    before = snapshot(user, exclude=_not_audited(user))
    linking = not user.oidc_subject
    user.oidc_issuer, user.oidc_subject, user.role = config.issuer, subject, role
    user.save(update_fields=["oidc_issuer", "oidc_subject", "role"])
    if linking:
        _audit(user, AuditAction.CHANGED, before, "Linked to single sign-on by their email address")
    elif before.get("role") != snapshot(user, exclude=_not_audited(user)).get("role"):
        _audit(user, AuditAction.CHANGED, before, "Role taken from the identity provider at sign-in")
    return user
