#!/usr/bin/env python
"""Benchmark Accord served as production serves it (gunicorn), at several register sizes.

    .venv/bin/python bench/run.py                       # sizes 1000,100000; 50 requests per page
    .venv/bin/python bench/run.py --sizes 1000 --requests 20 --regenerate
    .venv/bin/python bench/run.py risks [--risks 10000,100000]   # the risk pages: see bench/risks.py
    .venv/bin/python bench/run.py reports                       # the annual report: bench/reports.py
    .venv/bin/python bench/run.py reminders                     # daily reminders: bench/reminders.py
    .venv/bin/python bench/run.py opendata | imports | api      # issue 7: bench/<name>.py
    .venv/bin/python bench/run.py xlsx_reader                   # issue 18: calamine vs openpyxl
    .venv/bin/python bench/run.py load                          # issue 8: the load test, bench/load.py

For each size N it generates var/bench-N.sqlite3 (or reuses it) and starts gunicorn with one
sync worker on a free local port with the production settings (DEBUG off, secure cookies, HSTS)
plus ACCORD_BENCH_METRICS=true. It signs in to each as the benchmark administrator and warms up,
then measures in rounds: each round requests every page at every size (the order rotating from
round to round, so drift in the machine's speed affects every size alike), reading each
response's Server-Timing and X-Query-Count headers (accord/kernel/ui/metrics.py):

    ping         /ping                      the trivial view: full middleware stack, no work
    register     /partnerships/             the register's first page
    search       /partnerships/?q=...       a filtered search: a word, status=active and one type
    partnership  /partnerships/<pk>/        a partnership's page

It prints medians, ratios against ping and the issue's targets as PASS or FAIL, and writes the
figures to bench/results/ as JSON and Markdown. Only the standard library is used as the client,
and every request goes to 127.0.0.1.
"""

import argparse
import json
import os
import platform
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import import_module
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from harness import (  # noqa: E402
    BIN,
    MAX_GROWTH,
    MAX_RATIO_TO_PING,
    PAGES,
    RATIO_ONLY,
    RESULTS,
    ROOT,
    TIMED,
    BenchError,
    Client,
    PageResult,
    database_for,
    free_port,
    measure,
    start_server,
    stop_server,
    wait_for_quiet,
    wait_until_healthy,
)


@dataclass
class Size:
    """One register size under test: its database, its gunicorn and the pages measured on it."""

    size: int
    database: Path
    facts: dict[str, Any]
    pages: dict[str, PageResult]
    anonymous_ping: PageResult
    server: subprocess.Popen | None = None
    client: Client | None = None
    log: Path | None = None
    label: str = ""  # names the size in messages and the server's log; default "N=<size>"

    @classmethod
    def prepare(cls, size: int, regenerate: bool) -> "Size":
        database, facts = database_for(size, regenerate)
        query = urlencode(
            {"q": facts["search_word"], "status": "active", "partnership_type": facts["search_type_id"]}
        )
        pages = {
            "ping": PageResult("ping", "/ping"),
            "register": PageResult("register", "/partnerships/"),
            "search": PageResult("search", f"/partnerships/?{query}"),
            "partnership": PageResult("partnership", f"/partnerships/{facts['partnership_pk']}/"),
            "compliance": PageResult("compliance", "/compliance/"),
        }
        return cls(size, database, facts, pages, PageResult("ping (anonymous)", "/ping"))

    def start(self, workers: int) -> None:
        port = free_port()
        self.log = RESULTS / f"gunicorn-{self.label or self.size}.log"
        self.client = Client(port)
        print(f"{self.label or f'N={self.size:,}'}: gunicorn on 127.0.0.1:{port} ({workers} worker)")
        self.server = start_server(self.database, port, workers, self.log)

    def ready(self, warmup: int) -> None:
        assert self.server and self.client and self.log
        wait_until_healthy(self.server, self.client, self.log)
        self.client.sign_in()
        for page in self.pages.values():
            for _ in range(warmup):
                measure(self.client, page)
        for _ in range(warmup):
            measure(self.client, self.anonymous_ping, anonymous=True)

    def round(self, number: int) -> None:
        """Request every page once, starting at a different page each round."""
        assert self.client
        order = list(self.pages.values())
        shift = number % len(order)
        for page in order[shift:] + order[:shift]:
            page.samples.append(measure(self.client, page))
        self.anonymous_ping.samples.append(measure(self.client, self.anonymous_ping, anonymous=True))

    def stop(self) -> None:
        if self.server is not None:
            stop_server(self.server)

    def result(self) -> dict[str, Any]:
        ping = self.pages["ping"]
        return {
            "partnerships": self.size,
            "facts": self.facts,
            "pages": {name: page.summary(ping, self.anonymous_ping) for name, page in self.pages.items()},
            "anonymous_ping": self.anonymous_ping.summary(ping, self.anonymous_ping),
        }


