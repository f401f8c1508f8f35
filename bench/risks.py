#!/usr/bin/env python
"""Benchmark the council-wide risk pages (issue 5) over 10,000 and 100,000 risks on 10,000 partnerships.

    .venv/bin/python bench/risks.py                              # or: bench/run.py risks
    .venv/bin/python bench/risks.py --risks 10000,100000 --requests 50 --regenerate

For each number of risks R it builds var/bench-risks-R.sqlite3 (or reuses it): the synthetic
register of bench/generate.py with 10,000 partnerships, then R risks spread over them at random
(bulk_create): 85% open, scored at random on the council's matrix (current no worse than inherent,
target no worse than current, 5% not yet scored now), random categories, owners, review dates
either side of today, a third of the high ones escalated, and an action for every fourth risk.
It serves each database with gunicorn as bench/run.py does, interleaving the sizes round by round,
and measures, signed in as the benchmark administrator:

    ping       /ping                                   the trivial view
    heatmap    /risks/heat-map/                        the council-wide heat map (current scores)
    filtered   /risks/?band=high&category=<category>   a filtered council-wide risk list
    list       /risks/                                 the council-wide list's first page (for reference)

Targets: the heat map and the filtered list each at most 5× ping (median server time) at the
largest size, with a query count that does not grow with the number of risks. Results go to
bench/results/risks-latest.json and .md (and timestamped copies).
"""

import argparse
import json
import random
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from harness import MAX_RATIO_TO_PING, RESULTS, ROOT, USERNAME, BenchError, PageResult

PARTNERSHIPS = 10_000
CATEGORY = 1  # the filtered list's category: the framework's second
BATCH = 5000
FOUND = rb"([0-9,]+) risks? found"


def database_path(risks: int) -> Path:
    return ROOT / "var" / f"bench-risks-{risks}.sqlite3"


# --------------------------------------------------------------------------------------------
# Generating (run in a subprocess per database: Django is configured for one database at a time)
# --------------------------------------------------------------------------------------------


def add_risks(count: int, seed: int, today: date) -> dict[str, int]:
    from accord.domain.risks import scoring
    from accord.domain.risks.models import Risk, RiskAction
    from accord.frameworks import loader
    from accord.register.models import Partnership

    rng = random.Random(seed)
    model = loader.current().risk_model
    top_l, top_i = len(model.likelihood), len(model.impact)
    categories = [c.id for c in model.categories]
    strategies = [s.id for s in model.strategies] or [""]
    high = max(model.bands, key=lambda b: b.min).id
    partnerships = list(Partnership.objects.values_list("pk", flat=True))
    numbered: dict[int, int] = {}
    made = {"risks": 0, "open": 0, "actions": 0}

    def scored(risk: Risk, stage: str, likelihood: int, impact: int) -> None:
        result = scoring.score(model, likelihood, impact)
        setattr(risk, f"{stage}_likelihood", likelihood)
        setattr(risk, f"{stage}_impact", impact)
        setattr(risk, f"{stage}_score", result.score)
        setattr(risk, f"{stage}_band", result.band_id)

    for start in range(0, count, BATCH):
        batch = []
        for _ in range(start, min(count, start + BATCH)):
            pk = rng.choice(partnerships)
            numbered[pk] = numbered.get(pk, 0) + 1
            risk = Risk(
                partnership_id=pk,
                reference=f"R-{numbered[pk]:02d}",
                title=f"Synthetic risk {start + len(batch) + 1}",
                category_id=rng.choice(categories),
                identified_on=today - timedelta(days=rng.randint(0, 1500)),
                owner=f"Owner {rng.randint(1, 2000)}",
                strategy_id=rng.choice(strategies),
                next_review_on=today + timedelta(days=rng.randint(-60, 180)),
                status="open" if rng.random() < 0.85 else "closed",
            )
            inherent = rng.randint(1, top_l), rng.randint(1, top_i)
            scored(risk, "inherent", *inherent)
            if rng.random() < 0.95:
                current = rng.randint(1, inherent[0]), rng.randint(max(1, inherent[1] - 1), inherent[1])
                scored(risk, "current", *current)
                scored(risk, "target", rng.randint(1, current[0]), rng.randint(1, current[1]))
            if risk.current_band == high and rng.random() < 0.33:
                risk.escalated_on = today - timedelta(days=rng.randint(0, 90))
            batch.append(risk)
        created = Risk.objects.bulk_create(batch)
        actions = [
            RiskAction(
                risk=risk,
                description="Synthetic action",
                owner=risk.owner,
                due_on=today + timedelta(days=rng.randint(-90, 120)),
                status=rng.choice(["not_started", "in_progress", "done"]),
            )
            for risk in created[::4]
        ]
        RiskAction.objects.bulk_create(actions)
        made["risks"] += len(created)
        made["open"] += sum(1 for r in created if r.status == "open")
        made["actions"] += len(actions)
    return made


