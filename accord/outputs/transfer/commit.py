"""The import itself: all or nothing, in one transaction, with every change in the audit trail.

`commit` builds the plan again inside the transaction (with the matched partnerships locked), so
what is written is what the register holds now, not what it held at the preview; it refuses while
any problem remains. The writes do in bulk what accord.register.services does one record at a time:
the record, its history entry (reason "Imported from <file>"), the search index, the partnership's
version, the first row of a new partnership's cycle, contribution totals and the kept obligations.
A failure anywhere raises, and the transaction leaves the register as it was.
"""

from collections import defaultdict
from typing import Any

from django.db import connection, models, transaction

from accord.domain.lifecycle import services as lifecycle_services
from accord.domain.lifecycle.models import Transition
from accord.frameworks import loader
from accord.frameworks.store import partnerships_changed
from accord.kernel import clock
from accord.kernel.accounts.models import User
from accord.kernel.audit.models import Action, AuditEvent
from accord.kernel.audit.service import diff
from accord.register import services
from accord.register.models import (
    Contribution,
    Membership,
    Organisation,
    Partnership,
    PartnershipRole,
    Person,
    SearchTerm,
)
from accord.register.search import index_partnership, terms_for

from . import columns as c
from .bulk import Snapshots, created_changes, insert_returning, insert_rows
from .lookups import NewOrganisation, NewPerson
from .mapping import Mapping
from .plan import CREATED, UPDATED, Plan, build
from .reading import Workbook

BATCH = 500
CHILDREN = {
    c.MEMBERS.name: Membership,
    c.REPRESENTATIVES.name: PartnershipRole,
    c.CONTRIBUTIONS.name: Contribution,
}


class ImportRefused(Exception):
    """The file still has problems: nothing was written."""

    def __init__(self, plan: Plan):
        super().__init__(f"{len(plan.problems)} problem(s) in the file: nothing was imported")
        self.plan = plan


def commit(actor, file_name: str, workbook: Workbook, mapping: Mapping) -> Plan:
    with transaction.atomic():
        plan = build(file_name, workbook, mapping, lock=True)
        if not plan.ok:
            raise ImportRefused(plan)
        Writer(actor, plan).run()
    return plan


def first_states(actor, partnerships: list[Partnership]) -> list[Transition]:
    """The first row of each new partnership's cycle, built by the cycle's own service."""
    framework = loader.current()
    return [lifecycle_services.first_state(actor, partnership, framework) for partnership in partnerships]


def _real(value: Any) -> Any:
    if isinstance(value, NewOrganisation | NewPerson):
        if value.created is None:
            raise RuntimeError(f"{value} should have been created first")
        return value.created
    return value


def _resolved(values: dict[str, Any]) -> dict[str, Any]:
    return {k: _real(v) for k, v in values.items()}


