"""The administrator's answer for each likely duplicate: the same partnership, or a different one.

"Different" creates the row as a new partnership, as the file says. "Same" for a partnership already
in the register makes the row an update of that partnership (its reference and status stay the
register's: a status changes only through the cycle); the file's own reference for the row then
names that partnership in the file's other sheets. "Same" for an earlier row of the file leaves the
row out (the earlier row creates the partnership). A row with no answer is imported only once it has
one: the import is refused until every likely duplicate is answered (accord.outputs.transfer.commit).
"""

from accord.register.models import FINISHED_STATUSES, Partnership

from . import columns as c
from .assumptions import SAME, Assumed, ImportChoices, Likely
from .lookups import Lookups
from .plan_model import CREATED, UNCHANGED, UPDATED, Change, Plan, changed_values


def answer(choices: ImportChoices, row: int) -> str:
    return choices.duplicates.get(str(row), "")


def _existing(reference: str, lock: bool) -> Partnership | None:
    query = Partnership.objects.select_related(
        "partnership_type", "directorate", "lead_organisation", "accountable_body"
    )
    if lock:
        query = query.select_for_update(of=("self",))
    return query.filter(reference=reference).first()


def _forget(assumed: Assumed, change: Change) -> None:
    """The row is not created: its inferred status and generated reference are not used."""
    status = str(change.values.get("status", ""))
    if assumed.statuses.get(status):
        assumed.statuses[status] -= 1
    assumed.references = [(row, ref) for row, ref in assumed.references if row != change.row]


def apply(plan: Plan, lookups: Lookups, choices: ImportChoices, lock: bool = False) -> set[str]:
    """Apply each answered likely duplicate to the plan; return the references no longer created."""
    changes = plan.changes.get(c.PARTNERSHIPS.name, [])
    by_row = {ch.row: ch for ch in changes if ch.action == CREATED}
    dropped: set[str] = set()
    for likely in plan.assumed.likely:
        given = answer(choices, likely.row)
        if not given:
            continue
        plan.assumed.decided[likely.row] = given
        change = by_row.get(likely.row)
        if given != SAME or change is None:
            continue
        changes.remove(change)
        _forget(plan.assumed, change)
        dropped.add(change.reference)
        if likely.existing:
            _update_instead(plan, lookups, likely, change, lock)
    plan.assumed.statuses += type(plan.assumed.statuses)()  # drop counts brought to nought
    return dropped


def _update_instead(plan: Plan, lookups: Lookups, likely: Likely, change: Change, lock: bool) -> None:
    existing = _existing(likely.existing, lock)
    if existing is None:  # gone since the preview
        plan.problem(change.row, f"{likely.existing} is no longer in the register", change.sheet)
        return
    values = {k: v for k, v in change.values.items() if k not in ("reference", "status")}
    changed = changed_values(existing, values)
    if changed and existing.status in FINISHED_STATUSES:
        plan.problem(
            change.row,
            f"{existing.name} is {existing.get_status_display().lower()}: it is read-only, "
            "so the import cannot change it",
            change.sheet,
        )
        return
    lookups.partnerships[change.reference] = existing  # the file's reference names it in other sheets
    lookups.partnerships[existing.reference] = existing
    action = UPDATED if changed else UNCHANGED
    plan.changes[c.PARTNERSHIPS.name].append(
        Change(change.sheet, change.row, action, changed, existing, existing.reference)
    )