def measure_all(sizes: list[int], args: argparse.Namespace) -> tuple[list[dict[str, Any]], dict[str, float]]:
    """Serve every size at once and interleave them, round by round, so that a change in the
    machine's speed during the run affects every size alike."""
    return measure_sizes([Size.prepare(size, args.regenerate) for size in sizes], args)


def measure_sizes(
    sizes_under_test: list[Size], args: argparse.Namespace
) -> tuple[list[dict[str, Any]], dict[str, float]]:
    """Measure prepared sizes (args: workers, warmup, requests, quiet_load), interleaved."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    wait_for_quiet(args.quiet_load)
    load = {"before": round(os.getloadavg()[0], 2)}
    try:
        for under_test in sizes_under_test:
            under_test.start(args.workers)
        for under_test in sizes_under_test:
            under_test.ready(args.warmup)
        print(f"Measuring {args.requests} rounds of every page at every size")
        for number in range(args.requests):
            shift = number % len(sizes_under_test)
            for under_test in sizes_under_test[shift:] + sizes_under_test[:shift]:
                under_test.round(number)
    finally:
        for under_test in sizes_under_test:
            under_test.stop()
    load["after"] = round(os.getloadavg()[0], 2)
    if max(load.values()) > 1.5:
        print(f"Warning: the machine was busy (load average {load['before']} before, {load['after']} after)")
    return [under_test.result() for under_test in sizes_under_test], load


# --------------------------------------------------------------------------------------------
# Targets and reporting
# --------------------------------------------------------------------------------------------


def check_targets(runs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    smallest, largest = runs[0], runs[-1]
    n_small, n_large = f"{smallest['partnerships']:,}", f"{largest['partnerships']:,}"
    checks = []
    for name in PAGES:
        counts = [run["pages"][name]["queries"] for run in runs]
        steady = all(len(c) == 1 for c in counts) and len({c[0] for c in counts}) == 1
        shown = " / ".join(",".join(map(str, c)) for c in counts)
        checks.append(
            {"target": f"{name}: SQL query count does not grow with N", "measured": shown, "pass": steady}
        )
    for name in RATIO_ONLY:
        large = largest["pages"][name]
        checks.append(
            {
                "target": f"{name} at N={n_large}: median ≤ {MAX_RATIO_TO_PING:g}× ping",
                "measured": f"{large['server_median_ms']:.2f} ms = {large['ratio_to_ping']:.2f}× ping",
                "pass": large["ratio_to_ping"] <= MAX_RATIO_TO_PING,
            }
        )
    for name in TIMED:
        large = largest["pages"][name]
        ratio = large["ratio_to_ping"]
        checks.append(
            {
                "target": f"{name} at N={n_large}: median ≤ {MAX_RATIO_TO_PING:g}× ping",
                "measured": f"{large['server_median_ms']:.2f} ms = {ratio:.2f}× ping",
                "pass": ratio <= MAX_RATIO_TO_PING,
            }
        )
        if len(runs) > 1:
            growth = large["server_median_ms"] / smallest["pages"][name]["server_median_ms"]
            checks.append(
                {
                    "target": f"{name} at N={n_large}: median ≤ {MAX_GROWTH:g}× its median at N={n_small}",
                    "measured": f"{large['server_median_ms']:.2f} ms vs "
                    f"{smallest['pages'][name]['server_median_ms']:.2f} ms = {growth:.2f}×",
                    "pass": growth <= MAX_GROWTH,
                }
            )
    return checks


def markdown(report: dict[str, Any]) -> str:
    lines = [
        "| N | Page | Median server (ms) | p90 server (ms) | Median client (ms) | SQL queries "
        "| × ping (server) | × anonymous ping | Found |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for run in report["runs"]:
        rows = [*run["pages"].items(), ("ping (anonymous)", run["anonymous_ping"])]
        for name, page in rows:
            queries = ",".join(map(str, page["queries"]))
            lines.append(
                f"| {run['partnerships']:,} | {name} | {page['server_median_ms']:.2f} "
                f"| {page['server_p90_ms']:.2f} | {page['client_median_ms']:.2f} | {queries} "
                f"| {page['ratio_to_ping']:.2f} | {page['ratio_to_anonymous_ping']:.2f} "
                f"| {'' if page['found'] is None else format(page['found'], ',')} |"
            )
    lines += ["", "| Target | Measured | Result |", "|---|---|---|"]
    for check in report["targets"]:
        lines.append(f"| {check['target']} | {check['measured']} | {'PASS' if check['pass'] else 'FAIL'} |")
    return "\n".join(lines) + "\n"


def print_table(report: dict[str, Any]) -> None:
    print()
    header = (
        f"{'N':>8}  {'page':<18}{'server ms':>10}{'p90 ms':>9}{'client ms':>10}{'queries':>9}{'× ping':>8}"
    )
    print(header)
    print("-" * len(header))
    for run in report["runs"]:
        for name, page in [*run["pages"].items(), ("ping (anonymous)", run["anonymous_ping"])]:
            queries = ",".join(map(str, page["queries"]))
            print(
                f"{run['partnerships']:>8,}  {name:<18}{page['server_median_ms']:>10.2f}"
                f"{page['server_p90_ms']:>9.2f}{page['client_median_ms']:>10.2f}{queries:>9}{page['ratio_to_ping']:>8.2f}"
            )
    print()
    for check in report["targets"]:
        print(f"{'PASS' if check['pass'] else 'FAIL'}  {check['target']}: {check['measured']}")


def environment() -> dict[str, Any]:
    gunicorn = subprocess.run(
        [str(BIN / "gunicorn"), "--version"], capture_output=True, text=True
    ).stdout.strip()
    django = subprocess.run(
        [sys.executable, "-c", "import django; print(django.get_version())"], capture_output=True, text=True
    ).stdout.strip()
    return {
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "django": django,
        "gunicorn": gunicorn,
        "sqlite": sqlite3.sqlite_version,
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
    }


# The other benchmarks, each its own script, also reachable as `bench/run.py NAME [options]`.
SUITES = ("risks", "reports", "reminders", "opendata", "imports", "xlsx_reader", "api", "load")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] and argv[0] in SUITES:  # another issue's benchmark: bench/<name>.py with the rest
        module = import_module(argv[0])
        sys.argv = [f"bench/{argv[0]}.py", *argv[1:]]
        return module.main()
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,100000", help="comma-separated register sizes (N)")
    parser.add_argument("--requests", type=int, default=50, help="measured requests per page and size")
    parser.add_argument("--warmup", type=int, default=5, help="unmeasured requests per page first")
    parser.add_argument("--workers", type=int, default=1, help="gunicorn workers")
    parser.add_argument("--regenerate", action="store_true", help="generate the databases afresh")
    parser.add_argument(
        "--quiet-load", type=float, help="first wait (up to 10 min) for the load average to drop below this"
    )
    args = parser.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(",") if s.strip())
    if not sizes or sizes[0] < 1 or not 1 <= args.requests <= 10000 or not 0 <= args.warmup <= 1000:
        parser.error("give sizes of at least 1, 1-10000 requests and 0-1000 warm-up requests")

    report: dict[str, Any] = {
        "environment": environment(),
        "settings": {"requests": args.requests, "warmup": args.warmup, "workers": args.workers},
    }
    try:
        report["runs"], report["load_average"] = measure_all(sizes, args)
    except BenchError as error:
        print(f"Benchmark failed: {error}", file=sys.stderr)
        return 2
    report["targets"] = check_targets(report["runs"])
    print_table(report)
    table = markdown(report)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    RESULTS.mkdir(parents=True, exist_ok=True)
    for name in (f"bench-{stamp}", "latest"):
        (RESULTS / f"{name}.json").write_text(json.dumps(report, indent=2) + "\n")
        (RESULTS / f"{name}.md").write_text(table)
    print(f"\nWrote {(RESULTS / f'bench-{stamp}.json').relative_to(ROOT)} and .md\n")
    print(table)
    return 0 if all(check["pass"] for check in report["targets"]) else 1


if __name__ == "__main__":
    sys.exit(main())
