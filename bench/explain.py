#!/usr/bin/env python
"""Where a benchmarked page spends its time: each SQL statement's duration and query plan.

    .venv/bin/python bench/explain.py --partnerships 100000 "/partnerships/?q=homeless&status=active"
    .venv/bin/python bench/explain.py --partnerships 100000 /partnerships/ --profile
    .venv/bin/python bench/explain.py --database var/bench-risks-100000.sqlite3 /risks/heat-map/

Runs in-process against var/bench-N.sqlite3 (made by bench/generate.py) with Django's test
client, signed in as the benchmark administrator, with the production settings. After a few
warm-up requests it reports the median time of the page, then every statement the page runs
with its duration (each SELECT replayed with its rows fetched, median of --replays) and
EXPLAIN QUERY PLAN for each SELECT (SQLite only).
--profile adds the functions where the rest of the time goes (cProfile).
"""

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


class Recorder:
    """A database execute wrapper that records each statement's SQL, parameters and duration."""

    def __init__(self) -> None:
        self.statements: list[tuple[str, Any, float]] = []

    def __call__(self, execute: Callable[..., Any], sql: str, params: Any, many: bool, context: dict) -> Any:
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.statements.append((sql, params, (time.perf_counter() - started) * 1000))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", help="the page, e.g. /partnerships/")
    parser.add_argument("--partnerships", type=int, help="which var/bench-N.sqlite3")
    parser.add_argument(
        "--database", type=Path, help="or another database, e.g. var/bench-risks-100000.sqlite3"
    )
    parser.add_argument("--requests", type=int, default=20, help="requests timed for the page's median")
    parser.add_argument("--replays", type=int, default=9, help="times each SELECT is replayed to time it")
    parser.add_argument("--profile", action="store_true", help="also show the top functions by own time")
    args = parser.parse_args(argv)

    if (args.partnerships is None) == (args.database is None):
        parser.error("give --partnerships N or --database PATH")
    database = args.database or ROOT / "var" / f"bench-{args.partnerships}.sqlite3"
    if not database.exists():
        parser.error(f"{database} does not exist: run bench/generate.py --partnerships {args.partnerships}")
    os.environ.update(
        {
            "DATABASE_URL": f"sqlite:///{database}",
            "DJANGO_SETTINGS_MODULE": "accord.settings",
            "SECRET_KEY": "bench-explain-not-a-secret-0123456789abcdefghijklmnopqrstuvwxyz",
            "DEBUG": "false",
            "ACCORD_TESTING": "false",
            "ALLOWED_HOSTS": "testserver",
            "SECURE_SSL_REDIRECT": "false",
        }
    )
    os.environ.pop("ACCORD_BENCH_METRICS", None)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    client = Client(HTTP_X_FORWARDED_PROTO="https")
    client.force_login(get_user_model().objects.get(username="bench"))
    for _ in range(3):
        response = client.get(args.path)
        if response.status_code != 200:
            raise SystemExit(f"{args.path} gave {response.status_code}")

    totals: list[float] = []
    for _ in range(args.requests):
        started = time.perf_counter()
        client.get(args.path)
        totals.append((time.perf_counter() - started) * 1000)
    recorder = Recorder()
    with connection.execute_wrapper(recorder):
        client.get(args.path)

    # A SELECT's rows are fetched after execute() returns, so the wrapper sees only the start of
    # the work: replay each one with fetchall() to time all of it.
    timed = []
    for statement, params, ms in recorder.statements:
        if statement.lstrip().upper().startswith("SELECT"):
            runs = []
            for _ in range(args.replays):
                with connection.cursor() as cursor:
                    started = time.perf_counter()
                    cursor.execute(statement, params)
                    cursor.fetchall()
                    runs.append((time.perf_counter() - started) * 1000)
            ms = statistics.median(runs)
        timed.append((statement, params, ms))

    total, sql = statistics.median(totals), sum(ms for _statement, _params, ms in timed)
    print(f"{args.path} on {database.name}: median {total:.2f} ms a request (test client, in-process)")
    print(
        f"  SQL about {sql:.2f} ms in {len(timed)} statements; everything else about {total - sql:.2f} ms\n"
    )
    for index, (statement, params, ms) in enumerate(timed):
        print(f"[{index + 1}] {ms:8.3f} ms  {statement[:400]}")
        if connection.vendor == "sqlite" and statement.lstrip().upper().startswith("SELECT"):
            with connection.cursor() as cursor:
                cursor.execute(f"EXPLAIN QUERY PLAN {statement}", params)
                for row in cursor.fetchall():
                    print(f"       plan: {row[-1]}")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.requests):
            client.get(args.path)
        profiler.disable()
        print()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # output piped into head
        sys.exit(0)
