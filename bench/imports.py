#!/usr/bin/env python
"""Benchmark: importing a 10,000-row register spreadsheet (issue 7: dry run and commit under 30 s;
issue 18: commit under 15 s).

    .venv/bin/python bench/imports.py
    .venv/bin/python bench/imports.py --rows 10000 --runs 3
    .venv/bin/python bench/imports.py --layout council

`--layout accord` (the default) is Accord's own export layout. `--layout council` is one sheet as a
council keeps its register: its own headings under a title row, no references (made from the
pattern), the council's defaults for the fields it lacks, statuses from the dates, a lead officer,
a contribution, in-kind support, two to four partners in one cell (some with org-ids in brackets),
a governance document, when it was last reviewed (before go-live), a risk register Y/N and notes.

It builds an Excel workbook of 10,000 partnerships with realistic values (names, descriptions,
types, directorates, 400 lead organisations with org-ids, dates as Excel dates and as dd/mm/yyyy
text), migrates a fresh SQLite database (var/bench-imports-template.sqlite3) holding only the council
and its reference lists, then, in this process:

  dry run   reads the workbook and builds the plan (every row parsed and matched), several times;
  commit    imports it into a fresh copy of the template database each run (creating every
            partnership, its organisation, history entries, search terms and first cycle row).

Prints medians with the target and PASS or FAIL (on wall-clock time); exits 0 only on PASS. The
process's CPU time for each run is printed too: on a busy machine wall-clock time includes waiting
for the CPU, and the CPU time shows what the import itself costs.
"""

import argparse
import io
import os
import random
import shutil
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var"
TEMPLATE = VAR / "bench-imports-template.sqlite3"
WORK = VAR / "bench-imports-run.sqlite3"
TARGET_SECONDS = {"dry run": 30.0, "commit": 15.0}
SEED = 2026
THEMES = [
    "community safety",
    "health",
    "housing",
    "young people",
    "older people",
    "economy",
    "waste",
    "transport",
]
AREAS = ["Chorley", "Lancashire", "Central Lancashire", "Chorley and South Ribble", "North West"]


def configure() -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{WORK}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "accord.settings")
    os.environ.setdefault("SECRET_KEY", "bench-imports-not-a-secret-0123456789abcdefghijklmnop")
    os.environ.setdefault("DEBUG", "false")
    os.environ.setdefault("ACCORD_TESTING", "false")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def fresh_template() -> None:
    """Migrate an empty database with the council; keep it as the template each commit copies."""
    from django.core.management import call_command
    from django.db import connection

    for path in (WORK, TEMPLATE):
        path.unlink(missing_ok=True)
    call_command("migrate", verbosity=0)
    from accord.register.models import Directorate, Organisation, PartnershipType

    Organisation.objects.create(name="Chorley Council", sector="public", org_id="GB-LAE-CHO", is_council=True)
    for code, name in (
        ("COMM", "Communities"),
        ("PLACE", "Place"),
        ("PEOPLE", "People"),
        ("CORP", "Corporate"),
    ):
        Directorate.objects.get_or_create(code=code, defaults={"name": name})
    if not PartnershipType.objects.exists():
        PartnershipType.objects.create(name="Public sector strategic")
    connection.close()
    shutil.copy(WORK, TEMPLATE)


def build_workbook(rows: int, types: list[str] | None = None, directorates: list[str] | None = None) -> bytes:
    """The workbook; types and directorates from the database unless given (bench/xlsx_reader.py)."""
    from openpyxl import Workbook

    from accord.outputs.transfer import columns as c
    from accord.register.models import Directorate, PartnershipType

    rng = random.Random(SEED)
    if types is None:
        types = list(PartnershipType.objects.values_list("name", flat=True))
    if directorates is None:
        directorates = list(Directorate.objects.values_list("name", flat=True))
    orgs = [
        (f"{rng.choice(AREAS)} {kind} {n}", f"GB-CHC-{1000000 + n}")
        for n, kind in enumerate(
            rng.choice(["Trust", "Forum", "Alliance", "Network", "Foundation"]) for _ in range(400)
        )
    ]
    headers = [col.header for col in c.PARTNERSHIPS.columns]
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Partnerships")
    sheet.append(headers)
    for n in range(rows):
        theme = rng.choice(THEMES)
        org, org_id = rng.choice(orgs)
        start = date(2005, 1, 1) + timedelta(days=rng.randrange(7000))
        values = {
            "reference": f"IMP-{n:05d}",
            "name": f"{rng.choice(AREAS)} {theme.title()} Partnership {n}",
            "description": f"Partners working together on {theme} across {rng.choice(AREAS)}. " * 3,
            "partnership_type": rng.choice(types),
            "statutory_status": rng.choice(["Statutory", "Non-statutory"]),
            "incorporation": rng.choice(["Incorporated body", "Unincorporated"]),
            "lead_organisation": org,
            "lead_organisation_org_id": org_id,
            "council_role": rng.choice(["Lead organisation", "Member", "Host"]),
            "directorate": rng.choice(directorates),
            "status": rng.choice(["Active", "Active", "Proposed", "Under review"]),
            "start_date": start if n % 2 else start.strftime("%d/%m/%Y"),
            "proposed_end_date": start + timedelta(days=365 * rng.randint(1, 10)),
            "purpose": f"To improve {theme} outcomes for residents.",
            "themes": theme,
            "geographical_area": rng.choice(AREAS),
            "funding_sources": "Council base budget; partner contributions",
            "accountable_to": "Executive Cabinet",
            "is_key_partnership": rng.choice(["Yes", "No"]),
            "is_published": rng.choice(["Yes", "No"]),
            "covers_members_expenses": "Not known",
        }
        sheet.append([values.get(col.key, "") for col in c.PARTNERSHIPS.columns])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


