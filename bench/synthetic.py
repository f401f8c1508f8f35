"""The synthetic register: builds organisations, people, partnerships and their rows in bulk
(used by bench/generate.py)."""

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from synthetic_rows import PartnershipRows, weighted  # noqa: E402
from vocabulary import (  # noqa: E402
    CONTRIBUTION_WEIGHTS,
    COUNCIL_ROLE_WEIGHTS,
    FIRST_NAMES,
    OFFICER_TITLES,
    ORG_KINDS,
    PARTNER_TITLES,
    PLACES,
    PRIORITY_HOW,
    QUALIFIERS,
    SECTOR_WEIGHTS,
    STATUS_WEIGHTS,
    SURNAMES,
    THEMES,
    TYPE_WEIGHTS,
    org_id_for,
)

BATCH = 5000
BENCH_USERNAME = "bench"
BENCH_PASSWORD = "bench-password-2026"  # a benchmark-only account on throwaway data
SEARCH_WORD = "homeless"  # matches a few per cent of partnerships (run.py's filtered search)
SEARCH_TYPE = "Collaborative"

# --------------------------------------------------------------------------------------------
# Set-up
# --------------------------------------------------------------------------------------------


@dataclass
class Counts:
    organisations: int = 0
    people: int = 0
    partnerships: int = 0
    memberships: int = 0
    roles: int = 0
    contributions: int = 0
    priority_links: int = 0
    search_terms: int = 0


