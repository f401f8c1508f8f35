"""What each decision was based on, and whether it still counts (ADR 0023).

A decision keeps its `basis`: the artefact records the decider was deciding on, each slot → the
revision they read. For a decision on an artefact that is the artefact's own record. For an approval
(a decision on the whole case, such as approval to take part) it is the approval's own record — a
new revision of it means the case went back for approval after being sent back — and the case's
records that were complete at that moment: the groundwork of its gate
(`accord.domain.lifecycle.cycle.groundwork`).

A decision stops counting only when one of the records in its basis changes afterwards. New
records, and records outside the basis (an agreement signed after activation, a checklist of a later
gate), never void it. Nor does a change after a move has relied on the decision: the move was taken
on it, so it stays part of the record, and the change is shown beside it. A decision recorded
before bases were kept (an empty basis) counts while its own record is at the revision decided on.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from typing import Any

from accord.frameworks.engine import framework_type
from accord.frameworks.schema import Framework
from accord.kernel import clock
from accord.kernel.ui.formatting import govuk_date
from accord.register.models import Partnership

from . import cycle
from .models import ArtefactRecord, Decision, Transition
from .state import State

# Basis ----------------------------------------------------------------------------------------


def approval_gates(framework: Framework, tier_id: str, register_type: str, artefact_id: str) -> set[str]:
    """The gates at which this partnership needs the artefact (its requirements for this tier and type)."""
    type_id = framework_type(framework, register_type)
    return {
        r.gate
        for r in framework.requirements
        if r.artefact == artefact_id and cycle.applies(r, tier_id, type_id)
    }


def basis_for(partnership: Partnership, now: State, artefact_id: str) -> dict[str, int]:
    """slot -> revision of each record a decision on `artefact_id` taken now is based on."""
    framework = now.framework
    kind = next((a.kind for a in framework.artefacts if a.id == artefact_id), "")
    own = now.slots.get(artefact_id, artefact_id)
    records = {
        slot: (revision, complete)
        for slot, revision, complete in ArtefactRecord.objects.filter(partnership=partnership).values_list(
            "slot", "revision", "complete"
        )
    }
    basis = {own: records.get(own, (1, False))[0]}
    if kind != "approval":
        return basis
    for gate in approval_gates(framework, now.tier_id, now.facts.register_type, artefact_id):
        for requirement in cycle.groundwork(framework, now.tier_id, now.facts.register_type, gate):
            slot = now.slots.get(requirement.artefact, requirement.artefact)
            revision, complete = records.get(slot, (0, False))
            if complete:
                basis[slot] = revision
    return basis


def fingerprint(partnership: Partnership, now: State, artefact_id: str) -> int:
    """A number that changes whenever what a decision on the artefact would be based on changes (the
    decision page carries it, so a decision on a case that changed while it was read is refused)."""
    return sum(basis_for(partnership, now, artefact_id).values())


# Whether a decision counts (pure) ---------------------------------------------------------------


def changed_slots(
    revision: int, basis: Mapping[str, int], own_slot: str, current: Mapping[str, int]
) -> list[str]:
    """The records of the decision's basis that have changed since (a missing record has changed).
    An empty basis (a decision recorded before bases were kept) is its own record at `revision`."""
    basis = basis or {own_slot: revision}
    return [slot for slot, seen in basis.items() if current.get(slot, 1 if slot == own_slot else 0) != seen]


@dataclass(frozen=True)
class Move:
    """A move of the cycle as the basis rules read it: which artefacts its gates relied on."""

    from_status: str
    to_status: str
    at: datetime
    decided_on: date
    artefacts: frozenset[str]


def relied_on(
    artefact_id: str, at: datetime, later: Sequence[datetime], moves: Sequence[Move]
) -> Move | None:
    """The move that relied on a decision on the artefact taken `at`, if one did and the partnership
    has not gone back before that move since (sent back from approval to its business case, its gate
    is checked again). `later`: when the same role decided on the same artefact again; a move after
    that relied on the later decision, not this one. `moves` oldest first."""
    superseded = min((t for t in later if t > at), default=None)
    for index, move in enumerate(moves):
        if move.at <= at or artefact_id not in move.artefacts:
            continue
        if superseded is not None and superseded < move.at:
            return None
        if not any(m.to_status == move.from_status for m in moves[index + 1 :]):
            return move
    return None


# Reading decisions for many partnerships ---------------------------------------------------------


@dataclass(frozen=True)
class Current:
    revision: int
    title: str
    changed_on: date


def _records(ids: Iterable[int]) -> dict[int, dict[str, Current]]:
    found: dict[int, dict[str, Current]] = {}
    for pk, slot, revision, title, updated_at in ArtefactRecord.objects.filter(
        partnership_id__in=ids
    ).values_list("partnership_id", "slot", "revision", "title", "updated_at"):
        found.setdefault(pk, {})[slot] = Current(revision, title, clock.local_date(updated_at))
    return found


def _moves(ids: Iterable[int]) -> dict[int, list[Move]]:
    found: dict[int, list[Move]] = {}
    rows = (
        Transition.objects.filter(partnership_id__in=ids, retrospective=False)
        .order_by("at", "id")
        .values_list("partnership_id", "from_status", "to_status", "at", "decided_on", "gates")
    )
    for pk, from_status, to_status, at, decided_on, gates in rows:
        artefacts = frozenset(str(g.get("artefact", "")) for g in gates or () if isinstance(g, dict))
        found.setdefault(pk, []).append(Move(from_status, to_status, at, decided_on, artefacts))
    return found


@dataclass(frozen=True)
class Standing:
    """Whether a decision counts now and, if something it was based on changed since, what."""

    counts: bool
    changes: tuple[str, ...] = ()  # e.g. "the business case was changed on 5 December 2026"
    acted_on: Move | None = None  # the move taken on it, when one was

    @property
    def reason(self) -> str:
        """Why it no longer counts, e.g. 'the business case was changed on 5 December 2026 after this
        decision' ('' while it counts)."""
        return "" if self.counts else f"{joined(self.changes)} after this decision"

    @property
    def text(self) -> str:
        """What a page says in its 'Still counts' column."""
        if not self.counts:
            return f"No longer counts: {self.reason}"
        if self.changes and self.acted_on is not None:
            moved = govuk_date(self.acted_on.decided_on)
            return f"Yes: the partnership moved on with it on {moved}; since then {joined(self.changes)}"
        return "Yes"


