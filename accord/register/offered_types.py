"""Which partnership types the register offers: the council framework's own (ADR 0027).

The register keeps partnership types as rows (Settings), seeded from every bundled framework; forms
and filters offer only the types of the framework in force, so one council's types never appear under
another's. The register cannot import the frameworks app (a lower layer), so the frameworks app
registers a provider (`set_provider`, from its AppConfig.ready()) that names them (ADR 0026:
extension points). Without a provider every active type is offered.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from .models import PartnershipType


@dataclass(frozen=True)
class OfferedSubtype:
    id: str  # what the register records
    name: str
    description: str = ""
    citation: str = ""  # in the user's words


@dataclass(frozen=True)
class OfferedType:
    name: str  # the framework's name for the type, the row offered
    aliases: tuple[str, ...] = ()  # other register type names that count as it (kept on old records)
    description: str = ""
    citation: str = ""  # in the user's words
    subtypes: tuple[OfferedSubtype, ...] = ()  # the sub-types the framework divides it into


Provider = Callable[[], Sequence[OfferedType]]
_provider: list[Provider] = []


def set_provider(provider: Provider) -> None:
    _provider[:] = [provider]


def offered() -> Sequence[OfferedType] | None:
    return _provider[0]() if _provider else None


def _named(names: Sequence[str]) -> Q:
    found = Q(pk__in=[])
    for name in names:
        found |= Q(name__iexact=name)
    return found


def names() -> list[str]:
    """The names of the types offered, in order, writing nothing: the framework's own, else every
    active row's."""
    types = offered()
    if types is None:
        return list(
            PartnershipType.objects.filter(active=True).order_by("name").values_list("name", flat=True)
        )
    return sorted(item.name for item in types)


def unsaved_rows() -> list[PartnershipType]:
    """The framework's types that have no row yet, as unsaved rows (a dry run's stand-ins: `choices`
    makes the real ones when something is written)."""
    existing = {name.lower() for name in PartnershipType.objects.values_list("name", flat=True)}
    return [
        PartnershipType(name=item.name, description=item.description, citation=item.citation[:200])
        for item in offered() or ()
        if item.name.lower() not in existing
    ]


def choices(current: int | None = None) -> QuerySet[PartnershipType]:
    """The types a form offers: the framework's own (their rows made if missing), and the one the
    record already has."""
    types = offered()
    if types is None:
        rows = PartnershipType.objects.filter(active=True)
    else:
        for item in types:
            if not PartnershipType.objects.filter(name__iexact=item.name).exists():
                PartnershipType.objects.create(
                    name=item.name, description=item.description, citation=item.citation[:200]
                )
        rows = PartnershipType.objects.filter(_named([t.name for t in types]), active=True)
    return rows | PartnershipType.objects.filter(pk=current) if current else rows


def matching(chosen: PartnershipType) -> Q:
    """Partnerships of a chosen type: of its row, or of a register type that counts as it."""
    for item in offered() or ():
        if item.name.lower() == chosen.name.lower():
            return Q(partnership_type=chosen) | Q(
                partnership_type__in=PartnershipType.objects.filter(_named(item.aliases))
            )
    return Q(partnership_type=chosen)


def listed() -> QuerySet[PartnershipType]:
    """The types Settings lists: the framework's own, and any a partnership still has (another
    framework's seeded types that no record uses are not listed)."""
    used = PartnershipType.objects.filter(partnership__isnull=False)
    return (choices() | used).distinct()


def offered_for(type_name: str) -> OfferedType | None:
    """The framework's type a register type is, or counts as (by its aliases); None if neither."""
    key = type_name.strip().lower()
    for item in offered() or ():
        if key == item.name.lower() or key in {alias.lower() for alias in item.aliases}:
            return item
    return None


def subtypes_for(type_name: str) -> tuple[OfferedSubtype, ...]:
    """The sub-types the framework in force divides a register type into; none if it does not."""
    found = offered_for(type_name)
    return found.subtypes if found else ()


def any_subtypes() -> bool:
    return any(item.subtypes for item in offered() or ())


def subtype_name(type_name: str, subtype: str) -> str:
    """The sub-type's name under the framework in force; the stored id where it no longer has it."""
    if not subtype:
        return ""
    return next((s.name for s in subtypes_for(type_name) if s.id == subtype), subtype)