class Generator(PartnershipRows):
    def __init__(self, partnerships: int, seed: int, today: date) -> None:
        self.n = partnerships
        self.rng = random.Random(seed)
        self.today = today
        self.counts = Counts()

    # -- reference data -----------------------------------------------------------------------

    def reference_data(self) -> None:
        """The demo council's lists, adding only what migrations have not already seeded."""
        from accord.register.models import CorporatePriority, Directorate, PartnershipType
        from accord.site.demo import load_file

        demo = load_file()
        have = set(Directorate.objects.values_list("code", flat=True))
        Directorate.objects.bulk_create(
            [
                Directorate(code=d["code"], name=d["name"])
                for d in demo["directorates"]
                if d["code"] != "CICT" and d["code"] not in have  # 12 directorates
            ]
        )
        have = set(CorporatePriority.objects.values_list("code", flat=True))
        CorporatePriority.objects.bulk_create(
            [
                CorporatePriority(code=p["code"], name=p["name"], description=p.get("description", ""))
                for p in demo["corporate_priorities"]
                if p["code"] not in have
            ]
        )
        have = set(PartnershipType.objects.values_list("name", flat=True))
        PartnershipType.objects.bulk_create(
            [
                PartnershipType(
                    name=t["name"],
                    group=t.get("group", ""),
                    citation=t.get("citation", ""),
                    description=t.get("description", ""),
                )
                for t in demo["partnership_types"]
                if t["name"] not in have
            ]
        )
        self.directorates = list(Directorate.objects.order_by("code"))
        self.directorate_weights = [self.rng.randint(2, 12) for _ in self.directorates]
        self.priorities = list(CorporatePriority.objects.order_by("code"))
        self.types = {t.name: t for t in PartnershipType.objects.all()}
        missing = set(TYPE_WEIGHTS) - set(self.types)
        if missing:
            raise SystemExit(f"The demo council's partnership types have changed: {sorted(missing)}")

    # -- organisations and people -------------------------------------------------------------

    def organisations(self) -> None:
        from accord.register.models import Organisation
        from accord.register.orgid import validate_org_id

        rng = self.rng
        council = Organisation(
            name="Chorley Council",
            sector="public",
            org_id="GB-LAE-CHO",
            can_be_accountable_body=True,
            can_employ_staff=True,
            website="https://chorley.gov.uk",
            is_council=True,
        )
        rows = [council]
        serials: dict[str, int] = {}
        sectors = weighted(rng, SECTOR_WEIGHTS)
        for _ in range(max(20, self.n // 4) - 1):
            sector = next(sectors)
            kinds = ORG_KINDS[sector]
            kind = rng.choices(kinds, [k.weight for k in kinds])[0]
            org_id = ""
            if kind.scheme and rng.random() < 0.85:
                serials[kind.scheme] = serials.get(kind.scheme, 0) + 1
                org_id = org_id_for(kind.scheme, serials[kind.scheme])
            name = " ".join(
                part for part in (rng.choice(PLACES), rng.choice(QUALIFIERS), kind.suffix) if part
            )
            rows.append(
                Organisation(
                    name=name,
                    sector=sector,
                    org_id=org_id,
                    can_be_accountable_body=kind.accountable,
                    can_employ_staff=kind.employs,
                    website=f"https://www.{name.lower().replace(' ', '').replace(chr(39), '')}.example.org"
                    if rng.random() < 0.5
                    else "",
                )
            )
        for org in rows:
            if org.org_id:
                validate_org_id(org.org_id)
        for batch in chunks(rows, BATCH):
            Organisation.objects.bulk_create(batch)
        self.council = rows[0]
        self.partners = rows[1:]
        self.lead_partners = [o for o in self.partners if o.sector in ("public", "vcf", "statutory")]
        self.counts.organisations = len(rows)

    def people(self) -> None:
        from accord.register.models import Person

        rng = self.rng
        rows: list[Person] = []
        self.officers_by_directorate: dict[int, list[Person]] = {d.pk: [] for d in self.directorates}
        self.members: list[Person] = []
        self.contacts_by_org: dict[int, list[Person]] = {}
        for i in range(max(40, self.n // 2)):
            first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
            roll = rng.random()
            if roll < 0.10 or i < 24:  # council officers: about a tenth of the people
                directorate = rng.choices(self.directorates, self.directorate_weights)[0]
                person = Person(
                    name=f"{first} {last}",
                    kind="officer",
                    organisation=self.council,
                    directorate=directorate,
                    job_title=rng.choice(OFFICER_TITLES),
                    email=f"{first}.{last}.{i}@chorley.example.gov.uk".lower(),
                )
                self.officers_by_directorate[directorate.pk].append(person)
            elif roll < 0.14 or i < 30:  # elected members
                person = Person(
                    name=f"Cllr {first} {last}",
                    kind="member",
                    organisation=self.council,
                    job_title="Councillor",
                    email=f"cllr.{first}.{last}.{i}@chorley.example.gov.uk".lower(),
                )
                self.members.append(person)
            else:
                org = rng.choice(self.partners)
                person = Person(
                    name=f"{first} {last}",
                    kind="partner_contact",
                    organisation=org,
                    job_title=rng.choice(PARTNER_TITLES),
                    email=f"{first}.{last}.{i}@example.org".lower(),
                    phone=f"01257 {rng.randint(100000, 999999)}" if rng.random() < 0.6 else "",
                )
                self.contacts_by_org.setdefault(org.pk, []).append(person)
            rows.append(person)
        for batch in chunks(rows, BATCH):
            Person.objects.bulk_create(batch)
        self.officers = [p for people in self.officers_by_directorate.values() for p in people]
        self.contacts = [p for people in self.contacts_by_org.values() for p in people]
        self.counts.people = len(rows)

    # -- partnerships ---------------------------------------------------------------------------

    def partnerships(self) -> None:
        from django.db import transaction

        self.streams = {
            "type": weighted(self.rng, TYPE_WEIGHTS),
            "status": weighted(self.rng, STATUS_WEIGHTS),
            "council_role": weighted(self.rng, COUNCIL_ROLE_WEIGHTS),
            "category": weighted(self.rng, CONTRIBUTION_WEIGHTS),
            "theme": weighted(self.rng, THEMES),
        }
        for start in range(0, self.n, BATCH):
            with transaction.atomic():
                self._partnership_batch(start, min(self.n, start + BATCH))
            print(f"  {min(self.n, start + BATCH):>7,} partnerships", end="\r", flush=True)
        print()

    def _partnership_batch(self, start: int, stop: int) -> None:
        """Create partnerships start..stop-1 with their members, roles, contributions, priority links
        and search terms. Partnerships go through bulk_create (their ids are needed); the million or so
        child rows go straight to executemany, which is several times faster than bulk_create."""
        from accord.register.models import (
            Contribution,
            Membership,
            Partnership,
            PartnershipRole,
            PriorityLink,
            SearchTerm,
        )
        from accord.register.search import terms_for

        rng, today = self.rng, self.today
        planned = [self._partnership(i) for i in range(start, stop)]
        memberships: list[tuple] = []
        roles: list[tuple] = []
        contributions: list[tuple] = []
        links: list[tuple] = []
        for index, (partnership, members) in enumerate(planned):
            joined = partnership.start_date
            for org, role in members:
                left = None
                if rng.random() < 0.05 and joined:
                    left = joined + timedelta(days=rng.randint(200, 3000))
                    left = left if left < today else None
                memberships.append((index, org.pk, role, joined, left, ""))
            roles.extend((index, *row) for row in self._roles(partnership, [org for org, _role in members]))
            found = self._contributions()
            contributions.extend((index, *row) for row in found)
            partnership.latest_year_contribution = latest_year_total(found)
            for priority in rng.sample(self.priorities, rng.choice((0, 1, 1, 2))):
                links.append((index, priority.pk, rng.choice(PRIORITY_HOW)))
        partnerships = [p for p, _members in planned]
        Partnership.objects.bulk_create(partnerships)
        ids = [p.pk for p in partnerships]

        def resolved(rows: list[tuple]) -> list[tuple]:
            return [(ids[row[0]], *row[1:]) for row in rows]

        fields = ["partnership", "organisation", "role", "start_date", "end_date", "notes"]
        self.counts.memberships += insert_rows(Membership, fields, resolved(memberships))
        fields = ["partnership", "person", "role", "start_date", "end_date", "notes"]
        self.counts.roles += insert_rows(PartnershipRole, fields, resolved(roles))
        fields = [
            "partnership",
            "year",
            "category",
            "amount",
            "finance_form",
            "person",
            "hours",
            "description",
        ]
        self.counts.contributions += insert_rows(Contribution, fields, resolved(contributions))
        self.counts.priority_links += insert_rows(
            PriorityLink, ["partnership", "priority", "how"], resolved(links)
        )
        terms = [(p.pk, term) for p in partnerships for term in sorted(terms_for(p))]
        self.counts.search_terms += insert_rows(SearchTerm, ["partnership", "term"], terms)
        self.counts.partnerships += len(partnerships)

    def users(self) -> None:
        from accord.kernel.accounts.models import Role, User

        user = User(
            username=BENCH_USERNAME, role=Role.ADMINISTRATOR, first_name="Bench", last_name="Administrator"
        )
        user.set_password(BENCH_PASSWORD)
        user.save()


def latest_year_total(contributions: Sequence[tuple]) -> Decimal:
    """The sum of amounts in the latest year recorded, as services.refresh_contribution_total stores it.
    Rows are (year, category, amount, ...)."""
    if not contributions:
        return Decimal("0")
    latest = max(row[0] for row in contributions)
    return sum((row[2] for row in contributions if row[0] == latest and row[2] is not None), Decimal("0"))


def insert_rows(model: type, names: Sequence[str], rows: Sequence[tuple]) -> int:
    """INSERT rows of `model` (values in the order of the field `names`) with one executemany.
    Dates and decimals are prepared by their fields as the ORM would (ids and text need nothing),
    so this works on SQLite and PostgreSQL."""
    from django.db import DEFAULT_DB_ALIAS, connections, models

    connection = connections[DEFAULT_DB_ALIAS]
    fields = [model._meta.get_field(name) for name in names]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({placeholders})"
    special = [i for i, f in enumerate(fields) if isinstance(f, models.DateField | models.DecimalField)]
    if special:
        prepared = []
        for row in rows:
            values = list(row)
            for i in special:
                values[i] = fields[i].get_db_prep_save(values[i], connection)
            prepared.append(values)
        rows = prepared
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)
    return len(rows)


def chunks(rows: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]
