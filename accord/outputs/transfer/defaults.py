"""Values for required fields a council's spreadsheet lacks, chosen once for the whole import, and
references generated for rows that have none.

A default is written as a cell would hold it ("Chorley Council", "member", "Communities") and is read
by the same cell readers, so a default is checked exactly as a cell is. It is used for every row
whose cell is blank, or every row when no column holds the field; the preview counts each use.
The council's own defaults are offered first (the council as lead organisation, the council a member,
and any the council set in ACCORD_IMPORT_DEFAULTS); nothing is used that the administrator has not
seen on the columns page or the command has not printed.

References are made from the council's pattern (ACCORD_IMPORT_REFERENCE_PATTERN, "P-{n:04}" unless
set): the lowest numbers not taken by the register or by the file.
"""

from collections.abc import Iterable
from typing import Any

from django.conf import settings

from accord.register import offered_types
from accord.register.models import (
    CouncilRole,
    Directorate,
    LegalIncorporation,
    Organisation,
    Partnership,
    PartnershipType,
)

from . import columns as c
from .assumptions import Assumed
from .cells import CellProblem, clean_text, read

# The required Partnerships fields a default may give, in the order the columns page asks.
DEFAULTABLE = (
    "lead_organisation",
    "council_role",
    "statutory_status",
    "incorporation",
    "partnership_type",
    "directorate",
    "description",
)
GENERATED = ("reference",)  # required, but made when absent
DEFAULT_PATTERN = "P-{n:04}"
NO_DESCRIPTION = "No description was given in the imported register."


class BadDefault(Exception):
    """A default or reference pattern that cannot be used; the message says why in plain words."""


def council_name() -> str:
    council = Organisation.objects.filter(is_council=True).order_by("pk").first()
    return council.name if council else str(settings.COUNCIL_NAME)


def council_defaults() -> dict[str, str]:
    """The defaults offered first: the council's, then any it set in ACCORD_IMPORT_DEFAULTS."""
    offered = {
        "lead_organisation": council_name(),
        "council_role": str(CouncilRole.MEMBER.value),
        "incorporation": str(LegalIncorporation.UNINCORPORATED.value),
        "description": NO_DESCRIPTION,
    }
    only_type = list(PartnershipType.objects.filter(active=True).values_list("name", flat=True)[:2])
    if len(only_type) == 1:
        offered["partnership_type"] = only_type[0]
    only_directorate = list(Directorate.objects.filter(active=True).values_list("name", flat=True)[:2])
    if len(only_directorate) == 1:
        offered["directorate"] = only_directorate[0]
    configured = getattr(settings, "ACCORD_IMPORT_DEFAULTS", {}) or {}
    offered.update({k: str(v) for k, v in configured.items() if k in DEFAULTABLE})
    return offered


def check(key: str, value: str) -> str:
    """A default as the import will use it; BadDefault for a field that takes none or a bad value."""
    if key not in DEFAULTABLE:
        raise BadDefault(
            f'"{key}" is not a field a default can be given for: choose from {", ".join(DEFAULTABLE)}'
        )

    column = c.PARTNERSHIPS.by_key[key]
    try:
        read(column, value)
    except CellProblem as problem:
        raise BadDefault(f"Default for {column.header}: {problem}") from None
    offered = offered_types.names() if key == "partnership_type" else None  # the framework's types
    types = {n.lower() for n in PartnershipType.objects.values_list("name", flat=True)}
    if offered is not None and value.strip().lower() not in types | {n.lower() for n in offered}:
        names = ", ".join(offered)
        raise BadDefault(f'Default for Type: "{value}" is not one of the council\'s types ({names})')
    if key == "directorate":
        known = Directorate.objects.filter(name__iexact=value.strip()) | Directorate.objects.filter(
            code__iexact=value.strip()
        )
        if not known.exists():
            names = ", ".join(Directorate.objects.filter(active=True).values_list("name", flat=True))
            raise BadDefault(f'Default for Lead directorate or service: "{value}" is not one of: {names}')
    return value.strip()


