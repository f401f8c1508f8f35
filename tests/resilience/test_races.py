"""Twenty people act on the same partnership at the same moment, against gunicorn with four sync
workers as deployed (docs/deploy.md): four requests are served at once and the rest queue, so the
four race each other in the database. Exactly one of the twenty wins; the others are told politely
why not (no server error), and nothing is lost or made twice."""

import html
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
import requests

from .checks import consistent
from .harness import Client, Database, Server

pytestmark = pytest.mark.resilience

PEOPLE = 20


def all_at_once(clients: list[Client], act: Callable[[int, Client], requests.Response]) -> list:
    """Each client acts on its own thread; a barrier releases all twenty together."""
    for client in clients:  # open every connection (and prove every session works) beforehand
        assert client.get("/healthz").status_code == 200
    barrier = threading.Barrier(len(clients))

    def one(number: int) -> requests.Response:
        barrier.wait()
        return act(number, clients[number])

    with ThreadPoolExecutor(len(clients)) as pool:
        return list(pool.map(one, range(len(clients))))


def outcome(responses: list[requests.Response], server: Server) -> tuple[list[int], list[requests.Response]]:
    """(numbers of the people whose request succeeded, everyone else's responses)."""
    errors = [r.status_code for r in responses if r.status_code >= 500]
    assert errors == [], f"server errors; the server said:\n{server.output()[-6000:]}"
    won = [n for n, r in enumerate(responses) if r.status_code == 302]
    return won, [r for r in responses if r.status_code != 302]


def partnership(db: Database, pk: int) -> dict:
    name, status, version = db.rows(
        "SELECT name, status, version FROM register_partnership WHERE id = %s", pk
    )[0]
    return {"name": name, "status": status, "version": version}


def history(db: Database, pk: int) -> list[tuple]:
    return [
        tuple(row)
        for row in db.rows(
            "SELECT action, object_type, version FROM audit_auditevent WHERE partnership_id = %s ORDER BY id",
            pk,
        )
    ]


def today() -> dict[str, str]:
    now = date.today()
    return {
        "decided_on-day": str(now.day),
        "decided_on-month": str(now.month),
        "decided_on-year": str(now.year),
    }


def test_twenty_officers_saving_the_same_version_keep_one_edit_and_lose_none_silently(serve, database, facts):
    pk = facts["shared"]
    before = partnership(database, pk)
    earlier = history(database, pk)
    server = serve(workers=4)
    officers = [Client(server, key) for key in facts["officers"]]

    def edit(number: int, officer: Client) -> requests.Response:
        return officer.post(
            f"/partnerships/{pk}/change/about/",
            {
                "name": f"Chorley Community Safety Partnership (edit {number:02d})",
                "reference": "CSP-01",
                "description": "A partnership for the resilience tests.",
                "purpose": "",
                "vision": "",
                "aims_objectives": "",
                "version": str(before["version"]),  # everyone opened the page at the same version
            },
        )

    won, refused = outcome(all_at_once(officers, edit), server)

    assert len(won) == 1
    assert len(refused) == PEOPLE - 1
    for response in refused:
        assert response.status_code == 200
        assert "Someone else changed this record while you were editing it" in response.text
        assert "Your changes have not been saved" in response.text
    assert partnership(database, pk) == {
        "name": f"Chorley Community Safety Partnership (edit {won[0]:02d})",
        "status": "active",
        "version": before["version"] + 1,
    }
    assert history(database, pk) == [*earlier, ("changed", "partnership", before["version"] + 1)]
    assert consistent(database) == []


def test_twenty_officers_starting_the_same_review_make_one_move(serve, database, facts):
    pk = facts["shared"]
    before = partnership(database, pk)
    moves_before = database.value("SELECT COUNT(*) FROM lifecycle_transition WHERE partnership_id = %s", pk)
    earlier = history(database, pk)
    server = serve(workers=4)
    officers = [Client(server, key) for key in facts["officers"]]
    form = {"expected_status": "active", "reason": "The annual review is due.", "reference": "", **today()}

    def move(number: int, officer: Client) -> requests.Response:
        return officer.post(f"/partnerships/{pk}/cycle/move/under_review/", form)

    won, refused = outcome(all_at_once(officers, move), server)

    assert len(won) == 1
    for response in refused:
        assert response.status_code == 200
        page = html.unescape(response.text)
        assert (
            "Someone else has just moved this partnership to 'Three-yearly review'" in page  # Chorley's stage
            or "A partnership that is 'Three-yearly review' cannot move to 'Three-yearly review'" in page
        ), page
    assert partnership(database, pk) == {**before, "status": "under_review", "version": before["version"] + 1}
    moves = database.rows(
        "SELECT from_status, to_status FROM lifecycle_transition WHERE partnership_id = %s ORDER BY id", pk
    )
    assert len(moves) == moves_before + 1
    assert tuple(moves[-1]) == ("active", "under_review")
    assert history(database, pk) == [*earlier, ("changed", "partnership", before["version"] + 1)]
    assert consistent(database) == []


ARTEFACT, ROLE = "executive_cabinet_approval", "executive_cabinet"


def test_twenty_approvers_approving_the_same_case_record_one_decision(serve, database, facts):
    pk = facts["awaiting"]
    before = partnership(database, pk)
    earlier = history(database, pk)
    server = serve(workers=4)
    approvers = [Client(server, key) for key in facts["approvers"]]

    def approve(number: int, approver: Client) -> requests.Response:
        return approver.post(
            f"/partnerships/{pk}/cycle/approvals/{ARTEFACT}/{ROLE}/",
            {
                "outcome": "approved",
                "comment": f"Approved at the meeting (clerk {number:02d}).",
                "reference": "Executive Cabinet minute 23/45",
                "revision": "2",  # the approval's own record and the business case, each at revision 1
                **today(),
            },
        )

    won, refused = outcome(all_at_once(approvers, approve), server)

    assert len(won) == 1
    for response in refused:
        assert response.status_code == 200
        assert "There is nothing waiting for this decision" in response.text, response.text[:3000]
    decisions = database.rows(
        "SELECT artefact_id, role_id, outcome, comment FROM lifecycle_decision WHERE partnership_id = %s", pk
    )
    assert [tuple(d) for d in decisions] == [
        (ARTEFACT, ROLE, "approved", f"Approved at the meeting (clerk {won[0]:02d}).")
    ]
    assert partnership(database, pk) == before  # an approval is recorded; the move is a separate step
    assert history(database, pk) == [*earlier, ("created", "decision", None)]
    assert consistent(database) == []
