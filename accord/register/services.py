"""Every change to the register goes through these functions.

Each one runs in a transaction, refuses a stale edit (someone else saved first), records the
change in the audit trail and keeps the search index and contribution totals in step. Views
call them; nothing else writes register data (see ADR 0003).
"""

from collections.abc import Mapping
from typing import Any, Protocol, cast

from django.db import models, transaction
from django.db.models import F

from accord.kernel.audit.models import Action, AuditEvent
from accord.kernel.audit.service import Actor, record, snapshot

from . import writes
from .models import (
    Contribution,
    Membership,
    Organisation,
    Partnership,
    PriorityLink,
)
from .models.base import Versioned
from .models.people import PartnershipRole
from .search import index_partnership
from .writes import Child
from .writes import refresh_contribution_total as refresh_contribution_total  # its callers' name


class HasVersion(Protocol):
    """A record whose every save bumps its version (a register record, a risk, an indicator...)."""

    @property
    def pk(self) -> Any: ...

    @property
    def version(self) -> int: ...


class StaleEdit(Exception):
    """Someone else saved the record after this editor opened it."""

    def __init__(self, current: HasVersion, changes_since: list[AuditEvent]):
        super().__init__("The record was changed by someone else.")
        self.current = current
        self.changes_since = changes_since


class ReasonRequired(Exception):
    """A significant change (closing, removing) needs the editor's reason."""


def _history_filter(instance: models.Model) -> dict[str, Any]:
    if isinstance(instance, Partnership):
        return {"partnership": instance}
    if isinstance(instance, Organisation):
        return {"organisation": instance, "object_type": "organisation"}
    return {"person": instance, "object_type": "person"}


def changes_since(instance: models.Model, version: int) -> list[AuditEvent]:
    return list(
        AuditEvent.objects.filter(**_history_filter(instance), version__gt=version).order_by("at", "id")
    )


def _lock[V: Versioned](model: type[V], pk: int, expected_version: int | None) -> V:
    instance = model._default_manager.select_for_update().get(pk=pk)
    if expected_version is not None and instance.version != expected_version:
        raise StaleEdit(instance, changes_since(instance, expected_version))
    return instance


def _scope(instance: models.Model) -> dict[str, Any]:
    if isinstance(instance, Partnership):
        return {"partnership": instance}
    if isinstance(instance, Organisation):
        return {"organisation": instance}
    return {"person": instance}


class Finished(Exception):
    """A closed, rejected or withdrawn partnership keeps its record but it can no longer change."""


def _refuse_status_change(instance: models.Model, values: Mapping[str, Any]) -> None:
    if isinstance(instance, Partnership) and "status" in values and values["status"] != instance.status:
        raise ValueError("A partnership's status changes only through the partnership cycle.")


def lock_open(partnership: Partnership) -> Partnership:
    """Lock the partnership's row for this transaction, refusing one that is finished. Every write to
    a partnership's cycle or risks starts here."""
    locked = Partnership.objects.select_for_update().get(pk=partnership.pk)
    _refuse_if_finished(locked)
    return locked


def lock_open_many(partnership_ids: list[int]) -> dict[int, Partnership]:
    """`lock_open` for many partnerships (a few hundred rows a query): each row locked, a finished one
    refused; only what the refusal and the history need is loaded (name and status)."""
    ids = sorted(set(partnership_ids))
    found: dict[int, Partnership] = {}
    for start in range(0, len(ids), writes.BATCH):
        chunk = ids[start : start + writes.BATCH]
        for locked in Partnership.objects.select_for_update().filter(pk__in=chunk).only("name", "status"):
            _refuse_if_finished(locked)
            found[locked.pk] = locked
    missing = set(ids) - found.keys()
    if missing:
        raise Partnership.DoesNotExist(f"No partnership with the id {min(missing)}")
    return found


def _refuse_if_finished(partnership: Partnership) -> None:
    if partnership.is_finished:
        raise Finished(f"{partnership.name} is {partnership.get_status_display().lower()}; it is read-only.")


@transaction.atomic
def create[V: Versioned](actor: Actor, model: type[V], values: Mapping[str, Any], reason: str = "") -> V:
    """Create a partnership, organisation or person. A partnership is added by the register's one
    write path (accord.register.writes), as the importer and the demo add theirs."""
    if model is Partnership:
        return cast(V, writes.create_many(actor, [values], reason, lead_officer=True)[0])
    instance = model(**values)
    instance.save()
    record(
        actor=actor,
        instance=instance,
        action=Action.CREATED,
        before={},
        after=snapshot(instance),
        reason=reason,
        version=instance.version,
        **_scope(instance),
    )
    return instance


