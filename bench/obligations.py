"""Benchmark: the obligations engine for 10,000 partnerships (target: under 1 second, median).

Pure engine, no database: synthetic facts for N partnerships are evaluated under each bundled
framework; prints the median of several runs per framework.

    .venv/bin/python bench/obligations.py [--partnerships 10000] [--runs 5]
"""

import argparse
import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "accord.settings_test")

import django  # noqa: E402

django.setup()

from accord.frameworks import engine, loader  # noqa: E402
from accord.frameworks.facts import PartnershipFacts  # noqa: E402

TARGET_SECONDS = 1.0
TODAY = date(2026, 11, 21)


def synthetic_facts(framework, count: int, seed: int = 7) -> list[PartnershipFacts]:
    rng = random.Random(seed)
    type_names = [name for t in framework.types for name in (t.register_names or [t.name])] or [
        "Collaborative"
    ]
    kinds = [a.id for a in framework.artefacts]
    facts = []
    for pk in range(count):
        joined = TODAY - timedelta(days=rng.randint(0, 25 * 365))
        evidence = {
            kind: tuple(
                joined + timedelta(days=rng.randint(0, (TODAY - joined).days or 1))
                for _ in range(rng.randint(0, 3))
            )
            for kind in rng.sample(kinds, k=min(len(kinds), rng.randint(0, 6)))
        }
        facts.append(
            PartnershipFacts(
                partnership_id=pk,
                register_type=rng.choice(type_names),
                statutory=rng.random() < 0.3,
                council_contribution=Decimal(rng.choice([0, 5000, 20000, 75000, 250000])),
                council_role=rng.choice(["lead", "member", "host", "accountable_body"]),
                key_partnership=rng.random() < 0.05,
                answers={},
                evidence=evidence,
                anchors={
                    "joined": joined,
                    "registered": joined,
                    "approved": joined,
                    "agreement_signed": joined + timedelta(days=60) if rng.random() < 0.7 else None,
                    "decided_to_leave": TODAY - timedelta(days=30) if rng.random() < 0.03 else None,
                },
            )
        )
    return facts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--partnerships", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(
        f"Obligations engine: {args.partnerships:,} partnerships, "
        f"median of {args.runs} runs (target < {TARGET_SECONDS} s)"
    )
    print(f"{'framework':<22} {'obligations':>12} {'median (s)':>11} {'result':>7}")
    failed = False
    for path in loader.framework_paths():
        framework = loader.get(path.stem)
        facts = synthetic_facts(framework, args.partnerships)
        timings = []
        total = 0
        for _ in range(args.runs):
            start = time.perf_counter()
            total = sum(len(engine.obligations(framework, f, TODAY)) for f in facts)
            timings.append(time.perf_counter() - start)
        median = statistics.median(timings)
        ok = median < TARGET_SECONDS
        failed |= not ok
        print(f"{framework.id:<22} {total:>12,} {median:>11.3f} {'PASS' if ok else 'FAIL':>7}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
