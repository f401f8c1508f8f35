"""The sign-off (Bury App 3): who was consulted, what they advised, and whether it was followed.

The framework's sign-off artefact names the question banks that list the consultees it expects
("Portfolio Holder: who was consulted, and what advice did they give?"). The department is the
text before the colon. The sign-off is complete when at least one consultee is recorded, every
expected department is covered by a row (matched ignoring case and punctuation), and every row
gives the advice and, where it was not followed, why not.

Every change to a consultee row is written to the partnership's history and recomputes the
sign-off record, which makes a new revision of it: approvals of the earlier sign-off no longer count.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import transaction

from accord.frameworks.engine import framework_type
from accord.frameworks.schema import Artefact, Declaration, Framework
from accord.kernel.audit.models import Action as AuditAction
from accord.kernel.audit.service import record as audit
from accord.kernel.audit.service import snapshot
from accord.register.models import Partnership

from . import content, cycle, recording
from .models import ArtefactRecord, Consultee

SLOT = "sign_off"
KIND = "sign_off"
TITLE = "Sign-off"
KEY_AREAS = re.compile(r"key areas for consultation:\s*(?P<areas>.*?)\.(?:\s|$)", re.IGNORECASE)
PARENTHESIS = re.compile(r"\s*\((?P<note>[^)]*)\)\s*$")

CONSULTEE_FIELDS = (
    "department",
    "key_areas",
    "officer_name",
    "officer_position",
    "advice",
    "followed",
    "why_not_followed",
    "consulted_on",
)


@dataclass
class Expected:
    """A department the framework expects to be consulted, with what to consult it on."""

    department: str
    key_areas: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    cite: str = ""
    covered: bool = False

    @property
    def key(self) -> str:
        return normalise(self.department)


def normalise(department: str) -> str:
    """Departments match ignoring case, punctuation and '&' versus 'and'."""
    text = department.casefold().replace("&", " and ")
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def artefact(framework: Framework) -> Artefact | None:
    """The framework's sign-off artefact, if it has one."""
    return next((a for a in framework.artefacts if a.kind == KIND), None)


def expected_departments(framework: Framework) -> list[Expected]:
    """The consultees the framework's sign-off asks for, in its order, without repeats.

    A question counts when it reads "<department>: who was consulted…"; "Other (please specify)"
    and the closing declaration are not departments."""
    found: dict[str, Expected] = {}
    sign_off = artefact(framework)
    for bank_id in sign_off.banks if sign_off else []:
        bank = content.bank(framework, bank_id)
        for question in bank.questions if bank else []:
            department, _, rest = question.text.partition(":")
            if not rest or "consulted" not in rest.lower() or department.strip().lower().startswith("other"):
                continue
            note = PARENTHESIS.search(department)
            name = PARENTHESIS.sub("", department).strip()
            entry = found.setdefault(normalise(name), Expected(name, cite=question.cite))
            if note and note["note"] not in entry.notes:
                entry.notes.append(note["note"])
            areas = KEY_AREAS.search(question.hint)
            for area in areas["areas"].split(";") if areas else []:
                if area.strip() and area.strip() not in entry.key_areas:
                    entry.key_areas.append(area.strip())
    return list(found.values())


def with_coverage(expected: list[Expected], consultees: list[Consultee]) -> list[Expected]:
    departments = {normalise(c.department) for c in consultees}
    for entry in expected:
        entry.covered = entry.key in departments
    return expected


def row_gaps(consultee: Consultee) -> list[str]:
    """What one row still needs."""
    gaps = []
    if not consultee.advice.strip():
        gaps.append("the advice given")
    if not consultee.followed and not consultee.why_not_followed.strip():
        gaps.append("why the advice was not followed")
    return gaps


def declaration(framework: Framework) -> Declaration | None:
    """The declaration the framework's sign-off is signed with, if it has one (Bury App 3)."""
    found = artefact(framework)
    return found.declaration if found else None


def signed(record: ArtefactRecord | None) -> dict[str, str]:
    """The declaration as signed on the current sign-off: {"name", "signed_on"}, or {} if unsigned."""
    given = ((record.answers or {}) if record else {}).get("declaration") or {}
    return given if given.get("name") and given.get("signed_on") else {}


def gaps(
    framework: Framework, consultees: list[Consultee], signature: Mapping[str, str] | None = None
) -> list[str]:
    """What stops the sign-off being complete, in plain words (empty when complete)."""
    found = []
    if not consultees:
        found.append("Record at least one consultee")
    for entry in with_coverage(expected_departments(framework), consultees):
        if not entry.covered:
            found.append(f"Record the advice of {entry.department}")
    for consultee in consultees:
        for gap in row_gaps(consultee):
            found.append(f"{consultee.department}: give {gap}")
    wanted = declaration(framework)
    if wanted is not None and not signature:
        found.append(f"The {wanted.signed_by} signs and dates the declaration")
    return found


def is_complete(
    framework: Framework, consultees: list[Consultee], signature: Mapping[str, str] | None = None
) -> bool:
    return not gaps(framework, consultees, signature)


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    cleaned = {name: values.get(name) for name in CONSULTEE_FIELDS}
    for name in CONSULTEE_FIELDS:
        if isinstance(value := cleaned[name], str):
            cleaned[name] = value.strip()
    cleaned["followed"] = bool(cleaned["followed"])
    if cleaned["followed"]:
        cleaned["why_not_followed"] = ""
    cleaned["why_not_followed"] = cleaned["why_not_followed"] or ""
    return cleaned


class SignOffError(Exception):
    """A sign-off change refused; the message says why."""