class Writer:
    def __init__(self, actor, plan: Plan):
        self.actor = actor if isinstance(actor, User) and actor.pk else None
        self.actor_name = getattr(actor, "display_name", None) or str(actor or "System")
        self.plan = plan
        self.reason = f"Imported from {plan.file_name}"[:2000]
        self.events: list[AuditEvent] = []
        self.partnerships: dict[str, Partnership] = dict(plan.lookups.partnerships)
        self.versions: dict[int, int] = {}  # partnership pk -> its version after the import
        self.created_ids: set[int] = set()
        self.touched: set[int] = set()
        self.totals: set[int] = set()
        self.now = clock.now()
        self.snapshots: dict[tuple[type, tuple[str, ...]], Snapshots] = {}

    def snapshot(self, instance, exclude: tuple[str, ...] = ()) -> dict[str, tuple[str, str]]:
        """accord.kernel.audit.service.snapshot, with each model's fields and labels worked out once."""
        key = (type(instance), exclude)
        if key not in self.snapshots:
            self.snapshots[key] = Snapshots(type(instance), exclude)
        return self.snapshots[key](instance)

    def event(self, instance, action, before, after, version=None, **scope) -> None:
        changes = diff(before, after) if before else created_changes(after)
        self.events.append(
            AuditEvent(
                actor=self.actor,
                actor_name=self.actor_name,
                action=action,
                object_type=str(instance._meta.verbose_name),
                object_id=instance.pk,
                object_label=str(instance)[:300],
                version=version,
                changes=changes,
                reason=self.reason,
                **scope,
            )
        )

    def run(self) -> None:
        self.organisations()
        self.people()
        self.create_partnerships()
        self.update_partnerships()
        for sheet in CHILDREN:
            self.children(sheet)
        self.council_memberships()
        self.finish()

    # Organisations and people -------------------------------------------------------------------

    def organisations(self) -> None:
        new = self.plan.new_organisations
        objects = []
        for spec in new:
            values = {"sector": spec.sector, **spec.values, "name": spec.values.get("name", spec.name)}
            values["org_id"] = values.get("org_id") or spec.org_id
            objects.append(Organisation(**values))
        insert_returning(Organisation, objects, BATCH)
        for spec, org in zip(new, objects, strict=True):
            spec.created = org
            self.event(org, Action.CREATED, {}, self.snapshot(org), org.version, organisation=org)
        for change in self.plan.changes.get(c.ORGANISATIONS.name, []):
            if change.action == UPDATED:
                org = change.instance
                services.update(self.actor, Organisation, org.pk, change.values, org.version, self.reason)

    def people(self) -> None:
        new = self.plan.new_people
        objects = [Person(name=p.name, organisation=_real(p.organisation), **p.values) for p in new]
        insert_returning(Person, objects, BATCH)
        for spec, person in zip(new, objects, strict=True):
            spec.created = person
            self.event(person, Action.CREATED, {}, self.snapshot(person), person.version, person=person)
        for person, values in self.plan.person_updates.values():
            services.update(self.actor, Person, person.pk, values, person.version, self.reason)

    # Partnerships -------------------------------------------------------------------------------

    def create_partnerships(self) -> None:
        changes = [ch for ch in self.plan.changes.get(c.PARTNERSHIPS.name, []) if ch.action == CREATED]
        objects = [Partnership(**_resolved(ch.values)) for ch in changes]
        insert_returning(Partnership, objects, BATCH)
        terms: list[tuple[int, str]] = []
        for change, partnership in zip(changes, objects, strict=True):
            self.partnerships[change.reference] = partnership
            self.created_ids.add(partnership.pk)
            self.versions[partnership.pk] = 1
            self.event(
                partnership, Action.CREATED, {}, self.snapshot(partnership), 1, partnership=partnership
            )
            terms += [(partnership.pk, t) for t in sorted(terms_for(partnership))]
        insert_rows(Transition, first_states(self.actor, objects))
        table = connection.ops.quote_name(SearchTerm._meta.db_table)
        with connection.cursor() as cursor:  # hundreds of thousands of two-column rows: no ORM per row
            cursor.executemany(f"INSERT INTO {table} (partnership_id, term) VALUES (%s, %s)", terms)

    def update_partnerships(self) -> None:
        changed: list[Partnership] = []
        fields: set[str] = set()
        for change in self.plan.changes.get(c.PARTNERSHIPS.name, []):
            if change.action != UPDATED:
                continue
            partnership = change.instance
            before = self.snapshot(partnership)
            for name, value in _resolved(change.values).items():
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
        if changed:
            for partnership in changed:
                partnership.updated_at = self.now
            Partnership.objects.bulk_update(changed, [*fields, "updated_at"], batch_size=BATCH)
            for partnership in changed:
                index_partnership(partnership)

    def bump(self, partnership: Partnership) -> int:
        """The partnership's version after this import: one more than before, however much changed."""
        if partnership.pk not in self.versions:
            self.versions[partnership.pk] = partnership.version
        if partnership.pk not in self.touched:
            self.touched.add(partnership.pk)
            self.versions[partnership.pk] += 1
        partnership.version = self.versions[partnership.pk]
        return partnership.version

    # Members, representatives, contributions -----------------------------------------------------

    def children(self, sheet: str) -> None:
        model = CHILDREN[sheet]
        new: list[models.Model] = []
        for change in self.plan.changes.get(sheet, []):
            if change.action == CREATED:
                partnership = self.partnerships[change.reference]
                new.append(model(partnership=partnership, **_resolved(change.values)))
            elif change.action == UPDATED:
                child = change.instance
                before = self.snapshot(child, ("partnership",))
                for name, value in _resolved(change.values).items():
                    setattr(child, name, value)
                child.save()
                self.child_event(child, Action.CHANGED, before)
        insert_returning(model, new, BATCH)
        for child in new:
            self.child_event(child, Action.CREATED, {})

    def child_event(self, child, action, before) -> None:
        partnership = child.partnership
        version = self.bump(partnership)
        if isinstance(child, Contribution):
            self.totals.add(partnership.pk)
        self.event(
            child, action, before, self.snapshot(child, ("partnership",)), version, partnership=partnership
        )

    def council_memberships(self) -> None:
        """A new partnership has the council as a member, as one made on the register's form has,
        unless the file has a Members sheet: then that sheet says who the members are."""
        council = self.plan.lookups.council
        if council is None or not self.created_ids or c.MEMBERS.name in self.plan.sheets:
            return
        listed = set(
            Membership.objects.filter(partnership_id__in=self.created_ids, organisation=council).values_list(
                "partnership_id", flat=True
            )
        )
        new = []
        for partnership in self.partnerships.values():
            if partnership.pk in self.created_ids and partnership.pk not in listed:
                role = partnership.council_role
                role = role if role in {"lead", "member", "accountable_body", "host"} else "member"
                new.append(
                    Membership(
                        partnership=partnership,
                        organisation=council,
                        role=role,
                        start_date=partnership.start_date,
                    )
                )
        insert_returning(Membership, new, BATCH)
        for child in new:
            self.child_event(child, Action.CREATED, {})

    def finish(self) -> None:
        by_version: dict[int, list[int]] = defaultdict(list)
        for pk in self.touched:
            by_version[self.versions[pk]].append(pk)
        for version, ids in by_version.items():
            for start in range(0, len(ids), BATCH):
                Partnership.objects.filter(pk__in=ids[start : start + BATCH]).update(version=version)
        for pk in sorted(self.totals):
            services.refresh_contribution_total(Partnership(pk=pk))
        insert_rows(AuditEvent, self.events)
        partnerships_changed(sorted(self.created_ids | self.touched))
