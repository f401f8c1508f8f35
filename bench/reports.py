#!/usr/bin/env python
"""Benchmark the annual partnerships report (issue 6) for 1,000 partnerships, as a page, Word and Excel.

    .venv/bin/python bench/reports.py
    .venv/bin/python bench/reports.py --requests 20 --regenerate

It builds var/bench-reports-1000.sqlite3 (or reuses it): the synthetic register of bench/generate.py
with 1,000 partnerships, then 5,000 risks spread over them (bench/risks.py's generator), and for
every active partnership a move into the cycle, a completed review with up to three actions, one to
three assurance ratings over two years, two to four indicators with quarterly values for two years,
two years of budgets and a few delivery plan milestones (bench/reports_data.py). The annual report
for the year before is issued, so the report also works out what changed since. It serves the
database with gunicorn as bench/run.py does and measures, signed in as the benchmark administrator:

    ping     /ping                                            the trivial view
    page     /reports/annual/?period=<last complete year>     the annual partnerships report
    word     /reports/annual/report.docx?period=...           the same as a Word document
    excel    /reports/annual/report.xlsx?period=...           the same as an Excel workbook

Targets (issue 6): median under 2 s for the page and under 5 s for each download, measured at the
client (the whole request over loopback, gunicorn included). Results go to
bench/results/reports-latest.json and .md (and timestamped copies).
"""

import argparse
import json
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from harness import RESULTS, ROOT, USERNAME, BenchError, PageResult

PARTNERSHIPS = 1_000
RISKS = 5_000
TARGETS_MS = {"page": 2000.0, "word": 5000.0, "excel": 5000.0}


def database_path() -> Path:
    return ROOT / "var" / f"bench-reports-{PARTNERSHIPS}.sqlite3"


# --------------------------------------------------------------------------------------------
# Generating (in a subprocess: Django is configured for one database at a time)
# --------------------------------------------------------------------------------------------


def generate(seed: int, today: date) -> None:
    import generate as register

    path = database_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    register.configure_django(f"sqlite:///{path}")
    from django.db import connection, transaction

    started = time.perf_counter()
    print(f"Generating {PARTNERSHIPS:,} partnerships with risks, reviews and indicators into {path.name}")
    register.generate(PARTNERSHIPS, seed, today)
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA synchronous=OFF")
    import reports_data
    from risks import add_risks

    with transaction.atomic():
        risks = add_risks(RISKS, seed, today)
        made = reports_data.add(seed, today)
    from accord.domain.risks import counts

    counts.rebuild()
    issued = issue_previous_year(today)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    print(f"  {risks['risks']:,} risks; " + ", ".join(f"{n:,} {name}" for name, n in made.items()))
    print(f"  issued '{issued}' to compare with")
    print(f"Done in {time.perf_counter() - started:.1f} s")


def issue_previous_year(today: date) -> str:
    """Issue the annual report for the year before the one measured, as a council would have."""
    from django.contrib.auth import get_user_model

    from accord.frameworks import loader
    from accord.outputs.reports import periods, services
    from accord.outputs.reports.builders import KINDS, Context, build
    from accord.register.access import visible_partnerships

    user = get_user_model().objects.get(username=USERNAME)
    year = periods.financial_year(periods.last_complete(periods.YEAR, today).start.year - 1)
    kind = KINDS["annual"]
    report = build(kind, Context.make(visible_partnerships(user), year, framework=loader.current()))
    return services.issue(user, report, kind, loader.current(), "That the report be noted.").title


def facts() -> dict[str, Any]:
    import generate as register

    register.configure_django(f"sqlite:///{database_path()}")
    from django.utils import timezone

    from accord.domain.monitoring.models import Indicator, IndicatorValue
    from accord.domain.reviews.models import AssuranceRating, Review
    from accord.domain.risks.models import Risk
    from accord.outputs.reports import periods
    from accord.outputs.reports.models import ReportSnapshot
    from accord.register.models import Partnership

    return {
        "partnerships": Partnership.objects.count(),
        "risks": Risk.objects.count(),
        "reviews": Review.objects.count(),
        "ratings": AssuranceRating.objects.count(),
        "indicators": Indicator.objects.count(),
        "indicator_values": IndicatorValue.objects.count(),
        "snapshots": ReportSnapshot.objects.count(),
        "period": periods.last_complete(periods.YEAR, timezone.localdate()).id,
    }


