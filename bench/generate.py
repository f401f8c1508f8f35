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
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

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


from synthetic import BENCH_USERNAME, SEARCH_TYPE, SEARCH_WORD, Counts, Generator  # noqa: E402

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
    from accord.frameworks import loader, store

    started = time.perf_counter()
    worked_out = store.refresh_all(today, framework=loader.current())
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
