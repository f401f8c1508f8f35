"""Saving what a partnership produces in the cycle: artefact records and their files.

Every save makes a new revision of the record (so a decision based on an earlier revision no longer
counts, accord.domain.lifecycle.basis), is written to the partnership's history, and keeps the framework's
obligation statuses in step. Callers work out `complete` with the rules in accord.domain.lifecycle.content.
"""

import copy
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import F

from accord.frameworks.store import partnerships_changed
from accord.kernel import clock
from accord.kernel.accounts.models import User
from accord.kernel.audit.bulk import insert_returning
from accord.kernel.audit.models import Action as AuditAction
from accord.kernel.audit.models import AuditEvent
from accord.kernel.audit.service import actor_name, event
from accord.kernel.audit.service import record as audit
from accord.register.models import Partnership
from accord.register.services import lock_open

from .content import real_period
from .models import ArtefactRecord, EvidenceFile

PERIOD_REFUSED = "The end of the period must be after its start"


class RecordRefused(ValueError):
    """A record that cannot be saved as given; the message says why."""


def _state(record: ArtefactRecord | None) -> dict[str, tuple[str, str]]:
    if record is None:
        return {}
    return {
        "status": ("Status", "Complete" if record.complete else "Not complete"),
        "produced_on": ("Date", record.produced_on.strftime("%-d %B %Y") if record.produced_on else ""),
        "summary": ("Summary", record.summary),
    }


@transaction.atomic
def save_record(
    actor,
    partnership: Partnership,
    slot: str,
    *,
    kind: str,
    title: str,
    complete: bool,
    answers: dict[str, Any] | None = None,
    summary: str | None = None,
    produced_on: date | None = None,
    reason: str = "",
) -> ArtefactRecord:
    """Create or change the record in `slot`; returns it at its new revision. Saving it unchanged
    changes nothing: no new revision, so no decision based on it stops counting (ADR 0023). A report's
    period (`answers["period"]`) must be a real one: it ends after it starts (ADR 0024)."""
    if answers is not None and "period" in answers and real_period(answers) is None:
        raise RecordRefused(PERIOD_REFUSED)
    partnership = lock_open(partnership)
    record = ArtefactRecord.objects.select_for_update().filter(partnership=partnership, slot=slot).first()
    if record is not None and _unchanged(record, kind, title, complete, answers, summary, produced_on):
        return record
    before = _state(record)
    if record is None:
        record = ArtefactRecord(partnership=partnership, slot=slot, created_by=_user(actor))
    else:
        record.revision = F("revision") + 1
    record.kind = kind
    record.title = title
    record.complete = complete
    record.updated_by = _user(actor)
    if answers is not None:
        record.answers = answers
    if summary is not None:
        record.summary = summary
    if produced_on is not None or not complete:
        record.produced_on = produced_on
    record.save()
    record.refresh_from_db()
    audit(
        actor=actor,
        instance=record,
        action=AuditAction.CHANGED if before else AuditAction.CREATED,
        before=before,
        after=_state(record),
        reason=reason or f"{title} saved (revision {record.revision})",
        partnership=partnership,
    )
    partnerships_changed([partnership.pk])
    return record


def create_records(
    actor, slot: str, kind: str, wanted: Sequence[tuple[Partnership, str, bool, date | None]]
) -> list[AuditEvent]:
    """`save_record` (with `answers={}`) for many partnerships that have no record in `slot` yet, each
    given as (partnership, title, complete, produced_on) and locked open by the caller: the records are
    saved at revision 1, and their history events returned in the same order, unsaved, for the caller to
    write with its own. The caller keeps the obligations in step once, for all of them."""
    user = _user(actor)
    records = [
        ArtefactRecord(
            partnership=partnership,
            slot=slot,
            kind=kind,
            title=title,
            complete=complete,
            answers={},
            produced_on=produced_on,
            created_by=user,
            updated_by=user,
        )
        for partnership, title, complete, produced_on in wanted
    ]
    insert_returning(ArtefactRecord, records)
    events = [
        event(
            actor=actor,
            instance=record,
            action=AuditAction.CREATED,
            before={},
            after=_state(record),
            reason=f"{record.title} saved (revision {record.revision})",
            partnership=record.partnership,
        )
        for record in records
    ]
    return [e for e in events if e is not None]


def _unchanged(record: ArtefactRecord, kind, title, complete, answers, summary, produced_on) -> bool:
    wanted_date = produced_on if (produced_on is not None or not complete) else record.produced_on
    return (
        record.kind == kind
        and record.title == title
        and record.complete == complete
        and (answers is None or record.answers == answers)
        and (summary is None or record.summary == summary)
        and record.produced_on == wanted_date
    )


def new_revision(partnership: Partnership, slots) -> None:
    """A new revision of the records in `slots`, changed now, for changes made outside `save_record`
    (a file added, the agreement's coverage or signatories): the decisions based on them no longer
    count, and their pages say when they changed."""
    ArtefactRecord.objects.filter(partnership=partnership, slot__in=list(slots)).update(
        revision=F("revision") + 1, updated_at=clock.now()
    )


def _user(actor):
    return actor if isinstance(actor, User) and actor.pk else None


@transaction.atomic
def add_file(
    actor, partnership: Partnership, slot: str, upload, *, section: str = "", description: str = ""
) -> EvidenceFile:
    """Store an uploaded file (already checked by accord.domain.lifecycle.uploads) against a slot. A new
    file for a record makes a new revision of it: what is approved is what was seen."""
    partnership = lock_open(partnership)
    evidence = EvidenceFile(
        partnership=partnership,
        slot=slot,
        section=section,
        name=upload.name[:200],
        content_type=getattr(upload, "content_type", "") or "application/octet-stream",
        size=upload.size,
        description=description,
        uploaded_by=_user(actor),
        uploaded_by_name=actor_name(actor),
    )
    evidence.file.save(upload.name, upload, save=False)
    evidence.save()
    new_revision(partnership, [slot])
    audit(
        actor=actor,
        instance=evidence,
        action=AuditAction.CREATED,
        before={},
        after={"file": ("File", evidence.name), "slot": ("For", slot)},
        reason=description,
        partnership=partnership,
    )
    return evidence


@transaction.atomic
def save_answers(
    actor,
    partnership: Partnership,
    slot: str,
    patch: dict[str, dict[str, Any]],
    *,
    kind: str,
    title: str,
    is_complete: Callable[[dict[str, Any]], bool],
    reason: str = "",
) -> ArtefactRecord:
    """Merge `patch` ({"sections": {...}} or {"banks": {...}}) into the record's answers and save.

    The merge happens with the partnership locked, so two people saving different parts of the
    same record at once both keep their answers. `is_complete` decides completeness from the merged
    answers; a complete record is dated today."""
    lock_open(partnership)
    current = ArtefactRecord.objects.select_for_update().filter(partnership=partnership, slot=slot).first()
    answers = copy.deepcopy(current.answers) if current else {}
    for key, values in patch.items():
        answers[key] = {**(answers.get(key) or {}), **values}
    complete = is_complete(answers)
    return save_record(
        actor,
        partnership,
        slot,
        kind=kind,
        title=title,
        complete=complete,
        answers=answers,
        produced_on=completed_on(current, complete, answers=answers),
        reason=reason,
    )


def completed_on(current: ArtefactRecord | None, complete: bool, **same) -> date | None:
    """The date a record saved as `complete` was produced: today, unless it was already complete
    with the same content (saving it again does not make it newer evidence)."""
    if not complete:
        return None
    if current is not None and current.complete and all(getattr(current, k) == v for k, v in same.items()):
        return current.produced_on
    return clock.today()
