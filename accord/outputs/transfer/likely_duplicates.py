"""Likely duplicates: a new partnership whose name is an existing partnership's, or another new row's,
under another reference. Said in the preview and by the command as a row to check, never a problem
that stops the import: two partnerships may share a name (a successor to a closed one, say).

Names are compared as `name_key` gives them: case, spacing, punctuation and word order ignored, "&"
the same as "and", plurals as their singular, and the words every partnership's name may carry
("the", "partnership", "board", "forum", "group", "committee", "limited" …) left out. So "The
Community Safety Partnership" looks like "Community Safety Partnership Board", and "Health &
Wellbeing Boards" like "Health and Wellbeing Board". A row without a reference whose name is exactly
a partnership's in the register is that partnership, not a likely duplicate (ADR 0040).

A new row whose partners column names the same organisations (two or more, names compared as above,
the council left out) as one partnership's current members in the register is flagged too: the same
partners under another name is often the same partnership renamed.
"""

from collections.abc import Iterable

from accord.register.models import Membership, Partnership

from .assumptions import Likely
from .columns import squash
from .landing_rules import split_partners
from .plan_model import Change, Plan

IGNORED_WORDS = frozenset(
    {"the", "and", "of", "for", "partnership", "board", "forum", "group", "committee", "ltd", "limited"}
)


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def name_key(name: str) -> str:
    """A partnership's name as compared for likely duplicates."""
    words = {_singular(w) for w in squash(str(name).replace("&", " and ")).split()}
    return " ".join(sorted(w for w in words if w not in IGNORED_WORDS))


def _register_names() -> dict[str, str]:
    """Each name key in the register and the first reference that has it."""
    found: dict[str, str] = {}
    for reference, name in Partnership.objects.order_by("reference").values_list("reference", "name"):
        key = name_key(name)
        if key:
            found.setdefault(key, reference)
    return found


def _partner_set(names: Iterable[str]) -> frozenset[str]:
    return frozenset(key for key in (squash(n) for n in names) if key)


def _register_partners() -> dict[frozenset[str], str]:
    """Each set of two or more current member organisations (the council left out) that exactly one
    partnership in the register has, and that partnership's reference."""
    members: dict[str, set[str]] = {}
    rows = Membership.objects.filter(end_date__isnull=True, organisation__is_council=False).values_list(
        "partnership__reference", "organisation__name"
    )
    for reference, name in rows.iterator(chunk_size=5000):
        members.setdefault(reference, set()).add(name)
    found: dict[frozenset[str], list[str]] = {}
    for reference, names in members.items():
        key = _partner_set(names)
        if len(key) >= 2:
            found.setdefault(key, []).append(reference)
    return {key: refs[0] for key, refs in found.items() if len(refs) == 1}


def _same_partners(plan: Plan, change: Change, cell: str, register: dict) -> Likely | None:
    key = _partner_set(p.name for p in split_partners(cell))
    existing = register.get(key) if len(key) >= 2 else None
    if existing is None:
        return None
    name = str(change.values.get("name", ""))
    plan.warn(
        change.sheet, change.row, f'"{name}" has the same partners as {existing} already in the register'
    )
    return Likely(change.row, name, change.reference, existing=existing)


def flag(plan: Plan, new_rows: Iterable[Change], partners: dict[int, str] | None = None) -> list[Likely]:
    """Add a warning for each new partnership whose name is one already in the register or on an
    earlier new row of the file, or whose partners (`partners`: row number -> the partners cell) are
    one register partnership's; return them, for the same/different choice."""
    new_rows = list(new_rows)
    found: list[Likely] = []
    if not new_rows:
        return found
    partners = {row: cell for row, cell in (partners or {}).items() if cell}
    by_partners = _register_partners() if partners else {}
    in_register = _register_names()
    earlier: dict[str, Change] = {}
    for change in new_rows:
        name = str(change.values.get("name", ""))
        key = name_key(name)
        if not key:
            continue
        if key in in_register:
            found.append(Likely(change.row, name, change.reference, existing=in_register[key]))
            plan.warn(
                change.sheet, change.row, f'"{name}" looks like {in_register[key]} already in the register'
            )
        elif key in earlier:
            first = earlier[key]
            found.append(
                Likely(
                    change.row,
                    name,
                    change.reference,
                    earlier_row=first.row,
                    earlier_reference=first.reference,
                )
            )
            plan.warn(
                change.sheet,
                change.row,
                f'"{name}" looks like {first.reference} on row {first.row} of this file',
            )
        else:
            earlier[key] = change
            same = (
                _same_partners(plan, change, partners[change.row], by_partners)
                if change.row in partners
                else None
            )
            if same is not None:
                found.append(same)
    return found
