"""The import itself: all or nothing, in one transaction, with every change in the audit trail.

`commit` builds the plan again inside the transaction (with the matched partnerships locked), so
what is written is what the register holds now, not what it held at the preview; it refuses while
any problem remains. New and changed partnerships go through the register's one write path in its
bulk form (accord.register.writes.Batch): the record, its history entry (reason "Imported from
<file>"), the search index, the partnership's version, the council's membership (unless the file has
a Members sheet), contribution totals, then the partnerships_created signal (significance, the first
row of the cycle) and the kept obligations.
A failure anywhere raises, and the transaction leaves the register as it was.
"""

from typing import Any

from django.db import models, transaction

from accord.frameworks.schema import Framework
from accord.kernel import clock
from accord.kernel.audit.models import Action
from accord.register import services, writes
from accord.register.models import (
    Contribution,
    Membership,
    Organisation,
    Partnership,
    PartnershipRole,
    Person,
)
from accord.register.writes import keep_obligations_in_step as partnerships_changed

from . import columns as c
from . import commit_extras
from .assumptions import ImportChoices
from .bulk import Maker, collector_paused, insert_returning
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


def undecided_problems(plan: Plan) -> None:
    """A likely duplicate with no answer stops the import until the administrator gives one."""
    for likely in plan.assumed.undecided():
        like = likely.existing or f"{likely.earlier_reference} on row {likely.earlier_row}"
        plan.problem(
            likely.row,
            f'"{likely.name}" looks like {like}: '
            "choose whether it is the same partnership or a different one",
            c.PARTNERSHIPS.name,
        )


def commit(
    actor,
    file_name: str,
    workbook: Workbook,
    mapping: Mapping,
    choices: ImportChoices | None = None,
    framework: Framework | None = None,
) -> Plan:
    with collector_paused(), transaction.atomic():
        plan = build(file_name, workbook, mapping, lock=True, choices=choices, framework=framework)
        undecided_problems(plan)
        if not plan.ok:
            raise ImportRefused(plan)
        writer = Writer(actor, plan)
        writer.run()
        commit_extras.write(actor, plan, writer.partnerships)
    return plan


def _real(value: Any) -> Any:
    if isinstance(value, NewOrganisation | NewPerson):
        if value.created is None:
            raise RuntimeError(f"{value} should have been created first")
        return value.created
    return value


def _resolved(values: dict[str, Any]) -> dict[str, Any]:
    return {k: _real(v) for k, v in values.items()}


class Writer:
    """The import's writes. New partnerships, and the history, versions and totals of everything, go
    through the register's write path (accord.register.writes.Batch); this adds what only a file
    has: its organisations, people, changes and the rows of its other sheets."""

    def __init__(self, actor, plan: Plan):
        self.plan = plan
        self.batch = writes.Batch(actor, f"Imported from {plan.file_name}")
        self.actor = self.batch.user
        self.reason = self.batch.reason
        self.partnerships: dict[str, Partnership] = dict(plan.lookups.partnerships)
        self.now = clock.now()
        self.snapshot = self.batch.snapshot
        self.event = self.batch.event
        self.bump = self.batch.bump
        self.child_event = self.batch.child_event

    def run(self) -> None:
        self.organisations()
        self.people()
        self.create_partnerships()
        self.update_partnerships()
        for sheet in CHILDREN:
            self.children(sheet)
        if c.MEMBERS.name not in self.plan.sheets:  # a Members sheet says who the members are
            self.batch.council_memberships(self.plan.lookups.council)
        self.batch.finish(in_step=lambda ids: partnerships_changed(ids))

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
        created = self.batch.create_partnerships([_resolved(ch.values) for ch in changes])
        for change, partnership in zip(changes, created, strict=True):
            self.partnerships[change.reference] = partnership

    def update_partnerships(self) -> None:
        self.batch.update_partnerships(
            [
                (change.instance, _resolved(change.values))
                for change in self.plan.changes.get(c.PARTNERSHIPS.name, [])
                if change.action == UPDATED
            ]
        )

    # Members, representatives, contributions -----------------------------------------------------

    def children(self, sheet: str) -> None:
        model = CHILDREN[sheet]
        make = Maker(model)
        new: list[models.Model] = []
        for change in self.plan.changes.get(sheet, []):
            if change.action == CREATED:
                partnership = self.partnerships[change.reference]
                new.append(make(partnership=partnership, **_resolved(change.values)))
            elif change.action == UPDATED:
                child = change.instance
                before = self.snapshot(child, ("partnership",))
                for name, value in _resolved(change.values).items():
                    setattr(child, name, value)
                child.save()
                self.child_event(child, Action.CHANGED, before)
        self.batch.add_children(model, new)
