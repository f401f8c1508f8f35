#!/usr/bin/env python
"""Seed a synthetic register (bench/generate.py) with the people bench/load.py's users act as.

    .venv/bin/python bench/load_seed.py --database-url postgres://... --out var/bench-load-10000.json

Adds, idempotently (a second run adds only what is missing):

- officers `load-officer-NN`: users with the officer role linked to council officers of the register
  who are lead officer on many active partnerships, so they can edit those partnerships;
- approvers `load-approver-NN`: users with the approver role appointed in every framework role that
  approves a whole case (for Chorley: Executive Cabinet);
- a pool of partnerships awaiting approval with that approval pending: active key partnerships led
  by nobody above, moved to "awaiting approval" (straight in the database: throwaway data), topped
  up to --pending partnerships that nobody has decided on yet.

Every load account has the same benchmark-only password. Writes, as JSON for bench/load_users.py,
the facts the load needs: the accounts, each officer's partnerships, published references for the
public pages, type and directorate ids for filters and a sample of partnership ids to browse.
"""

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import configure_django  # noqa: E402

PASSWORD = "load-password-2026"  # benchmark-only accounts on throwaway data
ADMIN_USERNAME, ADMIN_PASSWORD = "bench", "bench-password-2026"  # made by bench/generate.py
OWN_PARTNERSHIPS = 40  # partnerships listed per officer for editing
SEARCH_WORDS = (
    "health",
    "homeless",
    "community",
    "safety",
    "housing",
    "skills",
    "climate",
    "chorley",
    "young",
    "transport",
    "leisure",
    "partnership",
)


def approval_roles() -> tuple[str, list[str]]:
    """(framework id, role ids) for the roles that approve a whole case (an 'approval' artefact)."""
    from accord.frameworks import loader

    framework = loader.current()
    kinds = {a.id: a.kind for a in framework.artefacts}
    roles = sorted(
        {role for r in framework.requirements if kinds.get(r.artefact) == "approval" for role in r.approvers}
    )
    if not roles:
        raise SystemExit(f"Framework {framework.id!r} has no approval to decide: nothing for approvers.")
    return framework.id, roles


def officers(count: int, password_hash: str) -> dict[str, list[int]]:
    """username -> ids of the active partnerships they lead, creating the accounts if missing."""
    from django.db.models import Count, Q

    from accord.kernel.accounts.models import Role, User
    from accord.register.models import Person, RoleType

    users = {u.username: u for u in User.objects.filter(username__startswith="load-officer-")}
    if len(users) < count:
        leading = Q(
            partnership_roles__role=RoleType.LEAD_OFFICER, partnership_roles__partnership__status="active"
        )
        people = (
            Person.objects.filter(kind="officer", user__isnull=True)
            .annotate(leads=Count("partnership_roles", filter=leading))
            .filter(leads__gte=3)
            .order_by("-leads", "pk")
        )
        for number, person in enumerate(people[: count - len(users)], start=len(users) + 1):
            username = f"load-officer-{number:02d}"
            users[username] = User.objects.create(
                username=username, role=Role.OFFICER, person=person, password=password_hash
            )
    own: dict[str, list[int]] = {}
    for username, user in sorted(users.items()):
        own[username] = sorted(
            user.person.partnership_roles.filter(
                role=RoleType.LEAD_OFFICER, end_date__isnull=True, partnership__status="active"
            ).values_list("partnership_id", flat=True)
        )[:OWN_PARTNERSHIPS]
    return own


def approvers(count: int, password_hash: str, framework_id: str, roles: list[str]) -> list[str]:
    from accord.domain.lifecycle.models import Appointment
    from accord.kernel.accounts.models import Role, User

    names = []
    for number in range(1, count + 1):
        username = f"load-approver-{number:02d}"
        user, _ = User.objects.get_or_create(
            username=username,
            defaults={"role": Role.APPROVER, "password": password_hash, "first_name": "Load"},
        )
        for role_id in roles:
            Appointment.objects.get_or_create(user=user, framework_id=framework_id, role_id=role_id)
        names.append(username)
    return names


def pending_pool(target: int, led_by_officers: set[int], roles: list[str]) -> int:
    """Top the pool of key partnerships awaiting approval, undecided, up to `target`; return its size."""
    from django.db.models import Exists, OuterRef

    from accord.domain.lifecycle.models import Decision
    from accord.frameworks import loader, store
    from accord.register.models import Partnership

    decided = Decision.objects.filter(partnership=OuterRef("pk"), role_id__in=roles)
    waiting = Partnership.objects.filter(status="awaiting_approval", is_key_partnership=True).exclude(
        Exists(decided)
    )
    have = waiting.count()
    if have < target:
        chosen = list(
            Partnership.objects.filter(status="active")
            .exclude(pk__in=led_by_officers)
            .order_by("-pk")
            .values_list("pk", flat=True)[: target - have]
        )
        Partnership.objects.filter(pk__in=chosen).update(status="awaiting_approval", is_key_partnership=True)
        groundwork_done(chosen)
        store.refresh_partnerships(chosen, framework=loader.current())
        have = waiting.count()
    return have


