"""The partnership cycle as a pure engine: which moves exist, and which gates each move must pass.

No database and no request: `check_move(framework, facts, tier_id, current, target)` reads the
framework's requirements (gate = the state being entered, filtered by tier and type) against the
evidence and approvals in `facts`, adds Accord's own checks (significance assessed; "Is it a
partnership?" before leaving Proposed) and says what is missing. An item an administrator has
overridden (`facts.gate_overrides`) is reported in `overridden` instead (ADR 0022). The transition
service refuses any move whose check is not clean.
"""

from collections.abc import Mapping
from dataclasses import dataclass, replace

from accord.frameworks import approvers
from accord.frameworks.engine import framework_type
from accord.frameworks.facts import OverrideFact, PartnershipFacts
from accord.frameworks.schema import Framework, Requirement
from accord.register import states

from .meets import meets, why_not

# The cycle's vocabulary is defined once, in accord.register.states; named here for the engine's readers.
PROPOSED, BUSINESS_CASE, AWAITING_APPROVAL, AGREEMENT, ACTIVE = states.MAIN_PATH
UNDER_REVIEW, LEAVING, CLOSED = states.UNDER_REVIEW, states.LEAVING, states.CLOSED
REJECTED, WITHDRAWN = states.REJECTED, states.WITHDRAWN
MAIN_PATH = states.MAIN_PATH

# current state -> the states it may move to
MOVES: dict[str, tuple[str, ...]] = {
    PROPOSED: (BUSINESS_CASE, WITHDRAWN, REJECTED),
    BUSINESS_CASE: (AWAITING_APPROVAL, WITHDRAWN),
    AWAITING_APPROVAL: (AGREEMENT, BUSINESS_CASE, REJECTED, WITHDRAWN),
    AGREEMENT: (ACTIVE, WITHDRAWN),
    ACTIVE: (UNDER_REVIEW, LEAVING),
    UNDER_REVIEW: (ACTIVE, LEAVING),
    LEAVING: (CLOSED,),
    CLOSED: (),
    REJECTED: (),
    WITHDRAWN: (),
}

# Moves whose gates are checked: entering a state of the main path from the one before it, and
# entering leaving and closed. (Back from review to active, or back to the business case, is not gated.)
GATED = {
    (PROPOSED, BUSINESS_CASE),
    (BUSINESS_CASE, AWAITING_APPROVAL),
    (AWAITING_APPROVAL, AGREEMENT),
    (AGREEMENT, ACTIVE),
    (ACTIVE, LEAVING),
    (UNDER_REVIEW, LEAVING),
    (LEAVING, CLOSED),
}

# Moves that need a written reason, and moves that need the reference of the decision behind them.
NEEDS_REASON = {
    (AWAITING_APPROVAL, BUSINESS_CASE),
    *((s, WITHDRAWN) for s in MOVES if WITHDRAWN in MOVES[s]),
    *((s, REJECTED) for s in MOVES if REJECTED in MOVES[s]),
    (ACTIVE, UNDER_REVIEW),
    (UNDER_REVIEW, ACTIVE),
    (ACTIVE, LEAVING),
    (UNDER_REVIEW, LEAVING),
    (LEAVING, CLOSED),
}
NEEDS_REFERENCE = {
    (AWAITING_APPROVAL, AGREEMENT),
    (AWAITING_APPROVAL, REJECTED),
    (PROPOSED, REJECTED),
    (ACTIVE, LEAVING),
    (UNDER_REVIEW, LEAVING),
}

# What the button for each move says.
MOVE_LABELS = {
    BUSINESS_CASE: "Start the business case",
    AWAITING_APPROVAL: "Submit for approval",
    AGREEMENT: "Record the approval to take part",
    ACTIVE: "Make the partnership active",
    UNDER_REVIEW: "Start a review",
    LEAVING: "Record the decision to leave",
    CLOSED: "Close the partnership",
    REJECTED: "Record that it was rejected",
    WITHDRAWN: "Withdraw the proposal",
}
BACK_LABEL = {
    (AWAITING_APPROVAL, BUSINESS_CASE): "Send back to the business case",
    (UNDER_REVIEW, ACTIVE): "End the review",
}


def move_label(current: str, target: str, framework: Framework | None = None) -> str:
    """What the button for a move says: the framework's words for entering the stage (`action`), or
    Accord's plain words; a move back has Accord's words."""
    if (current, target) in BACK_LABEL:
        return BACK_LABEL[(current, target)]
    stage = next((s for s in framework.stages if s.id == target), None) if framework else None
    return stage.action if stage and stage.action else MOVE_LABELS.get(target, target)


