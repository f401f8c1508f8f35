"""The server is killed (SIGKILL, no chance to clean up) in the middle of an import and in the middle
of a move in the partnership cycle. After a restart the register holds none of the half-done work,
the database is sound, and the same operation then succeeds, once."""

import threading
from datetime import date
from typing import Any

import pytest
import requests

from .checks import consistent
from .harness import Client, Database, Server

pytestmark = pytest.mark.resilience

FILE = "resilience-register.xlsx"  # the seed's import (seed.py)
TABLES = (
    "register_partnership",
    "register_organisation",
    "register_membership",
    "register_searchterm",
    "lifecycle_transition",
    "audit_auditevent",
)


def counts(db: Database) -> dict[str, int]:
    return {table: db.value(f"SELECT COUNT(*) FROM {table}") for table in TABLES}


def post_in_background(client: Client, path: str, data: dict[str, str]) -> tuple[threading.Thread, list]:
    """Send a request that will never be answered (its worker is killed); keep what happened."""
    outcome: list[Any] = []

    def send() -> None:
        try:
            outcome.append(client.post(path, data, timeout=180))
        except requests.RequestException as error:
            outcome.append(error)

    thread = threading.Thread(target=send, daemon=True)
    thread.start()
    return thread, outcome


def kill_midway(server: Server, client: Client, path: str, data: dict[str, str]) -> None:
    thread, outcome = post_in_background(client, path, data)
    worker = server.wait_for_pause()
    server.kill(worker)
    thread.join(timeout=60)
    assert len(outcome) == 1 and isinstance(outcome[0], requests.ConnectionError), (
        f"the request should have died with its server, not got {outcome}"
    )


# The import --------------------------------------------------------------------------------------


def import_state(db: Database, facts: dict[str, Any]) -> dict[str, Any]:
    outcome, kept = db.rows(
        "SELECT outcome, LENGTH(content) FROM transfer_importrun WHERE id = %s", facts["import_run"]
    )[0]
    marks = ", ".join(["%s"] * len(facts["new_organisations"]))
    imported = "SELECT COUNT(*) FROM register_partnership WHERE reference LIKE 'IMP-%%'"
    return {
        "outcome": outcome,
        "file kept": kept > 0,
        "partnerships": db.value(imported),
        "organisations": db.value(
            f"SELECT COUNT(*) FROM register_organisation WHERE name IN ({marks})", *facts["new_organisations"]
        ),
        "memberships": db.value(
            "SELECT COUNT(*) FROM register_membership m"
            " JOIN register_partnership p ON p.id = m.partnership_id WHERE p.reference LIKE 'IMP-%%'"
        ),
        "transitions": db.value(
            "SELECT COUNT(*) FROM lifecycle_transition t"
            " JOIN register_partnership p ON p.id = t.partnership_id WHERE p.reference LIKE 'IMP-%%'"
        ),
        "history": db.value(
            "SELECT COUNT(*) FROM audit_auditevent WHERE reason = %s", f"Imported from {FILE}"
        ),
    }


def test_an_import_killed_midway_leaves_nothing_behind_and_succeeds_after_a_restart(serve, database, facts):
    before = counts(database)
    paused = serve(pause="import")
    admin = Client(paused, facts["admin"])
    path = f"/partnerships/import-export/import/{facts['import_run']}/check/"

    kill_midway(paused, admin, path, {})

    assert import_state(database, facts) == {
        "outcome": "uploaded",
        "file kept": True,
        "partnerships": 0,
        "organisations": 0,
        "memberships": 0,
        "transitions": 0,
        "history": 0,
    }
    assert counts(database) == before
    assert consistent(database) == []

    restarted = serve(workers=2, port=paused.port)
    response = Client(restarted, facts["admin"]).post(path, {})
    assert response.status_code == 302, response.text[:2000]
    assert response.headers["Location"] == f"/partnerships/import-export/import/{facts['import_run']}/"
    rows = facts["import_rows"]
    new = len(facts["new_organisations"])
    assert import_state(database, facts) == {
        "outcome": "imported",
        "file kept": False,
        "partnerships": rows,
        "organisations": new,
        "memberships": rows,  # the council, in each new partnership
        "transitions": rows,  # each new partnership's first row in its cycle
        "history": new + rows + rows,  # each organisation, partnership and membership created
    }
    assert consistent(database) == []


# A move in the partnership cycle -----------------------------------------------------------------


def cycle_state(db: Database, pk: int) -> dict[str, Any]:
    status, version = db.rows("SELECT status, version FROM register_partnership WHERE id = %s", pk)[0]
    moves = db.rows(
        "SELECT from_status, to_status FROM lifecycle_transition WHERE partnership_id = %s ORDER BY id", pk
    )
    history = db.value("SELECT COUNT(*) FROM audit_auditevent WHERE partnership_id = %s", pk)
    return {"status": status, "version": version, "moves": [tuple(m) for m in moves], "history": history}


def start_a_review() -> dict[str, str]:
    today = date.today()
    return {
        "expected_status": "active",
        "reason": "The annual review is due.",
        "reference": "",
        "decided_on-day": str(today.day),
        "decided_on-month": str(today.month),
        "decided_on-year": str(today.year),
    }


def test_a_move_killed_midway_is_not_half_made_and_is_made_once_after_a_restart(serve, database, facts):
    pk = facts["shared"]
    before = cycle_state(database, pk)
    assert before["status"] == "active"
    paused = serve(pause="transition")
    path = f"/partnerships/{pk}/cycle/move/under_review/"

    kill_midway(paused, Client(paused, facts["officers"][0]), path, start_a_review())

    assert cycle_state(database, pk) == before
    assert consistent(database) == []

    restarted = serve(workers=2, port=paused.port)
    response = Client(restarted, facts["officers"][0]).post(path, start_a_review())
    assert response.status_code == 302, response.text[:2000]
    after = cycle_state(database, pk)
    assert after == {
        "status": "under_review",
        "version": before["version"] + 1,
        "moves": [*before["moves"], ("active", "under_review")],
        "history": before["history"] + 1,
    }
    assert consistent(database) == []
