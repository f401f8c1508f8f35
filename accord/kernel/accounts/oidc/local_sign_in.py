"""Whether people may sign in with a username and password beside single sign-on.

An administrator may switch local sign-in off only while single sign-on is set up and only when
they signed in through it themselves, so nobody locks the council out. If single sign-on is later
removed from the settings, local sign-in works again whatever the switch says; and
`accord local_sign_in --enable` is the break-glass way back on.
"""

from django.db import transaction

from accord.kernel.accounts.models import SignInSettings
from accord.kernel.audit.models import Action as AuditAction
from accord.kernel.audit.service import record, snapshot

from .config import sso_enabled

SESSION_KEY = "accord_signed_in_with"  # "oidc" in the session of someone who signed in through the provider


class NotAllowed(Exception):
    pass


def local_sign_in_allowed() -> bool:
    if not sso_enabled():
        return True
    stored = SignInSettings.objects.filter(pk=1).first()
    return stored is None or stored.local_sign_in_enabled


def signed_in_with_sso(request) -> bool:
    return request.session.get(SESSION_KEY) == "oidc"


def may_switch_off(request) -> bool:
    return sso_enabled() and signed_in_with_sso(request)


@transaction.atomic
def set_local_sign_in(enabled: bool, *, actor, reason: str = "") -> SignInSettings:
    """Switch local sign-in on or off and record who did it. The caller has checked may_switch_off."""
    SignInSettings.current()  # make the row if it is not there yet, then lock it
    current = SignInSettings.objects.select_for_update().get(pk=1)
    if current.local_sign_in_enabled == enabled:
        return current
    before = snapshot(current)
    current.local_sign_in_enabled = enabled
    current.save(update_fields=["local_sign_in_enabled"])
    record(
        actor=actor,
        instance=current,
        action=AuditAction.CHANGED,
        before=before,
        after=snapshot(current),
        reason=reason,
    )
    return current