@dataclass(frozen=True)
class Missing:
    """One thing stopping a move: an artefact not done, or an approval not given."""

    requirement_id: str
    artefact_id: str
    artefact_name: str
    kind: str
    cite: str
    role_id: str = ""  # set when the missing thing is an approval
    role_title: str = ""
    refused: bool = False
    alternatives: tuple[str, ...] = ()  # for an any-of approval: the other roles that may give it
    note: str = ""  # what is wrong in words: Accord's own checks ("not assessed yet"), or why what was
    # recorded does not count (ADR 0024: "it is agreed but not signed; the framework needs it signed")
    override: OverrideFact | None = None  # set when an administrator has overridden it

    @property
    def text(self) -> str:
        if self.note:
            return f"{self.artefact_name}: {self.note}"
        if not self.role_id:
            return f"{self.artefact_name}: not done yet"
        if self.refused:
            return f"{self.artefact_name}: refused by the {self.role_title}"
        either = "".join(f" or the {title}" for title in self.alternatives)
        return f"{self.artefact_name}: needs approval by the {self.role_title}{either}"


@dataclass(frozen=True)
class MoveCheck:
    current: str
    target: str
    allowed: bool  # the move exists from the current state
    missing: tuple[Missing, ...] = ()
    met: tuple[Requirement, ...] = ()
    overridden: tuple[Missing, ...] = ()  # missing items an administrator overrode (each with `override`)

    @property
    def ok(self) -> bool:
        return self.allowed and not self.missing

    @property
    def needs_reason(self) -> bool:
        return (self.current, self.target) in NEEDS_REASON

    @property
    def needs_reference(self) -> bool:
        return (self.current, self.target) in NEEDS_REFERENCE


def applies(
    requirement: Requirement,
    tier_id: str,
    type_id: str | None,
    conditions: Mapping[str, bool] | None = None,
) -> bool:
    """Whether a requirement applies to this tier and type and, when it says `when`, to a partnership
    with these condition facts (ADR 0028; None: not known here, so it applies)."""
    if requirement.tiers and tier_id not in requirement.tiers:
        return False
    if requirement.when is not None and not requirement.when.met(conditions):
        return False
    return not requirement.types or type_id in requirement.types


def gate_requirements(
    framework: Framework,
    tier_id: str,
    register_type: str,
    target: str,
    conditions: Mapping[str, bool] | None = None,
) -> list[Requirement]:
    """The framework's requirements for entering `target`, for this tier and type (and facts)."""
    type_id = framework_type(framework, register_type)
    return [
        r for r in framework.requirements if r.gate == target and applies(r, tier_id, type_id, conditions)
    ]


def _requirement_gaps(
    framework: Framework, requirement: Requirement, facts: PartnershipFacts, tier_id: str = ""
) -> list[Missing]:
    artefact = next(a for a in framework.artefacts if a.id == requirement.artefact)
    roles = {r.id: r.title for r in framework.roles}
    base = Missing(
        requirement_id=requirement.id,
        artefact_id=artefact.id,
        artefact_name=artefact.name,
        kind=artefact.kind,
        cite=requirement.cite,
    )
    gaps = []
    # An approval is itself the artefact: it exists once its approvers have approved.
    if artefact.kind != "approval" and not meets(facts, artefact.id, tier_id):
        # What was recorded may fall short, and the gate says why (ADR 0024).
        gaps.append(replace(base, note=why_not(facts, artefact.id, tier_id)))
    outcomes = approvers.outcomes_of(facts.approvals, artefact.id)
    waiting = approvers.outstanding(requirement, outcomes)
    for role_id in waiting:
        title = roles.get(role_id, role_id)
        others = (
            tuple(roles.get(r, r) for r in waiting if r != role_id) if requirement.approve == "any" else ()
        )
        refused = outcomes.get(role_id) == "refused"
        gaps.append(replace(base, role_id=role_id, role_title=title, refused=refused, alternatives=others))
    return gaps


def check_move(
    framework: Framework, facts: PartnershipFacts, tier_id: str, current: str, target: str
) -> MoveCheck:
    """Whether a partnership in `current` may move to `target` now, and if not, what is missing."""
    if target not in MOVES.get(current, ()):
        return MoveCheck(current, target, allowed=False)
    if (current, target) not in GATED:
        return MoveCheck(current, target, allowed=True)
    missing: list[Missing] = own_checks(framework, facts, current)
    met: list[Requirement] = []
    for requirement in gate_requirements(framework, tier_id, facts.register_type, target, facts.conditions):
        gaps = _requirement_gaps(framework, requirement, facts, tier_id)
        missing.extend(gaps)
        if not gaps:
            met.append(requirement)
    overrides = facts.gate_overrides
    overridden = tuple(
        replace(m, override=overrides[(target, m.requirement_id)])
        for m in missing
        if (target, m.requirement_id) in overrides
    )
    missing = [m for m in missing if (target, m.requirement_id) not in overrides]
    return MoveCheck(
        current, target, allowed=True, missing=tuple(missing), met=tuple(met), overridden=overridden
    )


