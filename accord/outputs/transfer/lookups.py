"""What an import matches rows against, loaded once per run: reference lists, organisations, people and
the partnerships the file names. Organisations and people the file names but the register lacks are
collected here as new ones (shown in the preview, created on import)."""

from dataclasses import dataclass, field

from django.db.models import QuerySet

from accord.register import offered_types
from accord.register.models import Directorate, Organisation, Partnership, PartnershipType, Person

from .columns import squash

CHUNK = 900  # SQLite's limit on query parameters is 999


@dataclass(eq=False)
class NewOrganisation:
    name: str
    org_id: str = ""
    sector: str = "other"
    first_row: str = ""
    values: dict = field(default_factory=dict)  # from the Organisations sheet, if it has a row
    created: Organisation | None = None  # once it exists

    def __str__(self) -> str:
        return self.name


@dataclass(eq=False)
class NewPerson:
    name: str
    organisation: "Organisation | NewOrganisation"
    values: dict = field(default_factory=dict)
    created: Person | None = None

    def __str__(self) -> str:
        return self.name


class Ambiguous(Exception):
    pass


class Lookups:
    def __init__(self, references: set[str], lock: bool = False):
        # The framework's own types (their rows made by the import itself, never by a dry run), and
        # the types older records have.
        if lock:
            offered_types.choices()
        self.types = {squash(t.name): t for t in PartnershipType.objects.all()}
        self.types.update({squash(t.name): t for t in offered_types.unsaved_rows()})
        self.active_types = offered_types.names()
        self.directorates: dict[str, Directorate] = {}
        for d in Directorate.objects.all():
            self.directorates[squash(d.name)] = d
            self.directorates.setdefault(squash(d.code), d)
        self.active_directorates = sorted(d.name for d in Directorate.objects.filter(active=True))
        self.organisations = list(Organisation.objects.all())
        self.council = next((o for o in self.organisations if o.is_council), None)
        self.org_by_id = {o.org_id: o for o in self.organisations if o.org_id}
        self.org_by_name: dict[str, list[Organisation]] = {}
        for o in self.organisations:
            self.org_by_name.setdefault(squash(o.name), []).append(o)
        self.new_orgs: dict[str, NewOrganisation] = {}
        self.partnerships = self._partnerships(references, lock)
        self._people: dict[str, list[Person]] | None = None
        self.people_by_email: dict[str, Person] = {}
        self.new_people: dict[tuple, NewPerson] = {}

    @staticmethod
    def _partnerships(references: set[str], lock: bool) -> dict[str, Partnership]:
        found: dict[str, Partnership] = {}
        wanted = sorted(references)
        base: QuerySet[Partnership] = Partnership.objects.select_related(
            "partnership_type", "directorate", "lead_organisation", "accountable_body"
        )
        if lock:
            base = base.select_for_update(of=("self",))
        for start in range(0, len(wanted), CHUNK):
            for p in base.filter(reference__in=wanted[start : start + CHUNK]):
                found[p.reference] = p
        return found

    # Organisations ----------------------------------------------------------------------------

    def organisation(self, name: str, org_id: str, where: str) -> "Organisation | NewOrganisation":
        """Match by org-id, else by name (case and spacing ignored), else a new organisation."""
        if org_id and org_id in self.org_by_id:
            return self.org_by_id[org_id]
        key = squash(name)
        if org_id and org_id in self.new_orgs:
            return self.new_orgs[org_id]
        named = self.org_by_name.get(key, [])
        if len(named) > 1:
            raise Ambiguous(
                f'More than one organisation is called "{name}": add its org-id to tell them apart'
            )
        if named:
            if org_id and named[0].org_id and named[0].org_id != org_id:
                raise Ambiguous(f'"{name}" has the org-id {named[0].org_id} in the register, not {org_id}')
            return named[0]
        if key in self.new_orgs:
            found = self.new_orgs[key]
            if org_id and not found.org_id:
                found.org_id = org_id
                self.new_orgs[org_id] = found
            return found
        new = NewOrganisation(name=name, org_id=org_id, first_row=where)
        self.new_orgs[key] = new
        if org_id:
            self.new_orgs[org_id] = new
        return new

    def created_organisations(self) -> list[NewOrganisation]:
        unique = {id(o): o for o in self.new_orgs.values()}
        return sorted(unique.values(), key=lambda o: squash(o.name))

    # People -----------------------------------------------------------------------------------

    def _load_people(self) -> dict[str, list[Person]]:
        if self._people is None:
            self._people = {}
            for person in Person.objects.select_related("organisation", "directorate"):
                self._people.setdefault(squash(person.name), []).append(person)
                if person.email:
                    self.people_by_email.setdefault(person.email.lower(), person)
        return self._people

    def person(self, name: str, organisation, email: str) -> "Person | NewPerson":
        """Match by email, else by name within the organisation, else a new person."""
        people = self._load_people()
        if email and email.lower() in self.people_by_email:
            return self.people_by_email[email.lower()]
        key = squash(name)
        same_org = [p for p in people.get(key, []) if p.organisation_id == getattr(organisation, "pk", -1)]
        if len(same_org) > 1:
            raise Ambiguous(f'More than one person at {organisation} is called "{name}": add their email')
        if same_org:
            return same_org[0]
        new_key = (key, id(organisation))
        if new_key not in self.new_people:
            self.new_people[new_key] = NewPerson(name=name, organisation=organisation)
        return self.new_people[new_key]

    def person_named(self, name: str) -> "Person | NewPerson":
        """A contribution's officer: the one person of that name in the register or this file."""
        key = squash(name)
        found: list = list(self._load_people().get(key, []))
        found += [p for (k, _), p in self.new_people.items() if k == key]
        if not found:
            raise Ambiguous(f'No one called "{name}" is in the register or the Representatives sheet')
        if len(found) > 1:
            raise Ambiguous(f'More than one person is called "{name}"')
        return found[0]
