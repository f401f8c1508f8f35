"""Break glass: switch sign-in with a username and password back on (or say whether it is on).

`accord local_sign_in --enable` is for the day single sign-on fails while local sign-in is off.
It is recorded in the register's history like the administrators' switch.
"""

from django.core.management.base import BaseCommand

from accord.kernel.accounts.oidc.config import sso_enabled
from accord.kernel.accounts.oidc.local_sign_in import local_sign_in_allowed, set_local_sign_in


class Command(BaseCommand):
    help = "Switch sign-in with a username and password back on (--enable), or show whether it is on."

    def add_arguments(self, parser):
        parser.add_argument("--enable", action="store_true", help="Let people sign in with a password again.")
        parser.add_argument("--reason", default="Switched back on from the command line (break glass)")

    def handle(self, *args, enable: bool = False, reason: str = "", **options):
        if enable:
            set_local_sign_in(True, actor="Command line (accord local_sign_in)", reason=reason)
        state = "on" if local_sign_in_allowed() else "off"
        sso = "set up" if sso_enabled() else "not set up"
        self.stdout.write(f"Sign-in with a username and password is {state}; single sign-on is {sso}.")
