"""Checks that every rule a framework file sets on what counts as evidence can be met (ADR 0024).

A file must not name an evidence rule nobody could satisfy: a role that the register's People and
roles does not have, a governing document with no headings to check it against, a review with no
questions to answer, or gaps that may be "explained and accepted" with nobody named to accept them.
Each problem is reported as (path, message), like accord.frameworks.checks.
"""

from collections.abc import Iterator

from accord.register.models.people import RoleType

from .schema import Artefact, Framework

Problem = tuple[str, str]

# Governing documents: their status and their coverage of a template's headings decide whether they count.
GOVERNING_KINDS = ("agreement", "terms_of_reference")
GOVERNING_FIELDS = ("must_be", "coverage", "complete_in_tiers")


def role_types() -> dict[str, str]:
    """The register's role types (People and roles) a `met_by_role` may name."""
    return dict(RoleType.choices)


def governing_artefact(fw: Framework, type_id: str | None) -> Artefact | None:
    """The partnership's governing document under this framework, for a partnership of this type: an
    agreement whose requirements apply to the type, else terms of reference that do (Central
    Bedfordshire's public sector partnerships are governed by their Board's terms of reference, 2.9.1).
    None when the framework requires neither of this type."""
    for kind in GOVERNING_KINDS:
        for artefact in fw.artefacts:
            if artefact.kind != kind:
                continue
            types = [r.types for r in fw.requirements if r.artefact == artefact.id]
            if any(not t or type_id in t for t in types):
                return artefact
    return None


def governing_ids(fw: Framework) -> set[str]:
    """Every artefact that is some partnership's governing document, and every agreement."""
    found = {a.id for a in fw.artefacts if a.kind == "agreement"}
    for type_id in [None, *(t.id for t in fw.types)]:
        if (artefact := governing_artefact(fw, type_id)) is not None:
            found.add(artefact.id)
    return found


def _governing(path: str, artefact: Artefact, fw: Framework, governing: set[str]) -> Iterator[Problem]:
    tiers = {t.id for t in fw.significance.tiers}
    if artefact.id not in governing:
        defaults = {
            name: Artefact.model_fields[name].get_default(call_default_factory=True)
            for name in GOVERNING_FIELDS
        }
        for name, default in defaults.items():
            if getattr(artefact, name) != default:
                yield f"{path}.{name}", f"`{name}` is checked only on a partnership's governing document"
        return
    if artefact.template is None:
        yield f"{path}.template", "a governing document needs the template whose headings it must cover"
    for j, tier in enumerate(artefact.complete_in_tiers):
        if tier not in tiers:
            yield (
                f"{path}.complete_in_tiers.{j}",
                f"unknown tier '{tier}' (known: {', '.join(sorted(tiers))})",
            )
    explained_somewhere = artefact.coverage == "explained" and set(artefact.complete_in_tiers) != tiers
    for k, requirement in enumerate(fw.requirements):
        if requirement.artefact != artefact.id or requirement.approvers or not explained_somewhere:
            continue
        applies_to = set(requirement.tiers or tiers) - set(artefact.complete_in_tiers)
        if applies_to:
            yield (
                f"requirements.{k}.approvers",
                f"'{artefact.id}' may leave headings out if each gap is explained and accepted, but this "
                "requirement names nobody to accept them: name its approvers, or set `coverage: complete`",
            )


def check_evidence_rules(fw: Framework) -> Iterator[Problem]:
    roles = None
    governing = governing_ids(fw)
    for i, artefact in enumerate(fw.artefacts):
        path = f"artefacts.{i}"
        yield from _governing(path, artefact, fw, governing)
        if artefact.met_by_role is not None:
            roles = roles if roles is not None else role_types()
            if artefact.met_by_role not in roles:
                known = ", ".join(sorted(roles))
                yield (
                    f"{path}.met_by_role",
                    f"unknown role '{artefact.met_by_role}' (People and roles has: {known})",
                )
            if artefact.kind != "other":
                yield f"{path}.met_by_role", "only an artefact of kind other is met by a role holder"
        if artefact.kind == "review" and not artefact.banks:
            yield f"{path}.banks", "a review is carried out by answering a question bank: name at least one"
