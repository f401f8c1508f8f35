#!/usr/bin/env python
"""Generate a synthetic register for the benchmark harness.

    .venv/bin/python bench/generate.py --partnerships 100000
    .venv/bin/python bench/generate.py --partnerships 1000 --database-url sqlite:////tmp/x.sqlite3
    .venv/bin/python bench/generate.py --partnerships 1000 --describe   # JSON facts about an existing one

Without --database-url the database is the SQLite file var/bench-N.sqlite3, deleted and created
fresh (migrate) each time. A --database-url database is migrated and must hold no partnerships.

The data follows the demo council's reference lists (the same 14 partnership types, its
directorates and 4 corporate priorities) and spreads N partnerships over about N/4
organisations and N/2 people, with 2-6 member organisations, 2-4 roles (always a lead officer)
and 1-3 contributions each, some priority links, the latest-year contribution total kept as
services.refresh_contribution_total keeps it, and the search index built with
accord.register.search.terms_for. The same seed and reference date give the same data.
"""

import argparse
import json
import os
import random
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from vocabulary import (  # noqa: E402
    AREAS,
    CLIENT_GROUPS,
    CONTRIBUTION_WEIGHTS,
    COUNCIL_ROLE_WEIGHTS,
    DESCRIPTIONS,
    FIRST_NAMES,
    NAME_PATTERNS,
    OFFICER_TITLES,
    ORG_KINDS,
    PARTNER_TITLES,
    PLACES,
    PRIORITY_HOW,
    PURPOSES,
    QUALIFIERS,
    ROLE_WEIGHTS,
    SECTOR_WEIGHTS,
    STATUS_WEIGHTS,
    STATUTORY_BASES,
    SURNAMES,
    THEMES,
    TYPE_WEIGHTS,
    org_id_for,
)

ROOT = Path(__file__).resolve().parent.parent
BATCH = 5000
BENCH_USERNAME = "bench"
BENCH_PASSWORD = "bench-password-2026"  # a benchmark-only account on throwaway data
SEARCH_WORD = "homeless"  # matches a few per cent of partnerships (run.py's filtered search)
SEARCH_TYPE = "Collaborative"

# --------------------------------------------------------------------------------------------
# Set-up
# --------------------------------------------------------------------------------------------


def default_database(partnerships: int) -> Path:
    return ROOT / "var" / f"bench-{partnerships}.sqlite3"


def configure_django(database_url: str) -> None:
    """Point Django at the benchmark database; must run before anything imports Django models."""
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "accord.settings")
    os.environ.setdefault("SECRET_KEY", "bench-generate-not-a-secret-0123456789abcdefghijklmnop")
    os.environ.setdefault("DEBUG", "false")
    os.environ.setdefault("ACCORD_TESTING", "false")
    os.environ.pop("ACCORD_BENCH_METRICS", None)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def weighted(rng: random.Random, weights: dict[str, int]) -> Iterator[str]:
    """An endless stream of keys drawn by weight (drawn in blocks: much faster than one at a time)."""
    keys, values = list(weights), list(weights.values())
    while True:
        yield from rng.choices(keys, values, k=1024)


# --------------------------------------------------------------------------------------------
# The generator
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