def _validate(values: dict[str, Any]) -> None:
    for name, message in (
        ("department", "Enter the department or service consulted"),
        ("officer_name", "Enter the advising officer's name"),
        ("advice", "Enter the advice given"),
    ):
        if not values[name]:
            raise SignOffError(message)
    if not values["followed"] and not values["why_not_followed"]:
        raise SignOffError("Enter why the advice was not followed")


def _recompute(
    actor, partnership: Partnership, framework: Framework, signature: Mapping[str, str] | None = None
) -> ArtefactRecord:
    """Save the sign-off as it now stands. A change to the consultees unsigns the declaration ("I have
    consulted the above": the above has changed); signing it passes `signature`."""
    consultees = list(partnership.consultees.all())
    complete = is_complete(framework, consultees, signature)
    # What the approvers read: every row as it stands, so a change to any of them is a new revision.
    answers: dict[str, Any] = {
        "consultees": [[str(v) for v in row] for row in partnership.consultees.values_list(*ROW)]
    }
    if signature:
        answers["declaration"] = dict(signature)
    current = ArtefactRecord.objects.filter(partnership=partnership, slot=SLOT).first()
    return recording.save_record(
        actor,
        partnership,
        SLOT,
        kind=KIND,
        title=TITLE,
        complete=complete,
        answers=answers,
        summary=f"{len(consultees)} consultee(s) recorded.",
        produced_on=recording.completed_on(current, complete, answers=answers),
    )


ROW = (
    "id",
    "department",
    "key_areas",
    "officer_name",
    "officer_position",
    "advice",
    "followed",
    "why_not_followed",
    "consulted_on",
)


@transaction.atomic
def save_consultee(
    actor,
    partnership: Partnership,
    values: dict[str, Any],
    framework: Framework,
    consultee: Consultee | None = None,
) -> Consultee:
    """Add a consultee row (or change `consultee`), then recompute the sign-off."""
    partnership = recording.lock_open(partnership)
    cleaned = _clean(values)
    _validate(cleaned)
    if consultee is not None:
        consultee = Consultee.objects.select_for_update().get(pk=consultee.pk, partnership=partnership)
    before = snapshot(consultee, ["partnership"])
    row = consultee or Consultee(partnership=partnership)
    for name, value in cleaned.items():
        setattr(row, name, value)
    row.save()
    audit(
        actor=actor,
        instance=row,
        action=AuditAction.CHANGED if consultee else AuditAction.CREATED,
        before=before,
        after=snapshot(row, ["partnership"]),
        reason="Sign-off consultee " + ("changed" if consultee else "added"),
        partnership=partnership,
    )
    _recompute(actor, partnership, framework)
    return row


@transaction.atomic
def remove_consultee(
    actor, partnership: Partnership, consultee: Consultee, reason: str, framework: Framework
) -> None:
    """Remove a consultee row, with the reason kept in the history, then recompute the sign-off."""
    if not reason.strip():
        raise SignOffError("Enter the reason for removing this consultee")
    partnership = recording.lock_open(partnership)
    row = Consultee.objects.select_for_update().get(pk=consultee.pk, partnership=partnership)
    before = snapshot(row, ["partnership"])
    pk = row.pk
    row.delete()
    row.pk = pk  # keep the identity for the history entry
    audit(
        actor=actor,
        instance=row,
        action=AuditAction.REMOVED,
        before=before,
        after={},
        reason=reason.strip(),
        partnership=partnership,
    )
    _recompute(actor, partnership, framework)


@transaction.atomic
def sign_declaration(
    actor, partnership: Partnership, framework: Framework, name: str, signed_on: date
) -> ArtefactRecord:
    """The declaration signed by `name` on `signed_on`; refused without one to sign, a name, or
    anyone consulted yet ("I have consulted the above")."""
    wanted = declaration(framework)
    if wanted is None:
        raise SignOffError("The framework's sign-off has no declaration")
    if not name.strip():
        raise SignOffError(f"Enter the name of the {wanted.signed_by} signing the declaration")
    partnership = recording.lock_open(partnership)
    if not partnership.consultees.exists():
        raise SignOffError("Record who was consulted before the declaration is signed")
    signature = {"name": name.strip(), "signed_on": signed_on.isoformat(), "text": wanted.text}
    return _recompute(actor, partnership, framework, signature)


@dataclass(frozen=True)
class RequiredApproval:
    """A written approval the framework requires of the sign-off, and where it stands."""

    artefact_id: str
    artefact_name: str
    role_id: str
    role_title: str
    gate: str
    cite: str
    outcome: str  # "approved", "refused" or "" (not decided on the current sign-off)


def required_approvals(
    framework: Framework,
    approvals: Mapping[tuple[str, str], str],
    tier_id: str | None = None,
    register_type: str | None = None,
) -> list[RequiredApproval]:
    """Approvers the framework names for its sign-off artefacts, with the latest decision on the
    current sign-off in each role. Given a tier (and type), only the requirements that apply to it."""
    kinds = {a.id: a for a in framework.artefacts}
    titles = {r.id: r.title for r in framework.roles}
    type_id = framework_type(framework, register_type) if register_type is not None else None
    found, seen = [], set()
    for requirement in framework.requirements:
        sign_off = kinds.get(requirement.artefact)
        if sign_off is None or sign_off.kind != KIND:
            continue
        if tier_id is not None and not cycle.applies(requirement, tier_id, type_id):
            continue
        for role_id in requirement.approvers:
            if (sign_off.id, role_id) in seen:
                continue
            seen.add((sign_off.id, role_id))
            found.append(
                RequiredApproval(
                    artefact_id=sign_off.id,
                    artefact_name=sign_off.name,
                    role_id=role_id,
                    role_title=titles.get(role_id, role_id),
                    gate=requirement.gate,
                    cite=requirement.cite,
                    outcome=approvals.get((sign_off.id, role_id), ""),
                )
            )
    return found
