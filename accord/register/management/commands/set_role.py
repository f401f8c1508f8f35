"""Give an account its role from the command line: the first administrator, or anyone before SSO.

    accord set_role jo.bloggs administrator
    accord set_role pat.partner partner --organisation GB-GOR-PB123

What a person may see and do depends only on their role (accord.kernel.accounts.policy). The change is
recorded in the register's history like a change made through single sign-on.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accord.kernel.accounts.models import Role, User
from accord.kernel.accounts.oidc.users import AUDITED
from accord.kernel.audit.models import Action as AuditAction
from accord.kernel.audit.service import record, snapshot
from accord.register.models import Organisation


class Command(BaseCommand):
    help = "Give an account a role (administrator, officer, approver, member, auditor or partner)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("role", choices=[role.value for role in Role])
        parser.add_argument(
            "--organisation", help="For partner accounts: the org-id or exact name of their organisation."
        )
        parser.add_argument("--reason", default="Role set from the command line (accord set_role)")

    def handle(self, *args, username: str, role: str, organisation: str | None, reason: str, **options):
        try:
            user = User.objects.get(username=username)
        except User.DoesNotExist as exc:
            raise CommandError(f"There is no account with the username {username!r}.") from exc
        org = None
        if organisation:
            org = (
                Organisation.objects.filter(org_id=organisation).first()
                or Organisation.objects.filter(name=organisation).first()
            )
            if org is None:
                raise CommandError(f"There is no organisation with the org-id or name {organisation!r}.")
        if role == Role.PARTNER and org is None and user.organisation_id is None:
            raise CommandError("A partner account needs its organisation: add --organisation.")
        excluded = [f.name for f in User._meta.concrete_fields if f.name not in AUDITED + ["organisation"]]
        with transaction.atomic():
            before = snapshot(user, exclude=excluded)
            user.role = role
            if org is not None:
                user.organisation = org
            user.save(update_fields=["role", "organisation"])
            record(
                actor="Command line (accord set_role)",
                instance=user,
                action=AuditAction.CHANGED,
                before=before,
                after=snapshot(user, exclude=excluded),
                reason=reason,
            )
        self.stdout.write(f"{username} is now {Role(role).label.lower()}.")