def generate(risks: int, seed: int, today: date) -> None:
    import generate as register

    path = database_path(risks)
    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    register.configure_django(f"sqlite:///{path}")
    from django.db import connection, transaction

    started = time.perf_counter()
    print(f"Generating {PARTNERSHIPS:,} partnerships and {risks:,} risks into {path.relative_to(ROOT)}")
    register.generate(PARTNERSHIPS, seed, today)
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA synchronous=OFF")
    with transaction.atomic():
        made = add_risks(risks, seed, today)
    from accord.domain.risks import counts

    counts.rebuild()  # bulk-created risks: work out the council heat map's kept counts
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    print(f"  {made['risks']:,} risks ({made['open']:,} open), {made['actions']:,} actions")
    print(f"Done in {time.perf_counter() - started:.1f} s")


def describe(risks: int) -> dict[str, Any]:
    import generate as register

    register.configure_django(f"sqlite:///{database_path(risks)}")
    from accord.domain.risks.models import Risk
    from accord.frameworks import loader
    from accord.register.models import Partnership

    model = loader.current().risk_model
    high = max(model.bands, key=lambda b: b.min).id
    category = model.categories[CATEGORY].id
    open_risks = Risk.objects.filter(status="open")
    return {
        "partnerships": Partnership.objects.count(),
        "risks": Risk.objects.count(),
        "open_risks": open_risks.count(),
        "band": high,
        "category": category,
        "filtered_matches": open_risks.filter(current_band=high, category_id=category).count(),
    }


def is_complete(path: Path, risks: int) -> bool:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            user = db.execute("SELECT 1 FROM accounts_user WHERE username = ?", (USERNAME,)).fetchone()
            made = db.execute("SELECT COUNT(*) FROM risks_risk").fetchone()[0]
        return bool(user) and made == risks
    except sqlite3.Error:
        return False


def database_for(risks: int, regenerate: bool) -> tuple[Path, dict[str, Any]]:
    path = database_path(risks)
    me = [sys.executable, str(Path(__file__).resolve())]
    if regenerate or not is_complete(path, risks):
        subprocess.run([*me, "--generate", str(risks)], cwd=ROOT, check=True)
    else:
        print(f"Reusing {path.relative_to(ROOT)} (--regenerate to make it afresh)")
    described = subprocess.run(
        [*me, "--describe", str(risks)], cwd=ROOT, check=True, capture_output=True, text=True
    )
    return path, json.loads(described.stdout)


# --------------------------------------------------------------------------------------------
# Measuring and reporting
# --------------------------------------------------------------------------------------------

TARGETED = ("heatmap", "filtered")


def prepare(risks: int, regenerate: bool):
    from run import Size

    database, facts = database_for(risks, regenerate)
    filtered = urlencode({"band": facts["band"], "category": facts["category"]})
    pages = {
        "ping": PageResult("ping", "/ping"),
        "heatmap": PageResult("heatmap", "/risks/heat-map/"),
        "filtered": PageResult("filtered", f"/risks/?{filtered}", found_pattern=FOUND),
        "list": PageResult("list", "/risks/", found_pattern=FOUND),
    }
    return Size(
        risks, database, facts, pages, PageResult("ping (anonymous)", "/ping"), label=f"risks-{risks}"
    )