class Generator:
    def __init__(self, partnerships: int, seed: int, today: date) -> None:
        self.n = partnerships
        self.rng = random.Random(seed)
        self.today = today
        self.counts = Counts()

    # -- reference data -----------------------------------------------------------------------

    def reference_data(self) -> None:
        """The demo council's lists, adding only what migrations have not already seeded."""
        from accord.register.demo import load_file
        from accord.register.models import CorporatePriority, Directorate, PartnershipType

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

    def _partnership(self, i: int):
        from accord.register.models import Partnership

        rng, today, streams = self.rng, self.today, self.streams
        type_name = next(streams["type"])
        status = next(streams["status"])
        council_role = next(streams["council_role"])
        themes = list(dict.fromkeys(next(streams["theme"]) for _ in range(rng.randint(2, 4))))
        place, place2 = rng.sample(PLACES, 2)
        directorate = rng.choices(self.directorates, self.directorate_weights)[0]

        lead = self.council if council_role == "lead" else rng.choice(self.lead_partners)
        partners = rng.sample(self.partners, rng.randint(1, 5))
        if lead is not self.council and lead not in partners:
            partners[0] = lead
        partners = list(dict.fromkeys(partners))
        accountable = None
        if council_role == "accountable_body":
            accountable = self.council
        elif rng.random() < 0.4:
            candidates = [o for o in partners if o.can_be_accountable_body]
            accountable = candidates[0] if candidates else None
        members = [(self.council, council_role if council_role != "other" else "member")]
        for org in partners:
            if org is lead:
                role = "lead"
            elif org is accountable:
                role = "accountable_body"
            else:
                role = "observer" if rng.random() < 0.15 else "member"
            members.append((org, role))

        start = today - timedelta(days=rng.randint(30, 9000)) if rng.random() < 0.95 else None
        end = None
        if status == "proposed":
            start = today + timedelta(days=rng.randint(10, 300))
            end = start + timedelta(days=rng.randint(365, 2000)) if rng.random() < 0.5 else None
        elif status == "closed":
            end = today - timedelta(days=rng.randint(1, 1500))
            start = min(start or end, end - timedelta(days=rng.randint(180, 3000)))
        else:
            roll = rng.random()
            if roll < 0.15:  # ends within the next 12 months
                end = today + timedelta(days=rng.randint(1, 365))
            elif roll < 0.65:
                end = today + timedelta(days=rng.randint(366, 2200))
        funding_end = today + timedelta(days=rng.randint(-400, 900)) if rng.random() < 0.15 else None
        theme = themes[0]
        statutory = rng.random() < 0.3
        clients = "; ".join(rng.sample(CLIENT_GROUPS, rng.randint(1, 3)))
        area = place if rng.random() < 0.4 else rng.choice(AREAS)
        description = rng.choice(DESCRIPTIONS).format(
            kind=type_name.lower(), theme=theme.lower(), area=area, lead=lead.name, clients=clients.lower()
        )
        incorporated = type_name in ("Joint venture company", "Private sector")
        partnership = Partnership(
            name=rng.choice(NAME_PATTERNS).format(place=place, place2=place2, theme=title_case(theme)),
            reference=f"{directorate.code}-{i + 1:06d}",
            description=description,
            purpose=rng.choice(PURPOSES),
            partnership_type=self.types[type_name],
            statutory_status="statutory" if statutory else "non_statutory",
            incorporation="incorporated" if incorporated else "unincorporated",
            statutory_basis=rng.choice(STATUTORY_BASES) if statutory else "",
            themes="; ".join(themes),
            geographical_area=area,
            client_groups=clients,
            lead_organisation=lead,
            accountable_body=accountable,
            council_role=council_role,
            directorate=directorate,
            start_date=start,
            proposed_end_date=end,
            external_funding_end_date=funding_end,
            funding_sources="Council budget; partners' contributions" if rng.random() < 0.6 else "",
            accountable_to="Executive Cabinet" if rng.random() < 0.5 else "The partnership board",
            monitoring_arrangements="Quarterly performance report to the lead directorate.",
            additional_monitoring_required=rng.random() < 0.2,
            covers_members_expenses=rng.choice(("yes", "no", "unknown")),
            status=status,
            is_published=rng.random() < 0.6,
        )
        return partnership, members

    def _roles(self, partnership, member_orgs) -> list[tuple]:
        """(person id, role, start, end, notes) rows: a lead officer from its directorate, then 1-3 more."""
        rng = self.rng
        directorate_officers = self.officers_by_directorate.get(partnership.directorate_id) or self.officers
        chosen = [("lead_officer", rng.choice(directorate_officers))]
        used = {chosen[0][1].pk}
        for role in rng.choices(list(ROLE_WEIGHTS), list(ROLE_WEIGHTS.values()), k=rng.randint(1, 3)):
            if role in ("council_representative", "substitute"):
                person = rng.choice(self.members)
            elif role == "partner_contact":
                contacts = [p for org in member_orgs for p in self.contacts_by_org.get(org.pk, ())]
                person = rng.choice(contacts or self.contacts)
            else:
                person = rng.choice(directorate_officers)
            if person.pk not in used:
                used.add(person.pk)
                chosen.append((role, person))
        rows = []
        started = partnership.start_date
        for role, person in chosen:
            begun = started + timedelta(days=rng.randint(0, 400)) if started and rng.random() < 0.8 else None
            ended = None
            if begun and role != "lead_officer" and rng.random() < 0.08:
                ended = begun + timedelta(days=rng.randint(30, 1500))
            rows.append((person.pk, role, begun, ended, ""))
        return rows

    def _contributions(self) -> list[tuple]:
        """(year, category, amount, finance form, person id, hours, description) rows, one to three."""
        rng = self.rng
        current_year = self.today.year if self.today.month >= 4 else self.today.year - 1  # financial year
        rows = []
        seen: set[tuple[int, str]] = set()
        for _ in range(rng.randint(1, 3)):
            year = current_year - rng.choice((0, 0, 0, 1, 1, 2))
            category = next(self.streams["category"])
            if (year, category) in seen:
                continue
            seen.add((year, category))
            if category == "finance":
                form = rng.choice(("grant", "grant", "budget_diversion", "pooled", "in_kind"))
                amount = Decimal(rng.randint(5, 2000) * 100)
                rows.append(
                    (year, category, amount, form, None, None, "Council grant towards the partnership")
                )
            elif category == "officer_time":
                hours = rng.randint(10, 400)
                amount = Decimal(hours * 38) if rng.random() < 0.6 else None
                person = rng.choice(self.officers).pk
                rows.append((year, category, amount, "", person, hours, "Officer support to the partnership"))
            else:
                amount = Decimal(rng.randint(2, 200) * 50) if rng.random() < 0.8 else None
                rows.append((year, category, amount, "", None, None, "Costed in-kind support"))
        return rows

    # -- accounts -------------------------------------------------------------------------------

    def users(self) -> None:
        from accord.accounts.models import Role, User

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


