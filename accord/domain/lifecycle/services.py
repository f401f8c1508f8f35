"""Every change in the partnership cycle goes through these functions.

Each runs in one transaction with the partnership row locked, so two people moving or deciding
on the same partnership at once cannot both succeed on a stale view. A move whose gates are not
met is refused with what is missing, and nothing changes. Every move and decision is an immutable
row and an entry in the partnership's history.
"""

from collections.abc import Collection, Sequence
from datetime import date

from django.db import transaction
from django.db.models import F

from accord.frameworks import stage_names
from accord.frameworks.schema import Artefact, Framework, Requirement
from accord.frameworks.store import partnerships_changed
from accord.kernel import clock
from accord.kernel.accounts.models import User
from accord.kernel.accounts.policy import Action, can
from accord.kernel.audit.models import Action as AuditAction
from accord.kernel.audit.models import AuditEvent
from accord.kernel.audit.service import Actor, actor_name, snapshot
from accord.kernel.audit.service import record as audit
from accord.register.models import Partnership, PartnershipRole, PartnershipStatus, RoleType

from . import basis, cycle, recording
from .case_state import State, slots, state, states  # noqa: F401  (the cycle's view, used through services)
from .models import Appointment, ArtefactRecord, Decision, Outcome, Transition


class CycleError(Exception):
    """A cycle change refused; the message says why in plain words."""


class StaleMove(CycleError):
    pass


class GateRefused(CycleError):
    def __init__(self, check: cycle.MoveCheck):
        super().__init__(f"{len(check.missing)} thing(s) must be done first")
        self.check = check


def check(partnership: Partnership, target: str, *, framework: Framework) -> cycle.MoveCheck:
    now = state(partnership, framework)
    return cycle.check_move(now.framework, now.facts, now.tier_id, partnership.status, target)


def _lock(partnership: Partnership, expected: str | None, framework: Framework | None = None) -> Partnership:
    locked = Partnership.objects.select_for_update().select_related("partnership_type").get(pk=partnership.pk)
    if expected is not None and locked.status != expected:
        now = stage_names.stage_name(framework, locked.status) if framework else locked.get_status_display()
        raise StaleMove(
            f"Someone else has just moved this partnership to '{now}'. "
            "Check its cycle page before trying again."
        )
    return locked


def _record_move(
    actor: Actor,
    partnership: Partnership,
    target: str,
    *,
    decided_on: date,
    reason: str,
    reference: str,
    retrospective: bool,
    framework: Framework,
    tier_id: str = "",
    met: Sequence[Requirement] = (),
    overridden: Sequence[cycle.Missing] = (),
) -> Transition:
    before = snapshot(partnership)
    previous = partnership.status
    Partnership.objects.filter(pk=partnership.pk).update(status=target, version=F("version") + 1)
    partnership.refresh_from_db()
    transition = Transition.objects.create(
        partnership=partnership,
        from_status="" if retrospective and previous == target else previous,
        to_status=target,
        decided_on=decided_on,
        reason=reason.strip(),
        decision_reference=reference.strip(),
        retrospective=retrospective,
        recorded_by=actor if isinstance(actor, User) and actor.pk else None,
        recorded_by_name=actor_name(actor),
        framework_id=framework.id,
        framework_version=framework.version,
        tier_id=tier_id,
        gates=[{"id": r.id, "artefact": r.artefact, "cite": r.cite} for r in met]
        + [_overridden_gate(m) for m in {m.requirement_id: m for m in overridden}.values()],
    )
    note = "Recorded retrospectively. " if retrospective else ""
    audit(
        actor=actor,
        instance=partnership,
        action=AuditAction.CHANGED,
        before=before,
        after=snapshot(partnership),
        reason=(note + reason.strip() + (f" ({reference.strip()})" if reference.strip() else "")).strip(),
        partnership=partnership,
        version=partnership.version,
    )
    partnerships_changed([partnership.pk])
    return transition


@transaction.atomic
def move(
    actor: Actor,
    partnership: Partnership,
    target: str,
    *,
    expected_status: str,
    reason: str = "",
    reference: str = "",
    decided_on: date | None = None,
    framework: Framework,
) -> Transition:
    """Move a partnership to `target`, if the move exists and its gates are met."""
    partnership = _lock(partnership, expected_status, framework)
    if partnership.is_finished:
        raise CycleError("This partnership is closed; its record can no longer change.")
    now = state(partnership, framework)
    result = cycle.check_move(now.framework, now.facts, now.tier_id, partnership.status, target)
    if not result.allowed:
        raise CycleError(
            f"A partnership that is '{partnership.get_status_display()}' cannot move to "
            f"'{PartnershipStatus(target).label}'."
        )
    if result.missing:
        raise GateRefused(result)
    if result.needs_reason and not reason.strip():
        raise CycleError("Enter the reason for this decision")
    if result.needs_reference and not reference.strip():
        raise CycleError("Enter the reference of the decision, for example a minute number")
    if target == cycle.AWAITING_APPROVAL:
        _resubmit(partnership, now)
    return _record_move(
        actor,
        partnership,
        target,
        decided_on=decided_on or clock.today(),
        reason=reason,
        reference=reference,
        retrospective=False,
        framework=framework,
        tier_id=now.tier_id,
        met=result.met,
        overridden=result.overridden,
    )


