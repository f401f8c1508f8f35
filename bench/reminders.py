#!/usr/bin/env python
"""Benchmark: the daily reminders for 10,000 partnerships (issue 6 target: under 10 s, median).

    .venv/bin/python bench/reminders.py
    .venv/bin/python bench/reminders.py --runs 5 --framework model --regenerate --quiet-load 1.2

It builds var/bench-reminders-10000.sqlite3 (or reuses it): the synthetic register of
bench/generate.py with 10,000 partnerships (a lead officer on each, link officers and others at
random), then an accountable Head of Service on every partnership and, on every fourth, a review
with one to three actions owned by council officers, due either side of the reference date. Then,
in this process, with email going to Django's in-memory (locmem) backend, it times the whole
daily job `accord.outputs.reminders.services.send_reminders` several times: working out every open
partnership's obligations under the framework (the model framework by default: seven obligations,
most of which apply to every partnership), planning who hears about what, claiming each reminder
in ReminderLog and building and sending the emails. Before each run the day's log and the outbox
are emptied (untimed), so every run does the full work. A dry run (gather and plan only) is timed
too, to show where the time goes. Prints the median with the target and PASS or FAIL; exits 0
only on PASS.
"""

import argparse
import os
import random
import sqlite3
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
PARTNERSHIPS = 10_000
TARGET_SECONDS = 10.0
TODAY = date(2026, 11, 21)
SEED = 2026


def database_path() -> Path:
    return ROOT / "var" / f"bench-reminders-{PARTNERSHIPS}.sqlite3"


def configure(framework: str) -> None:
    import generate as register

    os.environ["ACCORD_FRAMEWORK"] = framework
    os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
    os.environ.setdefault("ACCORD_BASE_URL", "https://partnerships.chorley.example.gov.uk")
    register.configure_django(f"sqlite:///{database_path()}")


def is_complete(path: Path) -> bool:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            heads = db.execute(
                "SELECT COUNT(*) FROM register_partnershiprole WHERE role = 'accountable_head_of_service'"
            ).fetchone()[0]
            actions = db.execute("SELECT COUNT(*) FROM reviews_reviewaction").fetchone()[0]
        return heads >= PARTNERSHIPS and actions > 0
    except sqlite3.Error:
        return False


def add_heads_and_actions(rng: random.Random, today: date) -> dict[str, int]:
    """An accountable Head of Service on every partnership; review actions on every fourth."""
    from accord.domain.reviews.models import Review, ReviewAction
    from accord.register.models import Partnership, PartnershipRole, Person

    officers: dict[int | None, list[int]] = {}
    for pk, directorate in Person.objects.filter(kind="officer").values_list("pk", "directorate_id"):
        officers.setdefault(directorate, []).append(pk)
    everyone = [pk for found in officers.values() for pk in found]
    roles, reviews = [], []
    partnerships = list(Partnership.objects.values_list("pk", "directorate_id").order_by("pk"))
    for pk, directorate in partnerships:
        roles.append(
            PartnershipRole(
                partnership_id=pk,
                person_id=rng.choice(officers.get(directorate) or everyone),
                role="accountable_head_of_service",
            )
        )
        if pk % 4 == 0:
            reviews.append(
                Review(
                    partnership_id=pk,
                    artefact_id="annual_review",
                    bank_id="annual_review",
                    period_start=today - timedelta(days=365),
                    period_end=today - timedelta(days=30),
                    started_on=today - timedelta(days=20),
                    status="complete",
                    completed_on=today - timedelta(days=10),
                )
            )
    PartnershipRole.objects.bulk_create(roles, batch_size=2000)
    Review.objects.bulk_create(reviews, batch_size=2000)
    actions = []
    for review in Review.objects.filter(partnership_id__in=[p for p, _ in partnerships if p % 4 == 0]):
        for n in range(rng.randint(1, 3)):
            owner = rng.choice(everyone) if rng.random() < 0.8 else None
            actions.append(
                ReviewAction(
                    partnership_id=review.partnership_id,
                    review=review,
                    description=f"Synthetic review action {n + 1}",
                    owner_id=owner,
                    owner_name="Synthetic owner",
                    due_on=today + timedelta(days=rng.randint(-60, 120)),
                    status=rng.choice(["open", "open", "in_progress", "done"]),
                )
            )
    ReviewAction.objects.bulk_create(actions, batch_size=2000)
    return {"heads": len(roles), "reviews": len(reviews), "actions": len(actions)}


def generate() -> None:
    import generate as register
    from django.db import connection, transaction

    path = database_path()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    print(f"Generating {PARTNERSHIPS:,} partnerships into {path.relative_to(ROOT)}")
    register.generate(PARTNERSHIPS, SEED, TODAY)
    with transaction.atomic():
        made = add_heads_and_actions(random.Random(SEED), TODAY)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    print(f"  {made['heads']:,} heads of service, {made['reviews']:,} reviews, {made['actions']:,} actions")
    print(f"Done in {time.perf_counter() - started:.1f} s")


def timed(function) -> tuple[float, object]:
    started = time.perf_counter()
    result = function()
    return time.perf_counter() - started, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--framework", default="model", help="the framework the reminders follow")
    parser.add_argument("--regenerate", action="store_true", help="make the database afresh")
    parser.add_argument(
        "--quiet-load", type=float, default=None, help="first wait for the load average to drop below this"
    )
    args = parser.parse_args(argv)
    path = database_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    fresh = args.regenerate or not is_complete(path)
    if fresh:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    configure(args.framework)
    if fresh:
        generate()
    else:
        from django.core.management import call_command

        call_command("migrate", verbosity=0, interactive=False)
        print(f"Reusing {path.relative_to(ROOT)} (--regenerate to make it afresh)")

    from django.core import mail
    from harness import wait_for_quiet

    from accord.frameworks import loader
    from accord.outputs.reminders import services
    from accord.outputs.reminders.models import ReminderLog

    wait_for_quiet(args.quiet_load)
    load_before = os.getloadavg()[0]
    mail.outbox = []
    dry, sends, summary = [], [], None
    for _ in range(args.runs):
        seconds, _ = timed(lambda: services.send_reminders(TODAY, dry_run=True, framework=loader.current()))
        dry.append(seconds)
        ReminderLog.objects.filter(sent_on=TODAY).delete()
        mail.outbox = []
        seconds, summary = timed(lambda: services.send_reminders(TODAY, framework=loader.current()))
        sends.append(seconds)
    emails = len(mail.outbox)
    median = statistics.median(sends)
    ok = median < TARGET_SECONDS
    print(
        f"Reminders for {summary.partnerships:,} open partnerships of {PARTNERSHIPS:,} under "
        f"{args.framework}, {args.runs} runs on {TODAY.isoformat()}, emails to the locmem backend"
    )
    print(
        f"  {summary.items['overdue']:,} items overdue, {summary.items['due_soon']:,} due soon; "
        f"{emails:,} emails ({summary.reminders:,} reminders, {summary.escalations:,} escalations)"
    )
    print(f"  gather and plan only (dry run): median {statistics.median(dry):.2f} s")
    print(f"  {'the daily job':<30} median {median:.2f} s (min {min(sends):.2f}, max {max(sends):.2f})")
    print(f"  load average before {load_before:.2f}, after {os.getloadavg()[0]:.2f}")
    print(f"  target < {TARGET_SECONDS:g} s: {'PASS' if ok else 'FAIL'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
