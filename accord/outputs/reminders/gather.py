"""Reading the register for the planner, in bulk: every partnership's obligations (worked out as the
compliance dashboard works them out, a batch of partnerships at a time), who holds the roles that
own and are escalated to, and the open review actions with their owners.

A batch costs a fixed number of queries whatever its size: the evidence sources' own, one for the
roles and one for the review actions.
"""

from collections.abc import Iterable, Iterator
from datetime import date

from django.db.models import Q, QuerySet
from django.urls import reverse

from accord.domain.lifecycle.where import Finder
from accord.domain.reviews.models import ReviewAction
from accord.frameworks import compliance, engine
from accord.frameworks.durations import parse
from accord.frameworks.schema import Framework, Reminders
from accord.register.models import FINISHED_STATUSES, Partnership, PartnershipRole, Person

from .planner import DUE_SOON, LATER, OVERDUE, Contact, Item, Owned, holders_of, owners_from, status_of

BATCH = 2000
PLACEHOLDER = 987654321
_STATUS = {engine.OVERDUE: OVERDUE, engine.DUE_SOON: DUE_SOON, engine.NOT_YET_DUE: LATER}


def _pattern(name: str, count: int, fragment: str = "") -> str:
    """A page's URL with {0}, {1}... where its ids go: reversed once, not once per item."""
    marks = [PLACEHOLDER + i for i in range(count)]
    path = reverse(name, args=marks)
    for i, mark in enumerate(marks):
        path = path.replace(str(mark), "{" + str(i) + "}")
    return path + fragment


def obligation_items(
    result_rows: Iterable[compliance.PartnershipCompliance],
    today: date,
    due_only: bool = False,
    *,
    framework: Framework,
) -> Iterator[Item]:
    """The obligations that have a date to show: overdue, due soon, or (unless `due_only`) coming
    up, including the next round of a recurring one that is met for now. Each links to the page where
    it is done or recorded (accord.domain.lifecycle.where), else to the partnership's obligations."""
    link = _pattern("partnership", 1, "#needs")
    where = Finder(framework)
    for row in result_rows:
        p = row.partnership
        for result in row.obligations:
            if result.due is None:
                continue
            status = _STATUS.get(result.status)
            if due_only and status not in (OVERDUE, DUE_SOON):
                continue
            if status is None:
                if not (result.status == engine.MET and result.recurring and result.due >= today):
                    continue
                status = LATER
            yield Item(
                p.pk,
                p.name,
                result.obligation_id,
                result.name,
                result.due,
                status,
                where(p, result) or link.format(p.pk),
                result.cite,
            )


def _contact(
    person_id: int, name: str, email: str, user_id: int | None, user_email: str | None, active: bool | None
) -> Contact | None:
    """How to email a person: their account's address, else the register's; no one for an account
    that has been switched off."""
    if user_id is not None and not active:
        return None
    address = (user_email if user_id else "") or email
    if not address:
        return None
    return Contact(address.strip().lower(), name, user_id, person_id)


PERSON = ("name", "email", "user__id", "user__email", "user__is_active")


def current_roles(ids: list[int], roles: Iterable[str], today: date) -> dict[int, list[tuple[str, Contact]]]:
    """(role, contact) for the current holders of these roles on each partnership (one query)."""
    found: dict[int, list[tuple[str, Contact]]] = {pk: [] for pk in ids}
    contacts: dict[int, Contact | None] = {}
    rows = (
        PartnershipRole.objects.filter(partnership_id__in=ids, role__in=set(roles))
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=today))
        .filter(Q(start_date__isnull=True) | Q(start_date__lte=today))
        .values_list("partnership_id", "role", "person_id", *(f"person__{f}" for f in PERSON))
        .order_by("partnership_id", "role", "person__name", "person_id")
    )
    for partnership_id, role, person_id, *person in rows:
        if person_id not in contacts:
            contacts[person_id] = _contact(person_id, *person)
        contact = contacts[person_id]
        if contact is not None:
            found[partnership_id].append((role, contact))
    return found


def action_items(
    ids: list[int], names: dict[int, str], today: date, rules: Reminders, due_only: bool = False
) -> list[tuple[Item, Contact | None]]:
    """Open review actions on these partnerships with a due date, each with its owner (one query)."""
    soon = parse(rules.action_due_soon)
    link = _pattern("review-action", 2)
    rows = ReviewAction.objects.filter(partnership_id__in=ids, due_on__isnull=False).exclude(status="done")
    if due_only:
        rows = rows.filter(due_on__lte=soon.after(today))
    rows = rows.values("pk", "partnership_id", "description", "due_on", "owner_name", "owner_id").order_by(
        "due_on", "pk"
    )
    owner_ids = {row["owner_id"] for row in rows if row["owner_id"]}
    owners = _people(owner_ids)
    found = []
    for row in rows:
        pk = row["partnership_id"]
        title = " ".join(row["description"].split())
        item = Item(
            pk,
            names[pk],
            f"action:{row['pk']}",
            f"Review action: {title[:150]}",
            row["due_on"],
            status_of(row["due_on"], today, soon),
            link.format(pk, row["pk"]),
            kind="action",
        )
        found.append((item, owners.get(row["owner_id"])))
    return found


def _people(person_ids: set[int]) -> dict[int, Contact]:
    people = {}
    for person_id, *person in Person.objects.filter(pk__in=person_ids).values_list("id", *PERSON):
        contact = _contact(person_id, *person)
        if contact is not None:
            people[person_id] = contact
    return people


def open_partnerships() -> QuerySet[Partnership]:
    return Partnership.objects.exclude(status__in=FINISHED_STATUSES)


def owned_items(
    framework: Framework,
    rules: Reminders,
    partnerships: QuerySet[Partnership],
    today: date,
    unowned: list[Item] | None = None,
    due_only: bool = False,
) -> Iterator[Owned]:
    """Every dated item on these partnerships (only those due soon or overdue with `due_only`) with
    its owners and escalation contacts, a batch of partnerships at a time. Items nobody can be
    emailed about are added to `unowned`."""
    batch: list[compliance.PartnershipCompliance] = []
    for row in compliance.evaluate(framework, partnerships, today):
        batch.append(row)
        if len(batch) == BATCH:
            yield from _owned_batch(framework, batch, rules, today, unowned, due_only)
            batch = []
    if batch:
        yield from _owned_batch(framework, batch, rules, today, unowned, due_only)


def _owned_batch(
    framework: Framework,
    rows: list[compliance.PartnershipCompliance],
    rules: Reminders,
    today: date,
    unowned: list[Item] | None,
    due_only: bool,
) -> Iterator[Owned]:
    ids = [row.partnership.pk for row in rows]
    names = {row.partnership.pk: row.partnership.name for row in rows}
    roles = current_roles(ids, {*rules.owners, *rules.escalate_to}, today)
    owners = {pk: owners_from(held, rules.owners) for pk, held in roles.items()}
    escalate = {pk: holders_of(held, rules.escalate_to) for pk, held in roles.items()}
    entries = [
        (item, owners[item.partnership_id])
        for item in obligation_items(rows, today, due_only, framework=framework)
    ]
    for item, owner in action_items(ids, names, today, rules, due_only):
        entries.append((item, (owner,) if owner else owners[item.partnership_id]))
    for item, item_owners in entries:
        if not item_owners and unowned is not None:
            unowned.append(item)
        yield Owned(item, item_owners, escalate[item.partnership_id])