def check_targets(runs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    largest = runs[-1]
    checks = []
    for name in TARGETED:
        counts = [run["pages"][name]["queries"] for run in runs]
        steady = all(len(c) == 1 for c in counts) and len({c[0] for c in counts}) == 1
        checks.append(
            {
                "target": f"{name}: SQL query count does not grow with the number of risks",
                "measured": " / ".join(",".join(map(str, c)) for c in counts),
                "pass": steady,
            }
        )
    for name in TARGETED:
        page = largest["pages"][name]
        checks.append(
            {
                "target": f"{name} at {largest['risks']:,} risks: median ≤ {MAX_RATIO_TO_PING:g}× ping",
                "measured": f"{page['server_median_ms']:.2f} ms = {page['ratio_to_ping']:.2f}× ping",
                "pass": page["ratio_to_ping"] <= MAX_RATIO_TO_PING,
            }
        )
    return checks


def markdown(report: dict[str, Any]) -> str:
    lines = [
        "| Risks | Page | Median server (ms) | p90 server (ms) | Median client (ms) | SQL queries "
        "| × ping (server) | Found |",
        "|---:|---|---:|---:|---:|---:|---:|---:|",
    ]
    for run in report["runs"]:
        for name, page in run["pages"].items():
            found = "" if page["found"] is None else format(page["found"], ",")
            lines.append(
                f"| {run['risks']:,} | {name} | {page['server_median_ms']:.2f} | {page['server_p90_ms']:.2f} "
                f"| {page['client_median_ms']:.2f} | {','.join(map(str, page['queries']))} "
                f"| {page['ratio_to_ping']:.2f} | {found} |"
            )
    lines += ["", "| Target | Measured | Result |", "|---|---|---|"]
    for check in report["targets"]:
        lines.append(f"| {check['target']} | {check['measured']} | {'PASS' if check['pass'] else 'FAIL'} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--risks", default="10000,100000", help="comma-separated numbers of risks")
    parser.add_argument("--requests", type=int, default=50, help="measured requests per page and size")
    parser.add_argument("--warmup", type=int, default=5, help="unmeasured requests per page first")
    parser.add_argument("--workers", type=int, default=1, help="gunicorn workers")
    parser.add_argument("--regenerate", action="store_true", help="generate the databases afresh")
    parser.add_argument("--quiet-load", type=float, help="first wait for the load average to drop below this")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--generate", type=int, metavar="R", help=argparse.SUPPRESS)
    parser.add_argument("--describe", type=int, metavar="R", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.generate:
        generate(args.generate, args.seed, date.today())
        return 0
    if args.describe:
        print(json.dumps(describe(args.describe)))
        return 0
    sizes = sorted(int(s) for s in args.risks.split(",") if s.strip())
    if not sizes or sizes[0] < 1 or not 1 <= args.requests <= 10000:
        parser.error("give numbers of risks of at least 1 and 1-10000 requests")

    from run import environment, measure_sizes

    report: dict[str, Any] = {
        "environment": environment(),
        "settings": {"requests": args.requests, "warmup": args.warmup, "workers": args.workers},
    }
    try:
        runs, report["load_average"] = measure_sizes([prepare(r, args.regenerate) for r in sizes], args)
    except BenchError as error:
        print(f"Benchmark failed: {error}", file=sys.stderr)
        return 2
    for run in runs:
        run["risks"] = run.pop("partnerships")
        run["pages"]["ping (anonymous)"] = run.pop("anonymous_ping")
    report["runs"] = runs
    report["targets"] = check_targets(runs)
    table = markdown(report)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    for name in (f"risks-{stamp}", "risks-latest"):
        (RESULTS / f"{name}.json").write_text(json.dumps(report, indent=2) + "\n")
        (RESULTS / f"{name}.md").write_text(table)
    print()
    print(table)
    print(f"Wrote {(RESULTS / f'risks-{stamp}.json').relative_to(ROOT)} and .md")
    return 0 if all(check["pass"] for check in report["targets"]) else 1


if __name__ == "__main__":
    sys.exit(main())
