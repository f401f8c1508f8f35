"""Who must still approve a requirement (schema v2, ADR 0028): all of its approvers (the default), or
any one of them (`approve: any`, e.g. Northampton's "Cabinet and/or Chief Executive"). Pure."""

from collections.abc import Callable, Mapping

from .schema import Requirement


def is_approved(requirement: Requirement, outcomes: Mapping[str, str | None]) -> bool:
    """Whether the requirement's approvals are all given: every role's, or for `approve: any`, one."""
    return not outstanding(requirement, outcomes)


def outstanding(requirement: Requirement, outcomes: Mapping[str, str | None]) -> list[str]:
    """Role ids whose approval is still needed, given each role's latest outcome on the current
    artefact ("approved", "refused" or none): for all-of, each role that has not approved; for any-of,
    none once one has approved, otherwise every one of them (any may give it)."""
    approved = [r for r in requirement.approvers if outcomes.get(r) == "approved"]
    if requirement.approve == "any":
        return [] if approved else list(requirement.approvers)
    return [r for r in requirement.approvers if r not in approved]


def joined(requirement: Requirement, title: Callable[[str], str], role_ids: list[str] | None = None) -> str:
    """The approvers in words: "A, B and C" for all-of, "A or B" for any-of."""
    titles = [title(r) for r in (requirement.approvers if role_ids is None else role_ids)]
    word = " or " if requirement.approve == "any" else " and "
    return titles[0] if len(titles) == 1 else ", ".join(titles[:-1]) + word + titles[-1]


def outcomes_of(approvals: Mapping[tuple[str, str], str], artefact_id: str) -> dict[str, str]:
    """Each role's latest outcome on one artefact, from the (artefact id, role id) -> outcome map."""
    return {role: outcome for (artefact, role), outcome in approvals.items() if artefact == artefact_id}
