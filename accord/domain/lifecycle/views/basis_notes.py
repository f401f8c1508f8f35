"""What the cycle's pages say about decisions and what they rest on (ADR 0023): the groundwork to
complete before an approval can be asked for, and, where a decision no longer counts, which change
voided it."""

from markupsafe import Markup

from accord.frameworks import approvers, stage_names
from accord.kernel.ui.components import link
from accord.kernel.ui.formatting import govuk_date
from accord.register.models import Partnership

from .. import basis, cycle
from ..case_state import State
from .common import artefact_url


def first_links(partnership: Partnership, now: State, gate: str) -> list[Markup]:
    """A link to each thing to complete before an approval needed at `gate` can be asked for."""
    artefacts = {a.id: a for a in now.framework.artefacts}
    return [
        link(artefact_url(partnership, now.framework, artefacts[r.artefact]), artefacts[r.artefact].name)
        for r in cycle.to_do_first(now.framework, now.facts, now.tier_id, gate)
    ]


def complete_first(links: list[Markup]) -> Markup:
    """'Complete these first: <a>…</a>, <a>…</a>.' ('' when there is nothing to do first)."""
    if not links:
        return Markup("")
    listed = links[0] if len(links) == 1 else Markup(", ").join(links[:-1]) + Markup(" and ") + links[-1]
    return Markup("Complete these first: {}.").format(listed)


def voided_notes(partnership: Partnership, now: State) -> dict[tuple[str, str], str]:
    """(artefact id, role id) -> 'The Cabinet's approval of 3 December 2026 no longer counts: the
    business case was changed on 5 December 2026 after this decision.', for each latest decision
    that no longer counts."""
    notes = {}
    for key, (decision, standing) in basis.no_longer_counting(partnership, now).items():
        what = "approval" if decision.outcome == "approved" else "refusal"
        on = govuk_date(decision.decided_on)
        notes[key] = f"The {decision.role_title}'s {what} of {on} no longer counts: {standing.reason}."
    return notes


def hint(text: str, first: Markup | str = "", notes: list[str] | None = None) -> Markup:
    """A task's hint: what it is, then, each on its own line, what to complete first and why earlier
    decisions stopped counting."""
    parts = [Markup("{}").format(text), Markup(first), *(Markup("{}").format(n) for n in notes or ())]
    return Markup("<br>").join(p for p in parts if p)


def later_approvals(partnership: Partnership, now: State) -> list[dict[str, object]]:
    """The approvals still to be asked for at the gates beyond the next one on the main path, each
    with who gives it, the stage it opens and what to complete first."""
    status = partnership.status
    if status not in cycle.MAIN_PATH:
        return []
    framework = now.framework
    kinds = {a.id: a for a in framework.artefacts}
    roles = {r.id: r.title for r in framework.roles}
    found = []
    for gate in cycle.MAIN_PATH[cycle.MAIN_PATH.index(status) + 2 :]:
        first = first_links(partnership, now, gate)
        for requirement in cycle.gate_requirements(
            framework, now.tier_id, now.facts.register_type, gate, now.facts.conditions
        ):
            artefact = kinds[requirement.artefact]
            outcomes = approvers.outcomes_of(now.facts.approvals, artefact.id)
            waiting_ids = approvers.outstanding(requirement, outcomes)
            waiting = [roles.get(role, role) for role in waiting_ids]
            if artefact.kind == "approval" and waiting:
                found.append(
                    {
                        "name": artefact.name,
                        "by": approvers.joined(requirement, lambda r: roles.get(r, r), waiting_ids),
                        "stage": stage_names.stage_name(framework, gate),
                        "first": complete_first(first),
                        "cite": requirement.cite,
                    }
                )
    return found
