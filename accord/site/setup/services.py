"""The one write of the set-up page: an administrator confirms they checked the rulebook (ADR 0039)."""

from django.db import transaction

from accord.frameworks.schema import Framework
from accord.kernel.accounts.models import User
from accord.kernel.audit.models import Action
from accord.kernel.audit.service import Actor, actor_name, record

from ..models import RulebookCheck


@transaction.atomic
def confirm_rulebook_checked(actor: Actor, framework: Framework) -> RulebookCheck:
    """Record that `actor` checked the rulebook of this version of the framework; kept in history."""
    row = RulebookCheck.objects.create(
        framework_id=framework.id,
        framework_version=framework.version,
        recorded_by=actor if isinstance(actor, User) and actor.pk else None,
        recorded_by_name=actor_name(actor),
    )
    record(
        actor=actor,
        instance=row,
        action=Action.CREATED,
        before={},
        after={
            "checked": ("Rulebook checked against the council's document", f"Version {framework.version}")
        },
        label=f"The rulebook of the {framework.name}",
    )
    return row
