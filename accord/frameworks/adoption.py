"""Adopting a version of the council's framework from a day, and previewing what it changes
(ADR 0035). The rules for which version is in force are in accord.frameworks.versions; the
comparison, a pure function, in accord.frameworks.impact. Pages and the command line call these."""

from collections.abc import Iterator
from datetime import date

from django.db import transaction
from django.db.models import QuerySet

from accord.kernel import clock
from accord.kernel.accounts.models import User
from accord.kernel.audit.models import Action
from accord.kernel.audit.service import Actor, actor_name, record
from accord.register.models import FINISHED_STATUSES, Partnership

from . import compliance, impact, loader, store, versions
from .apply import facts_for
from .models import FrameworkAdoption
from .schema import Framework

BATCH = 2000


class AdoptionError(ValueError):
    """Refused, with a message for the person who asked."""


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def check_date(on: date) -> None:
    if on < clock.today():
        raise AdoptionError("The date it takes effect must be today or in the future")


def candidate(framework_id: str, version: str) -> Framework:
    """A version of the framework, valid. Raises KeyError if no file defines it, AdoptionError if
    its file has problems."""
    try:
        return versions.candidate(framework_id, version)
    except ValueError as error:
        raise AdoptionError(str(error)) from error


def preview(framework_id: str, version: str, on: date) -> impact.Impact:
    """What changes, for every open partnership, if `version` is in force on `on` instead of the
    version that will otherwise be in force then. Reads the register in batches, in bulk."""
    new = candidate(framework_id, version)
    old = versions.in_force_on(framework_id, on)
    open_ones = Partnership.objects.exclude(status__in=FINISHED_STATUSES)
    changes: dict[int, tuple[impact.Change, ...]] = {}
    checked = 0
    for batch in _batches(open_ones):
        checked += len(batch)
        ids = [p.pk for p in batch]
        stored = compliance.latest_assessments(old, ids)
        answers = {pk: a.answers for pk, a in stored.items()}
        before = facts_for(old, batch, answers=answers)
        after = before if new is old else facts_for(new, batch, answers=answers)
        for p in batch:
            assessment = stored.get(p.pk)
            override = assessment.override_tier_id if assessment and assessment.overridden else None
            found = impact.partnership_changes(old, new, before[p.pk], after[p.pk], on, override)
            if found:
                changes[p.pk] = found
    return impact.Impact(
        framework_id, old.version, new.version, on, impact.summary(old, new), changes, checked
    )


def _batches(queryset: QuerySet[Partnership]) -> Iterator[list[Partnership]]:
    batch: list[Partnership] = []
    rows = queryset.select_related("partnership_type", "directorate").order_by("name", "id")
    for partnership in rows.iterator(chunk_size=BATCH):
        batch.append(partnership)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def situation(framework_id: str, version: str, on: date) -> str:
    """What adopting this version from this day means, in words, before anyone confirms it; raises
    AdoptionError when it would change nothing."""
    rows = versions.rows(framework_id)
    row = next((r for r in rows if r.version == version), None)
    if row is None:
        raise KeyError(version)
    in_force = next(r for r in rows if r.in_force)
    waiting = [r.pending for r in rows if r.pending]
    if row.pending and row.pending.takes_effect_on == on:
        raise AdoptionError(f"Version {version} is already adopted from {long_date(on)}")
    if row.in_force and not waiting:
        raise AdoptionError(f"Version {version} is already in force")
    words = []
    if row.in_force:
        words.append(f"Version {version} is in force now, and is in force again from {long_date(on)}")
    elif versions.version_key(version) < versions.version_key(in_force.version):
        words.append(
            f"Version {version} is older than the version in force ({in_force.version}): it is put back in "
            f"force from {long_date(on)}"
        )
    else:
        words.append(f"Version {version} replaces version {in_force.version} from {long_date(on)}")
    for other in waiting:
        if other.version == version or other.takes_effect_on >= on:
            words.append(
                f"This replaces the adoption of version {other.version} from "
                f"{long_date(other.takes_effect_on)}, not yet in force"
            )
        else:
            words.append(f"Version {other.version} still takes effect on {long_date(other.takes_effect_on)}")
    return " ".join(f"{w}." for w in words)


@transaction.atomic
def adopt(actor: Actor, framework_id: str, version: str, on: date, reason: str) -> FrameworkAdoption:
    """Adopt `version` of the framework from `on`, with the reason, in the history. From that day it
    is the version in force, for every process at once (ADR 0035)."""
    if not reason.strip():
        raise AdoptionError("Enter why this version is being adopted")
    check_date(on)
    framework = candidate(framework_id, version)
    path = versions.files_by_version(framework_id)[version]
    before = loader.get(framework_id).version
    situation(framework_id, version, on)
    row = FrameworkAdoption.objects.create(
        framework_id=framework_id,
        version=framework.version,
        takes_effect_on=on,
        file_name=path.name,
        sha256=versions.sha256_of(path),
        reason=reason.strip(),
        recorded_by=actor if isinstance(actor, User) and actor.pk else None,
        recorded_by_name=actor_name(actor),
    )
    record(
        actor=actor,
        instance=row,
        action=Action.CREATED,
        before={"version": ("Version in force", before)},
        after={
            "version": ("Version adopted", framework.version),
            "takes_effect_on": ("Takes effect on", long_date(on)),
        },
        reason=reason.strip(),
        label=f"{framework.name}, version {framework.version}",
    )
    if on == clock.today():
        store.refresh_if_kept(framework=loader.get(framework_id))
    return row