def _overridden_gate(missing: cycle.Missing) -> dict[str, str]:
    """A gate item an administrator overrode, as the transition records it."""
    override = missing.override
    return {
        "id": missing.requirement_id,
        "artefact": missing.artefact_id,
        "cite": missing.cite,
        "overridden_by": override.by if override else "",
        "reason": override.reason if override else "",
    }


RETROSPECTIVE_TARGETS = (cycle.ACTIVE, cycle.UNDER_REVIEW, cycle.LEAVING)


@transaction.atomic
def record_retrospectively(
    actor: Actor,
    partnership: Partnership,
    target: str,
    *,
    reason: str,
    reference: str = "",
    decided_on: date,
    framework: Framework,
) -> Transition:
    """Enter an existing partnership straight into the state it is in, its earlier cycle having
    happened before Accord. It passes every gate on the recorder's word, so, like a gate override,
    only an administrator may do it, with a reason kept in the history and shown on the cycle page;
    and only while nothing has been decided in Accord yet."""
    if not can(actor, Action.OVERRIDE_GATE):  # it passes every gate on someone's word: an override
        raise CycleError("Only an administrator can record a partnership retrospectively")
    partnership = _lock(partnership, None)
    if target not in RETROSPECTIVE_TARGETS:
        raise CycleError(
            "Only an active, under review or leaving partnership can be recorded retrospectively"
        )
    if partnership.status != cycle.PROPOSED or has_decisions(partnership):
        raise CycleError(
            "Only a proposed partnership with no decisions in Accord can be recorded retrospectively"
        )
    if not reason.strip():
        raise CycleError(
            "Enter how the partnership came to be in this state (for example, when it was approved)"
        )
    if state(partnership, framework).facts.is_partnership is False:  # not a way round the gate (ADR 0022)
        raise CycleError(
            "The “Is it a partnership?” test found this is not a partnership. Take the test again if "
            "the answers were wrong, or move it through the cycle, where an administrator can override "
            "the result with a reason"
        )
    return _record_move(
        actor,
        partnership,
        target,
        decided_on=decided_on,
        reason=reason,
        reference=reference,
        retrospective=True,
        framework=framework,
    )


def has_decisions(partnership: Partnership) -> bool:
    """Whether anything has been decided in Accord's cycle (its first 'proposed' row is not a decision)."""
    moves = partnership.transitions.exclude(retrospective=True).exclude(
        from_status="", to_status=cycle.PROPOSED
    )
    return moves.exists() or partnership.decisions.exists()


def _resubmit(partnership: Partnership, now: State) -> None:
    """Going (back) for approval: approvals that are decisions in their own right start afresh (a new
    revision of their own records, which every approval's basis holds; ADR 0023)."""
    approvals = [now.slots[a.id] for a in now.framework.artefacts if a.kind == "approval"]
    recording.new_revision(partnership, approvals)


# Approvals --------------------------------------------------------------------------------


def roles_held(user: Actor, framework: Framework) -> set[str]:
    if not isinstance(user, User):
        return set()
    return set(
        Appointment.objects.filter(user=user, framework_id=framework.id).values_list("role_id", flat=True)
    )


# What the history calls the records that make up a case (their models' verbose names).
# History's names for the case's records ("artefact record" is what a record was called before it was
# called "record" in history, kept so earlier events still count).
CASE_RECORDS = ("record", "artefact record", "evidence file", "consultee", "agreement", "signatory")


def is_own_case(user: Actor, partnership: Partnership) -> bool:
    """Nobody approves their own case: the partnership's lead officer, or anyone who has ever written,
    changed or added evidence to any part of it (read from the append-only history)."""
    return partnership.pk in own_cases(user, [partnership.pk])


def own_cases(user: Actor, ids: Collection[int]) -> set[int]:
    """Which of these partnerships are the user's own case (`is_own_case`), in three queries."""
    own: set[int] = set()
    if not isinstance(user, User):
        return own
    person_id = getattr(user, "person_id", None)
    if person_id:
        own |= set(
            PartnershipRole.objects.filter(
                partnership_id__in=ids, person_id=person_id, role=RoleType.LEAD_OFFICER
            ).values_list("partnership_id", flat=True)
        )
    own |= set(
        ArtefactRecord.objects.filter(partnership_id__in=ids, created_by=user).values_list(
            "partnership_id", flat=True
        )
    )
    own |= set(
        AuditEvent.objects.filter(
            partnership_id__in=ids, actor_id=user.pk, object_type__in=CASE_RECORDS
        ).values_list("partnership_id", flat=True)
    )
    return own