def joined(parts: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def the(name: str) -> str:
    """'Business case' -> 'the business case'; a name with capitals inside keeps them ('the Partnership
    Registration Form', 'the CSP MoU')."""
    name = name.strip()
    if name[:4].lower() == "the ":
        return "the " + name[4:]
    first, _, rest = name.partition(" ")
    sentence_case = first[1:].islower() and not any(word[:1].isupper() for word in rest.split())
    return "the " + (name[:1].lower() + name[1:] if sentence_case else name)


@dataclass(frozen=True)
class _Judge:
    """Everything needed to judge one partnership's decisions, read in bulk. `names` (slot -> the
    framework's name) and `approvals` (the approval artefacts) are needed only to say what changed."""

    slots: Mapping[str, str]
    records: Mapping[str, Current]
    moves: Sequence[Move]
    times: Mapping[tuple[str, str], Sequence[datetime]]  # (artefact, role) -> when each decision was taken
    names: Mapping[str, str]
    approvals: frozenset[str]

    @cached_property
    def revisions(self) -> dict[str, int]:
        return {slot: record.revision for slot, record in self.records.items()}

    def standing(self, decision: Mapping[str, Any]) -> Standing:
        artefact_id, role_id = decision["artefact_id"], decision["role_id"]
        own = self.slots.get(artefact_id, artefact_id)
        basis = decision["basis"] or {}
        changed = changed_slots(decision["revision"], basis, own, self.revisions)
        if not changed:
            return Standing(True)
        times = self.times.get((artefact_id, role_id), ())
        move = relied_on(artefact_id, decision["at"], times, self.moves)
        kept = bool(basis)
        return Standing(
            move is not None, tuple(self._change(slot, artefact_id, kept) for slot in changed), move
        )

    def _change(self, slot: str, artefact_id: str, kept: bool) -> str:
        record = self.records.get(slot)
        if slot == self.slots.get(artefact_id, artefact_id) and artefact_id in self.approvals:
            if kept and record is not None:  # a new revision of an approval's own record
                return f"the partnership went back for approval on {govuk_date(record.changed_on)}"
            return "the case was changed"  # decided before bases were kept: which part is not known
        name = the((record.title if record else "") or self.names.get(slot, slot))
        if record is None:
            return f"{name} was removed"
        return f"{name} was changed on {govuk_date(record.changed_on)}"


FIELDS = ("partnership_id", "artefact_id", "role_id", "revision", "outcome", "basis", "at")


def _judges(
    ids: Sequence[int],
    slots: Mapping[str, str],
    decisions: Sequence[Mapping[str, Any]],
    framework: Framework | None = None,
) -> dict[int, _Judge]:
    records, moves = _records(ids), _moves(ids)
    times: dict[int, dict[tuple[str, str], list[datetime]]] = {}
    for d in decisions:
        times.setdefault(d["partnership_id"], {}).setdefault((d["artefact_id"], d["role_id"]), []).append(
            d["at"]
        )
    artefacts = framework.artefacts if framework else ()
    names: dict[str, str] = {}
    for artefact in artefacts:
        names.setdefault(slots.get(artefact.id, artefact.id), artefact.name)
    approvals = frozenset(a.id for a in artefacts if a.kind == "approval")
    return {
        pk: _Judge(slots, records.get(pk, {}), moves.get(pk, []), times.get(pk, {}), names, approvals)
        for pk in ids
    }


def approvals_for(ids: Sequence[int], slots: Mapping[str, str]) -> dict[int, dict[tuple[str, str], str]]:
    """partnership id -> (artefact id, role id) -> outcome of the latest decision that still counts
    (four queries, however many partnerships). `slots`: artefact id -> the slot of its record."""
    decisions = list(Decision.objects.filter(partnership_id__in=ids).order_by("at", "id").values(*FIELDS))
    judges = _judges(ids, slots, decisions)
    latest: dict[int, dict[tuple[str, str], str]] = {}
    for d in decisions:
        if judges[d["partnership_id"]].standing(d).counts:
            latest.setdefault(d["partnership_id"], {})[(d["artefact_id"], d["role_id"])] = d["outcome"]
    return latest


def standings(partnership: Partnership, now: State) -> list[tuple[Decision, Standing]]:
    """Every decision on the partnership, oldest first, with whether it counts now and why not."""
    decisions = list(partnership.decisions.order_by("at", "id"))
    rows = [{name: getattr(d, name) for name in FIELDS} for d in decisions]
    judge = _judges([partnership.pk], now.slots, rows, now.framework)[partnership.pk]
    return [(d, judge.standing(row)) for d, row in zip(decisions, rows, strict=True)]


def no_longer_counting(
    partnership: Partnership, now: State
) -> dict[tuple[str, str], tuple[Decision, Standing]]:
    """(artefact id, role id) -> the latest decision in that role on that artefact, where it no longer
    counts (so a page can say which change voided it)."""
    latest: dict[tuple[str, str], tuple[Decision, Standing]] = {}
    for decision, standing in standings(partnership, now):
        latest[(decision.artefact_id, decision.role_id)] = (decision, standing)
    return {key: found for key, found in latest.items() if not found[1].counts}