COUNCIL_HEADINGS = [
    "Partnership Name",
    "Lead Officer",
    "Service Area",
    "Type",
    "Statutory (Y/N)",
    "Start Date",
    "End Date",
    "Council Contribution (£)",
    "In-kind support",
    "Partners",
    "Governance document",
    "Last reviewed",
    "Risk register?",
    "Notes",
]


def build_council_workbook(rows: int) -> bytes:
    """One sheet as a council keeps its register (see the module's docstring)."""
    from openpyxl import Workbook

    from accord.register import offered_types
    from accord.register.models import Directorate

    rng = random.Random(SEED)
    types = list(offered_types.choices().values_list("name", flat=True))
    directorates = list(Directorate.objects.values_list("name", flat=True))
    officers = [f"Officer {n}" for n in range(300)]
    orgs = [f"{rng.choice(AREAS)} {kind} {n}" for n, kind in enumerate(["Trust", "Forum", "Network"] * 200)]
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Register")
    sheet.append(["Chorley Council – register of partnerships"])
    sheet.append(COUNCIL_HEADINGS)
    for n in range(rows):
        theme = rng.choice(THEMES)
        start = date(2005, 1, 1) + timedelta(days=rng.randrange(7000))
        end = start + timedelta(days=365 * rng.randint(1, 25))
        partners = [
            org + (f" (GB-CHC-{1000000 + i})" if i % 3 == 0 else "")
            for i, org in ((orgs.index(o), o) for o in rng.sample(orgs, rng.randint(2, 4)))
        ]
        sheet.append(
            [
                f"{rng.choice(AREAS)} {theme.title()} Partnership {n}",
                rng.choice(officers),
                rng.choice(directorates),
                rng.choice(types),
                rng.choice(["Y", "N"]),
                start.strftime("%d/%m/%Y"),
                end.strftime("%d/%m/%Y") if n % 4 else "",
                f"£{rng.randrange(0, 200_000):,}" if n % 3 else "",
                "Officer time, one day a month" if n % 5 == 0 else "",
                "; ".join(partners),
                f"{theme.title()} terms of reference" if n % 2 else "",
                (start + timedelta(days=400)).strftime("%d/%m/%Y") if n % 2 and start.year < 2020 else "",
                rng.choice(["Y", "N"]),
                "Imported for the benchmark" if n % 7 == 0 else "",
            ]
        )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def council_choices():
    from accord.outputs.transfer import defaults as assume
    from accord.outputs.transfer.assumptions import ImportChoices

    return ImportChoices(assume.council_defaults())


def set_go_live() -> None:
    """Go-live after every 'last reviewed' date the council workbook gives."""
    from accord.frameworks import loader, services

    services.set_tracking_from(None, date(2026, 4, 1), "Benchmark go-live", framework=loader.current())


def median_report(name: str, times: list[float], cpu: list[float]) -> bool:
    median = statistics.median(times)
    target = TARGET_SECONDS[name]
    verdict = "PASS" if median < target else "FAIL"
    runs = ", ".join(f"{t:.2f}" for t in times)
    print(f"{name:<9} median {median:6.2f} s  (runs: {runs})  target < {target:.0f} s  {verdict}")
    cpu_runs = ", ".join(f"{t:.2f}" for t in cpu)
    print(f"{'':<9} CPU    {statistics.median(cpu):6.2f} s  (runs: {cpu_runs})")
    return verdict == "PASS"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--layout", choices=["accord", "council"], default="accord")
    args = parser.parse_args()
    VAR.mkdir(exist_ok=True)
    configure()
    fresh_template()
    council = args.layout == "council"
    if council:
        set_go_live()
        from django.db import connection as template

        template.close()
        shutil.copy(WORK, TEMPLATE)
    content = build_council_workbook(args.rows) if council else build_workbook(args.rows)
    print(f"Workbook ({args.layout} layout): {args.rows:,} partnership rows, {len(content) / 1e6:.1f} MB")
    choices = council_choices() if council else None

    from django.db import connection

    from accord.frameworks import loader
    from accord.outputs.transfer.commit import commit
    from accord.outputs.transfer.mapping import suggested
    from accord.outputs.transfer.plan import build
    from accord.outputs.transfer.reading import read
    from accord.register.models import Partnership

    dry, dry_cpu = [], []
    for _ in range(args.runs):
        started, cpu = time.perf_counter(), time.process_time()
        book = read("register.xlsx", content)
        plan = build("register.xlsx", book, suggested(book), choices=choices, framework=loader.current())
        dry.append(time.perf_counter() - started)
        dry_cpu.append(time.process_time() - cpu)
        assert plan.ok, plan.problems[:5]
        assert plan.counts()["Partnerships"]["created"] == args.rows
    committed, committed_cpu = [], []
    for _ in range(args.runs):
        connection.close()
        shutil.copy(TEMPLATE, WORK)
        started, cpu = time.perf_counter(), time.process_time()
        book = read("register.xlsx", content)
        commit(None, "register.xlsx", book, suggested(book), choices, loader.current())
        committed.append(time.perf_counter() - started)
        committed_cpu.append(time.process_time() - cpu)
        assert Partnership.objects.count() == args.rows
    connection.close()
    ok = median_report("dry run", dry, dry_cpu) & median_report("commit", committed, committed_cpu)
    for path in (WORK, TEMPLATE):
        path.unlink(missing_ok=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
