"""An administrator's override of one missing gate item, with a written reason (ADR 0022).

`override` is the one way to make one: only an administrator, only with a reason, only for an item
missing now from a move the partnership can make, in one transaction with its history entry. The
cycle engine reads them as facts (accord.domain.lifecycle.case_state); `for_partnership` lists them for
the record and the cycle page.
"""

from django.db import transaction

from accord.frameworks.schema import Framework
from accord.kernel.accounts.policy import Action, can
from accord.kernel.audit.models import Action as AuditAction
from accord.kernel.audit.service import actor_name
from accord.kernel.audit.service import record as audit
from accord.register.models import Partnership, PartnershipStatus

from . import cycle
from .case_state import state
from .models import GateOverride

LABEL = "Gate requirement overridden"


class OverrideRefused(Exception):
    """An override refused; the message says why in plain words. Nothing was recorded."""


def for_partnership(partnership: Partnership) -> list[GateOverride]:
    return list(GateOverride.objects.filter(partnership=partnership).order_by("at", "id"))


def missing_item(check: cycle.MoveCheck, item_id: str) -> list[cycle.Missing]:
    """The gaps of one item (a requirement can miss its artefact and several approvals)."""
    return [m for m in check.missing if m.requirement_id == item_id]


@transaction.atomic
def override(
    actor, partnership: Partnership, target: str, item_id: str, reason: str, *, framework: Framework
) -> GateOverride:
    """Let `partnership` past the missing item `item_id` of the gate into `target`."""
    if not can(actor, Action.OVERRIDE_GATE):
        raise OverrideRefused("Only an administrator can override a requirement")
    if not reason.strip():
        raise OverrideRefused("Enter the reason for overriding this requirement")
    partnership = (
        Partnership.objects.select_for_update().select_related("partnership_type").get(pk=partnership.pk)
    )
    if partnership.is_finished:
        raise OverrideRefused("This partnership is closed; its record can no longer change.")
    now = state(partnership, framework)
    check = cycle.check_move(now.framework, now.facts, now.tier_id, partnership.status, target)
    gaps = missing_item(check, item_id) if check.allowed else []
    if not gaps:
        raise OverrideRefused("This requirement is not missing, so there is nothing to override")
    text = "; ".join(m.text for m in gaps)
    row = GateOverride.objects.create(
        partnership=partnership,
        gate=target,
        from_status=partnership.status,
        item_id=item_id,
        item_text=text[:500],
        cite=gaps[0].cite,
        reason=reason.strip(),
        overridden_by=actor,
        overridden_by_name=actor_name(actor),
        framework_id=now.framework.id,
        framework_version=now.framework.version,
    )
    audit(
        actor=actor,
        instance=row,
        action=AuditAction.CREATED,
        before={},
        after={"gate_override": (LABEL, f"{text} (to move to '{PartnershipStatus(target).label}')")},
        reason=row.reason,
        partnership=partnership,
    )
    return row