# Accord's own checks, identified like requirements so an administrator can override them.
SIGNIFICANCE_ASSESSED = "significance_assessed"
IS_A_PARTNERSHIP = "is_a_partnership"
OWN_CHECKS = (SIGNIFICANCE_ASSESSED, IS_A_PARTNERSHIP)


def own_checks(framework: Framework, facts: PartnershipFacts, current: str) -> list[Missing]:
    """What Accord itself needs before any gated move: the significance assessed (the tier decides
    every gate's requirements, so without it none can be trusted); and, to move on from a proposal,
    an "Is it a partnership?" result that says it is one."""
    found = []
    if not facts.significance_assessed:
        found.append(
            Missing(
                requirement_id=SIGNIFICANCE_ASSESSED,
                artefact_id="",
                artefact_name="Significance",
                kind="significance",
                cite=framework.significance.tiers[0].cite,
                note="not assessed yet",
            )
        )
    if current == PROPOSED and facts.is_partnership is not True:
        found.append(
            Missing(
                requirement_id=IS_A_PARTNERSHIP,
                artefact_id="",
                artefact_name="Is it a partnership?",
                kind="classification",
                cite=framework.definition.cite,
                note="not answered yet"
                if facts.is_partnership is None
                else "the answers say it is not a partnership",
            )
        )
    return found


def gates_up_to(gate: str) -> tuple[str, ...]:
    """The gates a decision needed at `gate` rests on: that gate and, on the main path, the gates
    before it; leaving and closing rest on the leaving gates only (not on how the partnership began)."""
    if gate in MAIN_PATH:
        return MAIN_PATH[: MAIN_PATH.index(gate) + 1]
    if gate == CLOSED:
        return (LEAVING, CLOSED)
    return (gate,)


def groundwork(framework: Framework, tier_id: str, register_type: str, gate: str) -> list[Requirement]:
    """What an approval needed at `gate` decides on (ADR 0023): the requirements of that gate and the
    gates before it that are not approvals themselves, for this tier and type."""
    kinds = {a.id: a.kind for a in framework.artefacts}
    found: dict[str, Requirement] = {}  # one per artefact
    for earlier in gates_up_to(gate):
        for requirement in gate_requirements(framework, tier_id, register_type, earlier):
            if kinds[requirement.artefact] != "approval":
                found.setdefault(requirement.artefact, requirement)
    return list(found.values())


def to_do_first(framework: Framework, facts: PartnershipFacts, tier_id: str, gate: str) -> list[Requirement]:
    """The groundwork of an approval needed at `gate` not done yet: it cannot be asked for until it is."""
    return [
        r
        for r in groundwork(framework, tier_id, facts.register_type, gate)
        if not facts.evidence.get(r.artefact)
    ]


def pending_approvals(
    framework: Framework, facts: PartnershipFacts, tier_id: str, current: str
) -> list[tuple[Requirement, str]]:
    """(requirement, role id) pairs still to approve for the gates ahead of `current`, where the
    artefact is ready to decide on: done, or, for an approval, its partnership at the step before
    its gate with everything it decides on done (`to_do_first` empty)."""
    if current in MAIN_PATH:
        ahead = list(MAIN_PATH[MAIN_PATH.index(current) + 1 :])
    elif current in (UNDER_REVIEW, LEAVING):
        ahead = [LEAVING, CLOSED] if current == UNDER_REVIEW else [CLOSED]
    else:
        ahead = []
    if current == ACTIVE:
        ahead = [LEAVING, CLOSED]
    kinds = {a.id: a.kind for a in framework.artefacts}
    pending = []
    for target in ahead:
        for requirement in gate_requirements(
            framework, tier_id, facts.register_type, target, facts.conditions
        ):
            # An approval is decided when the partnership reaches the step before its gate;
            # anything else once it has been done.
            if kinds[requirement.artefact] == "approval":
                ready = (current, target) in GATED and not to_do_first(framework, facts, tier_id, target)
            else:
                ready = bool(facts.evidence.get(requirement.artefact))
            if not ready:
                continue
            outcomes = approvers.outcomes_of(facts.approvals, requirement.artefact)
            for role_id in approvers.outstanding(requirement, outcomes):
                pending.append((requirement, role_id))
    return pending