@transaction.atomic
def update[V: Versioned](
    actor: Actor,
    model: type[V],
    pk: int,
    values: Mapping[str, Any],
    expected_version: int,
    reason: str = "",
) -> V:
    """Change fields of a partnership, organisation or person, refusing a stale edit."""
    instance = _lock(model, pk, expected_version)
    _refuse_status_change(instance, values)
    if isinstance(instance, Partnership):
        _refuse_if_finished(instance)
    before = snapshot(instance)
    for name, value in values.items():
        setattr(instance, name, value)
    instance.version = F("version") + 1
    instance.save()
    instance.refresh_from_db()
    record(
        actor=actor,
        instance=instance,
        action=Action.CHANGED,
        before=before,
        after=snapshot(instance),
        reason=reason,
        version=instance.version,
        **_scope(instance),
    )
    if isinstance(instance, Partnership):
        index_partnership(instance)
        _keep_obligations_in_step([instance.pk])
    elif isinstance(instance, Organisation):
        for partnership in instance.led_partnerships.all().only("pk"):
            index_partnership(
                Partnership.objects.select_related("lead_organisation", "partnership_type").get(
                    pk=partnership.pk
                )
            )
    return instance


def _bump(partnership: Partnership) -> int:
    Partnership.objects.filter(pk=partnership.pk).update(version=F("version") + 1)
    partnership.refresh_from_db(fields=["version"])
    return partnership.version


# The records a partnership owns that are added, changed and removed with it (writes.Child).
ChildModel = type[Membership] | type[PartnershipRole] | type[Contribution] | type[PriorityLink]


@transaction.atomic
def add_child[C: Child](
    actor: Actor,
    partnership: Partnership,
    model: type[C],
    values: Mapping[str, Any],
    expected_version: int | None,
    reason: str = "",
) -> C:
    """Add a member, role, contribution or priority link to a partnership."""
    partnership = _lock(Partnership, partnership.pk, expected_version)
    _refuse_if_finished(partnership)
    child = model(partnership=partnership, **values)
    child.save()
    _record_child(actor, partnership, child, Action.CREATED, {}, snapshot(child, ["partnership"]), reason)
    return child


@transaction.atomic
def change_child[C: Child](
    actor: Actor, child: C, values: Mapping[str, Any], expected_version: int, reason: str = ""
) -> C:
    partnership = _lock(Partnership, child.partnership_id, expected_version)
    _refuse_if_finished(partnership)
    # The same model's row, locked (mypy reads the manager of a union-bound type as the whole union).
    child = cast(C, type(child)._default_manager.select_for_update().get(pk=child.pk))
    before = snapshot(child, ["partnership"])
    for name, value in values.items():
        setattr(child, name, value)
    child.save()
    _record_child(actor, partnership, child, Action.CHANGED, before, snapshot(child, ["partnership"]), reason)
    return child


@transaction.atomic
def remove_child(actor: Actor, child: Child, expected_version: int, reason: str) -> None:
    if not reason.strip():
        raise ReasonRequired("Give a reason for removing this.")
    partnership = _lock(Partnership, child.partnership_id, expected_version)
    _refuse_if_finished(partnership)
    before = snapshot(child, ["partnership"])
    pk = child.pk
    child.delete()
    child.pk = pk  # keep the identity for the history entry
    _record_child(actor, partnership, child, Action.REMOVED, before, {}, reason)


def _keep_obligations_in_step(partnership_ids: list[int]) -> None:
    writes.keep_obligations_in_step(partnership_ids)


def _record_child(
    actor: Actor,
    partnership: Partnership,
    child: Child,
    action: str,
    before: dict[str, tuple[str, str]],
    after: dict[str, tuple[str, str]],
    reason: str,
) -> None:
    version = _bump(partnership)
    if isinstance(child, Contribution):
        refresh_contribution_total(partnership)
    # After the totals: a partnership's tier can depend on what the council contributes.
    _keep_obligations_in_step([partnership.pk])
    record(
        actor=actor,
        instance=child,
        action=action,
        before=before,
        after=after,
        reason=reason,
        partnership=partnership,
        version=version,
    )