def revision_of(partnership: Partnership, now: State, artefact_id: str) -> int:
    """A number that changes whenever what an approver reads for this artefact changes: its record's
    revision, and for an approval (a decision on the whole case) the revisions of the case's records
    it would be based on too (accord.domain.lifecycle.basis)."""
    return basis.fingerprint(partnership, now, artefact_id)


def pending_for(
    user: Actor,
    partnership: Partnership,
    now: State | None = None,
    held: set[str] | None = None,
    *,
    framework: Framework,
) -> list[tuple[Artefact, str, str]]:
    """(artefact, role id, role title) the user may decide on now (`held`: the roles they hold;
    `now`: the partnership's state under `framework`, if the caller has it already)."""
    now = now or state(partnership, framework)
    held = roles_held(user, now.framework) if held is None else held
    artefacts = {a.id: a for a in now.framework.artefacts}
    titles = {r.id: r.title for r in now.framework.roles}
    pending = cycle.pending_approvals(now.framework, now.facts, now.tier_id, partnership.status)
    seen, found = set(), []
    for requirement, role_id in pending:
        key = (requirement.artefact, role_id)
        if role_id in held and key not in seen:
            seen.add(key)
            found.append((artefacts[requirement.artefact], role_id, titles.get(role_id, role_id)))
    return found


@transaction.atomic
def decide(
    actor: Actor,
    partnership: Partnership,
    artefact_id: str,
    role_id: str,
    outcome: str,
    *,
    comment: str,
    reference: str = "",
    decided_on: date | None = None,
    seen_revision: int | None = None,
    framework: Framework,
) -> Decision:
    """Approve or refuse an artefact in one of the framework's roles. A refusal while awaiting
    approval sends the partnership back to its business case with the approver's reasons."""
    partnership = _lock(partnership, None)
    now = state(partnership, framework)
    if not comment.strip():
        raise CycleError("Enter a comment explaining the decision")
    if outcome not in Outcome.values:
        raise CycleError("Select approve or refuse")
    if role_id not in roles_held(actor, now.framework):
        raise CycleError("You are not appointed to decide in this role")
    if is_own_case(actor, partnership):
        raise CycleError("You cannot decide on a case you prepared or lead")
    if not any(
        a.id == artefact_id and r == role_id
        for a, r, _ in pending_for(actor, partnership, now, framework=framework)
    ):
        raise CycleError("There is nothing waiting for this decision")
    if seen_revision is not None and seen_revision != revision_of(partnership, now, artefact_id):
        raise CycleError(
            "The case has changed since you opened this page. Read it again before you decide: nothing "
            "has been recorded."
        )
    artefact = next(a for a in now.framework.artefacts if a.id == artefact_id)
    slot = now.slots[artefact_id]
    record, _ = ArtefactRecord.objects.get_or_create(
        partnership=partnership,
        slot=slot,
        defaults={"kind": artefact.kind, "title": artefact.name, "created_by": None, "updated_by": None},
    )
    title = next((r.title for r in now.framework.roles if r.id == role_id), role_id)
    decision = Decision.objects.create(
        partnership=partnership,
        artefact_id=artefact_id,
        role_id=role_id,
        role_title=title,
        revision=record.revision,
        basis=basis.basis_for(partnership, now, artefact_id),
        outcome=outcome,
        comment=comment.strip(),
        decision_reference=reference.strip(),
        decided_on=decided_on or clock.today(),
        decided_by=actor if isinstance(actor, User) and actor.pk else None,
        decided_by_name=actor_name(actor),
        framework_id=now.framework.id,
        framework_version=now.framework.version,
    )
    if artefact.kind == "approval" and outcome == Outcome.APPROVED:
        ArtefactRecord.objects.filter(pk=record.pk).update(complete=True, produced_on=decision.decided_on)
    audit(
        actor=actor,
        instance=decision,
        action=AuditAction.CREATED,
        before={},
        after={"decision": ("Decision", f"{decision.get_outcome_display()} by the {title}: {artefact.name}")},
        reason=comment.strip(),
        partnership=partnership,
        label=f"{decision.get_outcome_display()} {artefact.name} as {title}",
    )
    if outcome == Outcome.REFUSED and partnership.status == cycle.AWAITING_APPROVAL:
        _record_move(
            actor,
            partnership,
            cycle.BUSINESS_CASE,
            decided_on=decision.decided_on,
            reason=f"Sent back: refused by the {title}. {comment.strip()}",
            reference=reference,
            retrospective=False,
            framework=framework,
            tier_id=now.tier_id,
        )
    partnerships_changed([partnership.pk])
    return decision
