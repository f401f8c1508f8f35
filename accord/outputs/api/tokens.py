"""Creating, revoking and checking personal API tokens; creation and revocation go in the audit trail."""

import hashlib
import secrets
from datetime import timedelta

from django.db import transaction

from accord.kernel import clock
from accord.kernel.audit.models import Action
from accord.kernel.audit.service import record, snapshot

from .models import ApiToken

PREFIX_LENGTH = 8
TOKEN_START = "acc_"  # so a leaked token is recognisable in logs and secret scanners
LAST_USED_RESOLUTION = timedelta(minutes=1)  # write `last_used_at` at most once a minute per token
AUDITED = ["user", "name", "prefix", "revoked_at"]


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def new_secret() -> str:
    return TOKEN_START + secrets.token_urlsafe(32)


def _audit(actor, token: ApiToken, action: str, before: dict) -> None:
    after = snapshot(token, exclude=["secret_hash", "created_at", "last_used_at"])
    record(actor=actor, instance=token, action=action, before=before, after=after)


@transaction.atomic
def create_token(user, name: str) -> tuple[ApiToken, str]:
    """A new token for `user`, and its secret: shown once, never stored."""
    secret = new_secret()
    token = ApiToken.objects.create(
        user=user,
        name=name.strip(),
        prefix=secret[len(TOKEN_START) : len(TOKEN_START) + PREFIX_LENGTH],
        secret_hash=hash_secret(secret),
    )
    _audit(user, token, Action.CREATED, {})
    return token, secret


@transaction.atomic
def revoke_token(user, token: ApiToken) -> ApiToken:
    token = ApiToken.objects.select_for_update().get(pk=token.pk, user=user)
    if token.revoked_at is not None:
        return token
    before = snapshot(token, exclude=["secret_hash", "created_at", "last_used_at"])
    token.revoked_at = clock.now()
    token.save(update_fields=["revoked_at"])
    _audit(user, token, Action.CHANGED, before)
    return token


def user_for(secret: str):
    """The active user a presented secret belongs to, or None (unknown, revoked, or switched off)."""
    if not secret or len(secret) > 200:
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(secret_hash=hash_secret(secret), revoked_at__isnull=True)
        .only("last_used_at", "user")
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    now = clock.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
