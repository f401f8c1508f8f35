"""The auditor: turns a before/after snapshot of a record into one immutable history event.

Services call `snapshot` before and after a change and `record` with both; views never write
history themselves, so no path that changes governed data can skip it.
"""

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Required, TypedDict, Unpack

from django.contrib.auth import get_user_model
from django.db import models

from .models import Action, AuditEvent

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser
    from django.contrib.auth.models import AnonymousUser

# Who made a change: a signed-in person, or words for where else it came from ("Command line
# (accord set_role)"); None, or anyone not signed in, is recorded as the system.
type Actor = AbstractBaseUser | AnonymousUser | str | None


def display_value(instance: models.Model, field: models.Field[Any, Any]) -> str:
    """The value of a field as a person reads it (labels, not codes)."""
    value = getattr(instance, field.name)
    if value is None or value == "":
        return ""
    if field.choices:
        return str(getattr(instance, f"get_{field.name}_display")())
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, Decimal):
        return f"£{value:,.2f}" if "amount" in field.name or "contribution" in field.name else str(value)
    if isinstance(value, date):
        return value.strftime("%-d %B %Y")
    return str(value)


def governed_fields(
    instance: models.Model | type[models.Model], exclude: Iterable[str] = ()
) -> list[models.Field[Any, Any]]:
    skip = {"id", "version", "created_at", "updated_at", *exclude}
    return [
        f
        for f in instance._meta.concrete_fields
        if f.name not in skip and not (f.is_relation and f.related_model is None)
    ]


def snapshot(instance: models.Model | None, exclude: Iterable[str] = ()) -> dict[str, tuple[str, str]]:
    """{field name: (label, display value)} for every governed field; {} for a record not yet made."""
    if instance is None:
        return {}
    return {
        f.name: (str(f.verbose_name).capitalize(), display_value(instance, f))
        for f in governed_fields(instance, exclude)
    }


def diff(before: dict[str, tuple[str, str]], after: dict[str, tuple[str, str]]) -> list[dict[str, str]]:
    changes = []
    for name in after.keys() | before.keys():
        label = (after.get(name) or before[name])[0]
        old = before.get(name, ("", ""))[1]
        new = after.get(name, ("", ""))[1]
        if old != new:
            changes.append({"field": name, "label": label, "old": old, "new": new})
    order = list(after) or list(before)
    return sorted(changes, key=lambda c: order.index(c["field"]) if c["field"] in order else 0)


def actor_name(actor: Actor) -> str:
    """How history names who did something: the person's display name, or the text given for a
    command or the system ("Command line (accord set_role)"), or "System"."""
    return getattr(actor, "display_name", None) or str(actor or "System")


class EventDetails(TypedDict, total=False):
    """What `event` is told about a change (the first five are required)."""

    actor: Required[Actor]
    instance: Required[models.Model]
    action: Required[str]
    before: Required[dict[str, tuple[str, str]]]
    after: Required[dict[str, tuple[str, str]]]
    reason: str
    partnership: Any
    organisation: Any
    person: Any
    version: int | None
    label: str


def record(**details: Unpack[EventDetails]) -> AuditEvent | None:
    """Write the history event `event` makes (none for a change that changed nothing, with no reason)."""
    found = event(**details)
    if found is not None:
        found.save(force_insert=True)
    return found


def event(
    *,
    actor: Actor,
    instance: models.Model,
    action: str,
    before: dict[str, tuple[str, str]],
    after: dict[str, tuple[str, str]],
    reason: str = "",
    partnership: Any = None,
    organisation: Any = None,
    person: Any = None,
    version: int | None = None,
    label: str = "",
) -> AuditEvent | None:
    """One history event, not yet saved (`record` saves it; a bulk write saves many at once with
    accord.kernel.audit.bulk.insert_rows). `label` names the thing in history when the caller knows it
    in the framework's words (the instance's own name otherwise): never an id."""
    changes = diff(before, after)
    if action == Action.CHANGED and not changes and not reason:
        return None
    return AuditEvent(
        actor=actor if isinstance(actor, get_user_model()) and actor.pk else None,
        actor_name=actor_name(actor),
        action=action,
        object_type=str(instance._meta.verbose_name),
        object_id=instance.pk,
        object_label=(label or str(instance))[:300],
        partnership=partnership,
        organisation=organisation,
        person=person,
        version=version,
        changes=changes,
        reason=reason,
    )
