"""The one write path for new partnerships (ADR 0026): the web form, the API, the importer and the demo.

Every rule of adding a partnership lives here once:

1. the partnership is saved (version 1) with a 'created' history entry giving the reason;
2. its search terms are indexed;
3. unless the caller says who the members are (an import's Members sheet, the demo file), the council
   becomes a member, in the role the council plays (lead, member, accountable body or host);
4. on a form (`lead_officer=True`), the council officer adding it becomes its lead officer;
5. contribution totals are worked out for partnerships that have contributions;
6. `signals.partnerships_created` tells the layers above (the framework records significance when it
   has nothing to ask; the cycle records its first state), then `signals.partnerships_changed` keeps
   the kept obligation statuses in step.

`Batch` does all of this for many partnerships at once, with one INSERT per few hundred rows and the
history written in one go; `create_many` is the whole of it in one call, and `services.create` is the
same for one partnership. The importer uses a `Batch` directly, because it adds the file's members,
representatives and contributions between steps 2 and 3, and records their history in the same batch.
A batch's partnership versions go up by one however much changes in it, as an import's always have.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from django.db import connection, models, transaction
from django.db.models import Sum

from accord.kernel import clock
from accord.kernel.accounts.models import User
from accord.kernel.audit.bulk import (
    Maker,
    Snapshots,
    created_changes,
    insert_returning,
    insert_rows,
    update_column,
)
from accord.kernel.audit.models import Action, AuditEvent
from accord.kernel.audit.service import Actor, actor_name, diff

from . import signals
from .models import Contribution, Membership, Organisation, Partnership, PriorityLink, RoleType, SearchTerm
from .models.people import PartnershipRole
from .search import index_partnership, terms_for

BATCH = 500
COUNCIL_ROLES = {"lead", "member", "accountable_body", "host"}

# The records a partnership owns that are added, changed and removed with it.
type Child = Membership | PartnershipRole | Contribution | PriorityLink


def council_role(partnership: Partnership) -> str:
    """The council's membership role for a partnership: its council role, where that is a member's."""
    return partnership.council_role if partnership.council_role in COUNCIL_ROLES else "member"


def keep_obligations_in_step(partnership_ids: Iterable[int]) -> None:
    signals.partnerships_changed.send(sender=Partnership, partnership_ids=sorted(set(partnership_ids)))


def refresh_contribution_total(partnership: Partnership) -> None:
    latest = partnership.contributions.aggregate(year=models.Max("year"))["year"]
    total = Decimal("0")
    if latest is not None:
        total = partnership.contributions.filter(year=latest).aggregate(t=Sum("amount"))["t"] or Decimal("0")
    Partnership.objects.filter(pk=partnership.pk).update(latest_year_contribution=total)


def refresh_contribution_totals(partnership_ids: Iterable[int]) -> None:
    """`refresh_contribution_total` for many partnerships: one grouped sum per few hundred of them (each
    partnership's sum for every year it has; the latest year's is its total), then the same UPDATE for
    each, as one prepared statement."""
    ids = sorted(set(partnership_ids))
    totals: dict[int, Decimal] = {}
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        latest: dict[int, int] = {}
        for pk, year, total in (
            Contribution.objects.filter(partnership_id__in=chunk)
            .order_by()
            .values_list("partnership_id", "year")
            .annotate(total=Sum("amount"))
        ):
            if pk not in latest or year > latest[pk]:
                latest[pk] = year
                totals[pk] = total or Decimal("0")
    update_column(Partnership, "latest_year_contribution", [(pk, totals.get(pk, Decimal("0"))) for pk in ids])


class Batch:
    """Register writes for many records, with their history, versions and totals written at `finish`."""

    def __init__(self, actor: Actor, reason: str):
        self.actor = actor
        self.user = actor if isinstance(actor, User) and actor.pk else None
        self.actor_name = actor_name(actor)
        self.reason = reason[:2000]
        self.events: list[AuditEvent] = []
        self.created: list[Partnership] = []
        self.versions: dict[int, int] = {}  # partnership pk -> its version after the batch
        self.touched: set[int] = set()
        self.totals: set[int] = set()
        self._snapshots: dict[tuple[type[models.Model], tuple[str, ...]], Snapshots] = {}
        self._new_event = Maker(AuditEvent)

    # History ------------------------------------------------------------------------------------

    def snapshot(self, instance: models.Model, exclude: tuple[str, ...] = ()) -> dict[str, tuple[str, str]]:
        """accord.kernel.audit.service.snapshot, with each model's fields and labels worked out once."""
        key = (type(instance), exclude)
        if key not in self._snapshots:
            self._snapshots[key] = Snapshots(type(instance), exclude)
        return self._snapshots[key](instance)

    def event(
        self,
        instance: models.Model,
        action: str,
        before: dict[str, tuple[str, str]],
        after: dict[str, tuple[str, str]],
        version: int | None = None,
        **scope: Any,
    ) -> None:
        """The history entry of a change, for `finish` to write. `scope`: the partnership, organisation
        or person whose history it belongs in."""
        changes = diff(before, after) if before else created_changes(after)
        self.events.append(
            self._new_event(
                actor_id=self.user.pk if self.user else None,
                actor_name=self.actor_name,
                action=action,
                object_type=str(instance._meta.verbose_name),
                object_id=instance.pk,
                object_label=str(instance)[:300],
                version=version,
                changes=changes,
                reason=self.reason,
                **{f"{name}_id": scoped.pk for name, scoped in scope.items()},
            )
        )

    def bump(self, partnership: Partnership) -> int:
        """The partnership's version after this batch: one more than before, however much changed."""
        if partnership.pk not in self.versions:
            self.versions[partnership.pk] = partnership.version
        if partnership.pk not in self.touched:
            self.touched.add(partnership.pk)
            self.versions[partnership.pk] += 1
        partnership.version = self.versions[partnership.pk]
        return partnership.version

    # New partnerships ---------------------------------------------------------------------------

    def create_partnerships(self, rows: Iterable[Mapping[str, Any]]) -> list[Partnership]:
        """Rules 1 and 2: save the partnerships, each with its 'created' entry and search terms."""
        objects = [Partnership(**values) for values in rows]
        insert_returning(Partnership, objects, BATCH)
        terms: list[tuple[int, str]] = []
        for partnership in objects:
            self.versions[partnership.pk] = partnership.version
            self.event(
                partnership,
                Action.CREATED,
                {},
                self.snapshot(partnership),
                partnership.version,
                partnership=partnership,
            )
            terms += [(partnership.pk, t) for t in sorted(terms_for(partnership))]
        table = connection.ops.quote_name(SearchTerm._meta.db_table)
        with connection.cursor() as cursor:  # hundreds of thousands of two-column rows: no ORM per row
            cursor.executemany(f"INSERT INTO {table} (partnership_id, term) VALUES (%s, %s)", terms)
        self.created += objects
        return objects

    def add_children(self, model: type[models.Model], children: Sequence[Child]) -> None:
        """Save new members, roles or contributions of partnerships, each with its history entry."""
        insert_returning(model, children, BATCH)
        for child in children:
            self.child_event(child, Action.CREATED, {})

    def child_event(self, child: Child, action: str, before: dict[str, tuple[str, str]]) -> None:
        partnership = child.partnership
        version = self.bump(partnership)
        if isinstance(child, Contribution):
            self.totals.add(partnership.pk)
        self.event(
            child, action, before, self.snapshot(child, ("partnership",)), version, partnership=partnership
        )

    def council_memberships(self, council: Organisation | None = None) -> None:
        """Rule 3: the council is a member of each new partnership that does not list it already."""
        council = council or Organisation.objects.filter(is_council=True).first()
        ids = [p.pk for p in self.created]
        if council is None or not ids:
            return
        listed: set[int] = set()
        for start in range(0, len(ids), BATCH):
            listed |= set(
                Membership.objects.filter(
                    partnership_id__in=ids[start : start + BATCH], organisation=council
                ).values_list("partnership_id", flat=True)
            )
        membership = Maker(Membership)
        self.add_children(
            Membership,
            [
                membership(
                    partnership=partnership,
                    organisation=council,
                    role=council_role(partnership),
                    start_date=partnership.start_date,
                )
                for partnership in self.created
                if partnership.pk not in listed
            ],
        )

    def lead_officer(self) -> None:
        """Rule 4: a council officer adding a partnership on a form is its lead officer."""
        person = getattr(self.actor, "person", None)
        council = Organisation.objects.filter(is_council=True).first()
        if person is None or council is None or person.organisation_id != council.pk:
            return
        self.add_children(
            PartnershipRole,
            [
                PartnershipRole(
                    partnership=partnership,
                    person=person,
                    role=RoleType.LEAD_OFFICER,
                    start_date=partnership.start_date,
                )
                for partnership in self.created
            ],
        )

    # Changed partnerships ----------------------------------------------------------------------

    def update_partnerships(self, changes: list[tuple[Partnership, Mapping[str, Any]]]) -> None:
        """`services.update` for many partnerships: each change in the history, the version up by one,
        the search terms in step; the rows written with one UPDATE per few hundred."""
        changed: list[Partnership] = []
        fields: set[str] = set()
        for partnership, values in changes:
            if "status" in values and values["status"] != partnership.status:
                raise ValueError("A partnership's status changes only through the partnership cycle.")
            if partnership.is_finished:
                raise ValueError(f"{partnership.name} is finished; it is read-only.")
            before = self.snapshot(partnership)
            for name, value in values.items():
                setattr(partnership, name, value)
                fields.add(name)
            version = self.bump(partnership)
            self.event(
                partnership,
                Action.CHANGED,
                before,
                self.snapshot(partnership),
                version,
                partnership=partnership,
            )
            changed.append(partnership)
        if not changed:
            return
        now = clock.now()
        for partnership in changed:
            partnership.updated_at = now
        Partnership.objects.bulk_update(changed, [*fields, "updated_at"], batch_size=BATCH)
        for partnership in changed:
            index_partnership(partnership)

    def finish(self, in_step: Callable[[list[int]], None] = keep_obligations_in_step) -> None:
        """Rules 5 and 6, and everything the batch held back: versions, totals, history, signals."""
        by_version: dict[int, list[int]] = defaultdict(list)
        for pk in self.touched:
            by_version[self.versions[pk]].append(pk)
        for version, ids in by_version.items():
            for start in range(0, len(ids), BATCH):
                Partnership.objects.filter(pk__in=ids[start : start + BATCH]).update(version=version)
        refresh_contribution_totals(self.totals)
        insert_rows(AuditEvent, self.events)
        self.events = []
        if self.created:
            signals.partnerships_created.send(
                sender=Partnership, actor=self.actor, partnerships=self.created, reason=self.reason
            )
        in_step(sorted({p.pk for p in self.created} | self.touched))


@transaction.atomic
def create_many(
    actor: Actor,
    rows: Iterable[Mapping[str, Any]],
    reason: str = "",
    *,
    members_given: bool = False,
    lead_officer: bool = False,
) -> list[Partnership]:
    """Add partnerships with every rule above. `members_given`: the caller adds the members itself
    (the council is not added); `lead_officer`: rule 4, for a partnership added on a form."""
    batch = Batch(actor, reason)
    partnerships = batch.create_partnerships(rows)
    if not members_given:
        batch.council_memberships()
    if lead_officer:
        batch.lead_officer()
    batch.finish()
    return partnerships