def title_case(text: str) -> str:
    """'Health and wellbeing' -> 'Health and Wellbeing', as partnership names are written."""
    return " ".join(w if w in ("and", "of") else w[:1].upper() + w[1:] for w in text.split())


def chunks(rows: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


# --------------------------------------------------------------------------------------------
# Commands
# --------------------------------------------------------------------------------------------


def generate(partnerships: int, seed: int, today: date) -> Counts:
    from django.core.management import call_command
    from django.db import connection, transaction

    from accord.register.models import Partnership

    call_command("migrate", verbosity=0, interactive=False)
    if Partnership.objects.exists():
        raise SystemExit("The database already holds partnerships: give an empty one.")
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:  # throwaway data: trade durability for speed while loading
            cursor.execute("PRAGMA synchronous=OFF")
            cursor.execute("PRAGMA cache_size=-262144")
    generator = Generator(partnerships, seed, today)
    with transaction.atomic():
        generator.reference_data()
        generator.organisations()
        generator.people()
        generator.users()
    generator.partnerships()
    from accord.frameworks import store

    started = time.perf_counter()
    worked_out = store.refresh_all(today)
    print(
        f"  obligations worked out for {worked_out:,} partnerships in {time.perf_counter() - started:.1f} s"
    )
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    elif connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return generator.counts


def describe() -> dict[str, Any]:
    """Facts run.py needs about a generated database: ids to request and how many rows match."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor
    from django.db.models import Exists, OuterRef

    from accord.register.models import Partnership, PartnershipType, SearchTerm
    from accord.register.search import apply_search

    total = Partnership.objects.count()
    if not total:
        raise SystemExit("The database holds no partnerships.")
    executor = MigrationExecutor(connection)
    pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    ordered = Partnership.objects.order_by("pk").values_list("pk", flat=True)
    middle = ordered[total // 2]
    search_type = PartnershipType.objects.get(name=SEARCH_TYPE)
    matching = apply_search(Partnership.objects.all(), SEARCH_WORD)
    filtered = matching.filter(status="active", partnership_type=search_type)
    has_terms = Exists(SearchTerm.objects.filter(partnership=OuterRef("pk")))
    return {
        "partnerships": total,
        "partnership_pk": middle,
        "search_word": SEARCH_WORD,
        "search_type_id": search_type.pk,
        "search_type_name": search_type.name,
        "search_word_matches": matching.count(),
        "filtered_search_matches": filtered.count(),
        "indexed_partnerships": Partnership.objects.filter(has_terms).count(),
        "migrations_pending": [
            f"{migration.app_label}.{migration.name}" for migration, _backwards in pending
        ],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--partnerships", type=int, required=True, help="how many partnerships (N)")
    parser.add_argument("--database-url", help="default: sqlite:///var/bench-N.sqlite3, created fresh")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--today", type=date.fromisoformat, default=date.today(), help="reference date")
    parser.add_argument(
        "--describe", action="store_true", help="print facts about an existing database as JSON"
    )
    args = parser.parse_args(argv)
    if args.partnerships < 1:
        parser.error("--partnerships must be at least 1")

    database_url = args.database_url
    if not database_url:
        path = default_database(args.partnerships)
        if not args.describe:
            path.parent.mkdir(parents=True, exist_ok=True)
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        elif not path.exists():
            raise SystemExit(f"{path} does not exist: generate it first.")
        database_url = f"sqlite:///{path}"
    configure_django(database_url)

    if args.describe:
        print(json.dumps(describe()))
        return 0
    started = time.perf_counter()
    print(f"Generating {args.partnerships:,} partnerships into {database_url}")
    counts = generate(args.partnerships, args.seed, args.today)
    elapsed = time.perf_counter() - started
    for name, value in vars(counts).items():
        print(f"  {name:<15} {value:>10,}")
    print(f"  user            {BENCH_USERNAME!r} (administrator)")
    print(f"Done in {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