def is_complete(path: Path) -> bool:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            user = db.execute("SELECT 1 FROM accounts_user WHERE username = ?", (USERNAME,)).fetchone()
            issued = db.execute("SELECT COUNT(*) FROM reports_reportsnapshot").fetchone()[0]
        return bool(user) and issued > 0
    except sqlite3.Error:
        return False


def database_for(regenerate: bool) -> tuple[Path, dict[str, Any]]:
    path = database_path()
    me = [sys.executable, str(Path(__file__).resolve())]
    if regenerate or not is_complete(path):
        subprocess.run([*me, "--generate"], cwd=ROOT, check=True)
    else:
        print(f"Reusing {path.relative_to(ROOT)} (--regenerate to make it afresh)")
    described = subprocess.run([*me, "--describe"], cwd=ROOT, check=True, capture_output=True, text=True)
    return path, json.loads(described.stdout)


# --------------------------------------------------------------------------------------------
# Measuring and reporting
# --------------------------------------------------------------------------------------------


def prepare(regenerate: bool):
    from run import Size

    database, found = database_for(regenerate)
    query = f"?period={found['period']}"
    pages = {
        "ping": PageResult("ping", "/ping"),
        "page": PageResult("page", f"/reports/annual/{query}"),
        "word": PageResult("word", f"/reports/annual/report.docx{query}"),
        "excel": PageResult("excel", f"/reports/annual/report.xlsx{query}"),
    }
    return Size(
        PARTNERSHIPS, database, found, pages, PageResult("ping (anonymous)", "/ping"), label="reports"
    )


def check_targets(run: dict[str, Any]) -> list[dict[str, Any]]:
    checks = []
    for name, target in TARGETS_MS.items():
        page = run["pages"][name]
        queries = ",".join(map(str, page["queries"]))
        checks.append(
            {
                "target": f"annual report as {name} for {PARTNERSHIPS:,} partnerships: "
                f"median < {target / 1000:g} s",
                "measured": f"{page['client_median_ms']:.0f} ms at the client "
                f"({page['server_median_ms']:.0f} ms in Django, {queries} queries)",
                "pass": page["client_median_ms"] < target,
            }
        )
    return checks


def markdown(report: dict[str, Any]) -> str:
    lines = [
        "| Measured | Median client (ms) | Median server (ms) | p90 server (ms) | SQL queries | Target |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, page in report["run"]["pages"].items():
        target = f"< {TARGETS_MS[name]:,.0f} ms" if name in TARGETS_MS else ""
        lines.append(
            f"| {name} | {page['client_median_ms']:.0f} | {page['server_median_ms']:.0f} "
            f"| {page['server_p90_ms']:.0f} | {','.join(map(str, page['queries']))} | {target} |"
        )
    lines += ["", "| Target | Measured | Result |", "|---|---|---|"]
    for check in report["targets"]:
        lines.append(f"| {check['target']} | {check['measured']} | {'PASS' if check['pass'] else 'FAIL'} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=20, help="measured requests per page")
    parser.add_argument("--warmup", type=int, default=2, help="unmeasured requests per page first")
    parser.add_argument("--workers", type=int, default=1, help="gunicorn workers")
    parser.add_argument("--regenerate", action="store_true", help="generate the database afresh")
    parser.add_argument("--quiet-load", type=float, help="first wait for the load average to drop below this")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--generate", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--describe", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.generate:
        generate(args.seed, date.today())
        return 0
    if args.describe:
        print(json.dumps(facts()))
        return 0
    if not 1 <= args.requests <= 1000:
        parser.error("give 1-1000 requests")

    from run import environment, measure_sizes

    report: dict[str, Any] = {
        "environment": environment(),
        "settings": {"requests": args.requests, "warmup": args.warmup, "workers": args.workers},
    }
    try:
        runs, report["load_average"] = measure_sizes([prepare(args.regenerate)], args)
    except BenchError as error:
        print(f"Benchmark failed: {error}", file=sys.stderr)
        return 2
    report["run"] = runs[0]
    report["targets"] = check_targets(runs[0])
    table = markdown(report)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    for name in (f"reports-{stamp}", "reports-latest"):
        (RESULTS / f"{name}.json").write_text(json.dumps(report, indent=2) + "\n")
        (RESULTS / f"{name}.md").write_text(table)
    print()
    print(table)
    for check in report["targets"]:
        print(f"{'PASS' if check['pass'] else 'FAIL'}  {check['target']}: {check['measured']}")
    return 0 if all(check["pass"] for check in report["targets"]) else 1


if __name__ == "__main__":
    sys.exit(main())
