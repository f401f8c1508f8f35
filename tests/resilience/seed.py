"""Seeds the resilience tests' template database, through Accord's own services where it matters.

Run with the server's environment: `python -m tests.resilience.seed facts.json`. It writes the facts
the tests need (ids, and a signed-in session per user) as JSON.

- a shared partnership (active) with twenty officers each holding a role on it, for the editing and
  moving races;
- a key partnership awaiting Executive Cabinet's approval, and twenty approvers appointed to record
  Executive Cabinet's decisions;
- an import waiting to be committed: a spreadsheet of IMPORT_ROWS new partnerships led by three
  organisations the register does not know yet;
- a session for every user. Signing twenty people in through the form would spend most of the
  test hashing passwords; a session is what signing in leaves behind, so the seed writes it.
"""

import json
import sys

import django

OFFICERS = APPROVERS = 20
IMPORT_ROWS = 510  # two batches of the import's bulk inserts (500 a batch)
IMPORT_FILE = "resilience-register.xlsx"
NEW_ORGANISATIONS = ["Resilience Health Trust", "Resilience Housing Association", "Resilience Fire Service"]
PASSWORD = "resilience-password-2026"


def main(out: str) -> None:
    django.setup()
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.hashers import make_password
    from django.contrib.sessions.backends.db import SessionStore

    from accord.domain.lifecycle import recording
    from accord.domain.lifecycle.models import Appointment
    from accord.kernel.accounts.models import User
    from accord.outputs.transfer import runs
    from accord.outputs.transfer.reading import read
    from accord.register import services
    from accord.register.models import (
        Directorate,
        Membership,
        Organisation,
        Partnership,
        PartnershipRole,
        PartnershipType,
        Person,
    )
    from tests.transfer.helpers import PARTNERSHIP_HEADERS, guessed_mapping, partnership_row, xlsx

    hashed = make_password(PASSWORD)  # one slow hash, shared: the passwords are not under test

    def user(username: str, role: str, **extra) -> User:
        return User.objects.create(username=username, role=role, password=hashed, **extra)

    admin = user("resilience-admin", "administrator")
    council = services.create(
        admin,
        Organisation,
        {"name": "Chorley Council", "sector": "public", "org_id": "GB-LAE-CHO", "is_council": True},
    )
    # The reference lists may already hold these (a migration seeds the council's lists).
    kind, _ = PartnershipType.objects.get_or_create(name="Public sector strategic")
    directorate, _ = Directorate.objects.get_or_create(code="COMM", defaults={"name": "Communities"})

    def partnership(name: str, reference: str, **extra) -> Partnership:
        values = {
            "name": name,
            "reference": reference,
            "description": "A partnership for the resilience tests.",
            "partnership_type": kind,
            "statutory_status": "non_statutory",
            "incorporation": "unincorporated",
            "lead_organisation": council,
            "council_role": "lead",
            "directorate": directorate,
            "status": "active",
            **extra,
        }
        return services.create(admin, Partnership, values)

    shared = partnership("Chorley Community Safety Partnership", "CSP-01")
    officers = []
    for number in range(OFFICERS):
        person = services.create(
            admin, Person, {"name": f"Officer {number:02d}", "job_title": "Officer", "organisation": council}
        )
        officers.append(user(f"officer{number:02d}", "officer", person=person))
        services.add_child(admin, shared, PartnershipRole, {"person": person, "role": "link_officer"}, None)

    awaiting = partnership(
        "Chorley Health Partnership", "HEALTH-01", status="awaiting_approval", is_key_partnership=True
    )
    services.add_child(
        admin, awaiting, PartnershipRole, {"person": officers[0].person, "role": "lead_officer"}, None
    )
    partner = services.create(admin, Organisation, {"name": "Lancashire Constabulary", "sector": "public"})
    services.add_child(admin, awaiting, Membership, {"organisation": partner, "role": "member"}, None)
    # Its report to Executive Cabinet is written: the approval can be asked for (ADR 0023).
    recording.save_record(
        officers[0], awaiting, "business_case", kind="business_case", title="Business case", complete=True
    )
    approvers = []
    for number in range(APPROVERS):
        approver = user(f"approver{number:02d}", "approver")
        Appointment.objects.create(user=approver, framework_id="chorley", role_id="executive_cabinet")
        approvers.append(approver)

    rows = [
        partnership_row(
            f"IMP-{number:04d}",
            f"Imported Partnership {number:04d}",
            **{"Lead organisation": NEW_ORGANISATIONS[number % 3]},
        )
        for number in range(IMPORT_ROWS)
    ]
    content = xlsx({"Partnerships": [PARTNERSHIP_HEADERS, *rows]})
    run = runs.start(admin, IMPORT_FILE, content)
    runs.set_mapping(run, read(IMPORT_FILE, content), guessed_mapping(read(IMPORT_FILE, content)))

    def session(someone: User) -> str:
        store = SessionStore()
        store[SESSION_KEY] = str(someone.pk)
        store[BACKEND_SESSION_KEY] = "accord.kernel.accounts.backends.UsernameOrEmailBackend"
        store[HASH_SESSION_KEY] = someone.get_session_auth_hash()
        store.set_expiry(6 * 3600)
        store.create()
        return store.session_key

    facts = {
        "admin": session(admin),
        "officers": [session(o) for o in officers],
        "approvers": [session(a) for a in approvers],
        "shared": shared.pk,
        "awaiting": awaiting.pk,
        "import_run": run.pk,
        "import_rows": IMPORT_ROWS,
        "new_organisations": NEW_ORGANISATIONS,
    }
    with open(out, "w") as handle:
        json.dump(facts, handle)


if __name__ == "__main__":
    main(sys.argv[1])