def groundwork_done(ids: list[int]) -> None:
    """Complete records for what the pooled partnerships' approvals decide on (the business case and
    anything else their gate and the gates before it ask for), so the approvals can be asked for."""
    from accord.domain.lifecycle import cycle
    from accord.domain.lifecycle.content import slot_for
    from accord.domain.lifecycle.models import ArtefactRecord
    from accord.frameworks import loader

    framework = loader.current()
    artefacts = {a.id: a for a in framework.artefacts}
    needed = {
        r.artefact: artefacts[r.artefact]
        for gate in {r.gate for r in framework.requirements if artefacts[r.artefact].kind == "approval"}
        for r in framework.requirements
        if r.gate in cycle.gates_up_to(gate) and artefacts[r.artefact].kind != "approval"
    }
    ArtefactRecord.objects.bulk_create(
        [
            ArtefactRecord(partnership_id=pk, slot=slot_for(a), kind=a.kind, title=a.name, complete=True)
            for pk in ids
            for a in needed.values()
        ],
        ignore_conflicts=True,
    )


def awaiting() -> list[int]:
    """The partnerships awaiting approval (for approvers who do not use their list)."""
    from accord.register.models import Partnership

    return list(
        Partnership.objects.filter(status="awaiting_approval").order_by("pk").values_list("pk", flat=True)
    )


def check_pending(username: str) -> int:
    """How many decisions the first approver could take on the first pooled partnership (must be > 0)."""
    from accord.domain.lifecycle import services
    from accord.frameworks import loader
    from accord.kernel.accounts.models import User
    from accord.register.models import Partnership

    user = User.objects.get(username=username)
    partnership = Partnership.objects.filter(status="awaiting_approval", is_key_partnership=True).first()
    return len(services.pending_for(user, partnership, framework=loader.current())) if partnership else 0


def facts(seed: int) -> dict[str, Any]:
    from accord.outputs.public.queries import published_partnerships
    from accord.register.models import Directorate, Partnership, PartnershipType

    rng = random.Random(seed)
    references = list(published_partnerships().order_by("pk").values_list("reference", flat=True))
    ids = list(Partnership.objects.order_by("pk").values_list("pk", flat=True))
    return {
        "partnerships": len(ids),
        "published": len(references),
        "public_references": sorted(rng.sample(references, min(3000, len(references)))),
        "browse_ids": sorted(rng.sample(ids, min(3000, len(ids)))),
        "type_ids": list(PartnershipType.objects.order_by("pk").values_list("pk", flat=True)),
        "directorate_ids": list(Directorate.objects.order_by("pk").values_list("pk", flat=True)),
        "search_words": list(SEARCH_WORDS),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--out", type=Path, required=True, help="where to write the facts as JSON")
    parser.add_argument("--officers", type=int, default=30)
    parser.add_argument("--approvers", type=int, default=10)
    parser.add_argument("--pending", type=int, default=300, help="partnerships awaiting a decision")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    configure_django(args.database_url)
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command
    from django.db import transaction

    call_command("migrate", verbosity=0, interactive=False)  # a cached register may predate a migration

    password_hash = make_password(PASSWORD)  # once: the hasher is deliberately slow
    framework_id, roles = approval_roles()
    with transaction.atomic():
        own = officers(args.officers, password_hash)
        approver_names = approvers(args.approvers, password_hash, framework_id, roles)
        led = {pk for pks in own.values() for pk in pks}
        pool = pending_pool(args.pending, led, roles)
    if check_pending(approver_names[0]) == 0:
        raise SystemExit("Seeded partnerships awaiting approval have nothing pending for the approvers.")
    out = {
        "password": PASSWORD,
        "admin": {"username": ADMIN_USERNAME, "password": ADMIN_PASSWORD},
        "officers": own,
        "approvers": approver_names,
        "approval_roles": roles,
        "pending_partnerships": pool,
        "awaiting_approval": awaiting(),
        **facts(args.seed),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, indent=1) + "\n")
    short = [name for name, pks in own.items() if len(pks) < 3]
    print(
        f"Seeded {len(own)} officers (fewest partnerships led: {min(map(len, own.values()))}), "
        f"{len(approver_names)} approvers ({', '.join(roles)}), {pool} partnerships awaiting approval, "
        f"{out['published']:,} published"
    )
    if short:
        print(f"  warning: {len(short)} officers lead fewer than 3 active partnerships")
    return 0


if __name__ == "__main__":
    sys.exit(main())