def pattern() -> str:
    chosen = str(getattr(settings, "ACCORD_IMPORT_REFERENCE_PATTERN", "") or DEFAULT_PATTERN)
    try:
        made = chosen.format(n=1)
    except (KeyError, IndexError, ValueError) as problem:
        raise BadDefault(f'The reference pattern "{chosen}" cannot be used: {problem}') from None
    if made == chosen.format(n=2) or not made.strip() or len(made) > 30:
        raise BadDefault(
            f'The reference pattern "{chosen}" must contain {{n}} '
            "and make references of 30 characters or fewer"
        )
    return chosen


def references(count: int, taken: Iterable[str]) -> list[str]:
    """`count` new references from the council's pattern, none already taken (compared in capitals)."""
    chosen, used = pattern(), {str(t).strip().upper() for t in taken}
    made: list[str] = []
    n = 0
    while len(made) < count:
        n += 1
        candidate = chosen.format(n=n).upper()
        if candidate not in used:
            made.append(candidate)
            used.add(candidate)
    return made


def _blank(value: Any) -> bool:
    return clean_text(value) == ""


def fill(
    keys: list[str], rows: list[tuple[int, list[Any]]], defaults: dict[str, str], assumed: Assumed
) -> tuple[list[str], list[tuple[int, list[Any]]]]:
    """The Partnerships sheet's keys and rows with each default used for its blank cells (adding a
    column for a field no column holds) and a reference made for each row without one."""
    keys = list(keys)
    # Every required field gets a column, so a row with neither a cell nor a default for one is
    # a row problem ("Enter the description"), never a record without it.
    keys += [k for k in (*GENERATED, *DEFAULTABLE) if k not in keys]
    wanted = [k for k in DEFAULTABLE if defaults.get(k, "") != ""]
    positions = {k: keys.index(k) for k in (*GENERATED, *wanted)}
    filled: list[tuple[int, list[Any]]] = []
    for number, cells in rows:
        cells = list(cells) + [None] * (len(keys) - len(cells))
        for key in wanted:
            if _blank(cells[positions[key]]):
                cells[positions[key]] = defaults[key]
                assumed.defaults_applied[key] += 1
        filled.append((number, cells))
    _by_name(filled, positions["reference"], keys.index("name") if "name" in keys else None, assumed)
    _generate(filled, positions["reference"], assumed)
    assumed.defaults = {k: defaults[k] for k in wanted}
    return keys, filled


def _by_name(rows: list[tuple[int, list[Any]]], at: int, name_at: int | None, assumed: Assumed) -> None:
    """A row without a reference whose name is exactly one partnership's in the register (spacing,
    case and punctuation aside) is that partnership: importing the same file again changes nothing.
    A name two partnerships share, or a similar one, is left to the likely-duplicate question."""
    if name_at is None:
        return
    lacking = {c.squash(clean_text(cells[name_at])) for _, cells in rows if _blank(cells[at])}
    lacking.discard("")
    if not lacking:
        return
    found: dict[str, list[str]] = {}
    for name, reference in Partnership.objects.values_list("name", "reference").iterator(chunk_size=2000):
        if c.squash(name) in lacking:
            found.setdefault(c.squash(name), []).append(reference)
    for number, cells in rows:
        if _blank(cells[at]):
            same = found.get(c.squash(clean_text(cells[name_at])), [])
            if len(same) == 1:
                cells[at] = same[0]
                assumed.by_name.append((number, same[0]))


def _generate(rows: list[tuple[int, list[Any]]], at: int, assumed: Assumed) -> None:
    lacking = [(number, cells) for number, cells in rows if _blank(cells[at])]
    if not lacking:
        return
    in_file = [clean_text(cells[at]) for _, cells in rows if not _blank(cells[at])]
    in_register = Partnership.objects.values_list("reference", flat=True)
    try:
        made = references(len(lacking), [*in_register, *in_file])
    except BadDefault as problem:
        assumed.trouble.append(str(problem))
        return
    for (number, cells), reference in zip(lacking, made, strict=True):
        cells[at] = reference
        assumed.references.append((number, reference))
