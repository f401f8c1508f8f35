"""The users of bench/load.py's load test, for locust (headless, loopback only).

    officers   sign in; search and filter the register, open partnerships they lead and others,
               their cycle and risk pages, and edit a section ("About the partnership") with the
               version the form gave them
    approvers  sign in; open their list of decisions waiting (again only once they have worked
               through it), open a decision and approve it (one in ten refused), look at a
               partnership's approvals page
    public     no sign-in: the published register with a search or filter, a published
               partnership's page, now and then the open-data page or its metadata
    baseline   /ping signed in (the trivial view used as the baseline since issue 2) and /ping
               anonymous, one user each, a request every half second or so

Every request is one HTTP exchange (redirects are not followed, so a sign-in or a save is timed on
its own). What counts as an error: any status the step does not expect (every 5xx, a 403 or 404, a
redirect to the sign-in page), a page without the form it should have, or a save rejected for a
reason other than concurrency. A save refused because someone else got there first (the edit
conflict page, "nothing is waiting for this decision", "the case has changed") is counted as a
conflict, not an error: it is the application working as designed under concurrency.

bench/load.py sets ACCORD_LOAD_DATA (bench/load_seed.py's JSON facts), ACCORD_LOAD_SAMPLES (where
each request's outcome is written as JSON when the test stops), ACCORD_LOAD_MIX (how many officers,
approvers and public users), ACCORD_LOAD_THINK ("1,3": seconds between a user's steps) and
ACCORD_LOAD_SESSIONS: the cookies of sessions it signed in through the sign-in page before the load,
so that staff users start signed in, as people are during a working day. Without it each staff
user signs in when it starts (a sign-in storm: every password hashed within a few seconds).
"""

import itertools
import json
import os
import random
import sys
import time
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from locust import HttpUser, between, events, task

sys.path.insert(0, str(Path(__file__).resolve().parent))

from load_pages import csrf_token, decide_links, error_summary, form_with, is_conflict, server_ms  # noqa: E402

# --------------------------------------------------------------------------------------------
# The load's data and the record of every request
# --------------------------------------------------------------------------------------------


@cache
def data() -> dict[str, Any]:
    return json.loads(Path(os.environ["ACCORD_LOAD_DATA"]).read_text())


@cache
def sessions() -> dict[str, dict[str, str]]:
    """username -> the cookies of a session bench/load.py signed in before the load (if it did)."""
    path = os.environ.get("ACCORD_LOAD_SESSIONS")
    return json.loads(Path(path).read_text()) if path else {}


def think() -> tuple[float, float]:
    low, high = os.environ.get("ACCORD_LOAD_THINK", "1,3").split(",")
    return float(low), float(high)


SAMPLES: list[list[Any]] = []  # [name, started (s since epoch), client ms, status, server ms, outcome]
IN_FLIGHT: dict[int, tuple[str, float]] = {}  # requests sent and not yet answered: (name, started)
_request_numbers = itertools.count()
_accounts = {"officer": itertools.count(), "approver": itertools.count()}


@events.test_stop.add_listener
def _write_samples(**_kwargs: Any) -> None:
    """Write every request's record; one still unanswered when the load stopped (locust ends it
    after --stop-timeout) is an error: nobody should wait that long."""
    now = time.time()
    for name, started in IN_FLIGHT.values():
        waited = round((now - started) * 1000, 2)
        SAMPLES.append([name, round(started, 3), waited, 0, None, "no answer before the load stopped"])
    IN_FLIGHT.clear()
    target = os.environ.get("ACCORD_LOAD_SAMPLES")
    if target:
        Path(target).write_text(json.dumps(SAMPLES))


class AccordUser(HttpUser):
    abstract = True

    def on_start(self) -> None:
        self.client.headers.update(
            {"X-Forwarded-Proto": "https", "User-Agent": "accord-load", "Accept": "text/html"}
        )
        self.origin = "https://" + urlsplit(self.host).netloc

    def wait_time(self) -> float:
        return random.uniform(*think())

    def call(
        self,
        name: str,
        path: str,
        expect: tuple[int, ...] = (200,),
        form: dict[str, str] | None = None,
        check=None,  # noqa: ANN001 - (response) -> "ok" | "conflict" | an error message
    ):
        """One request, timed and judged; returns the response, or None if it was an error."""
        method = "POST" if form is not None else "GET"
        headers = {"Referer": self.origin + path, "Origin": self.origin} if form is not None else None
        started = time.time()
        token = next(_request_numbers)
        IN_FLIGHT[token] = (name, started)
        with self.client.request(
            method,
            path,
            name=name,
            data=form,
            headers=headers,
            allow_redirects=False,
            catch_response=True,
            timeout=120,  # gunicorn's worker timeout in docs/deploy/accord-web.service
        ) as response:
            IN_FLIGHT.pop(token, None)
            outcome = "ok"
            if response.status_code == 0:
                outcome = f"no response: {response.error}"
            elif response.status_code not in expect:
                where = response.headers.get("Location", "")
                outcome = f"HTTP {response.status_code}" + (f" to {where}" if where else "")
            elif check is not None:
                outcome = check(response)
            if outcome in ("ok", "conflict"):
                response.success()
            else:
                response.failure(outcome)
            elapsed = response.request_meta["response_time"] if hasattr(response, "request_meta") else None
            SAMPLES.append(
                [
                    name,
                    round(started, 3),
                    round(elapsed if elapsed is not None else (time.time() - started) * 1000, 2),
                    response.status_code,
                    server_ms(response.headers.get("Server-Timing")),
                    outcome,
                ]
            )
        # Production's cookies are Secure; the load talks plain HTTP to gunicorn on loopback as a
        # TLS-terminating proxy would (X-Forwarded-Proto: https), so let the cookies be sent back.
        for cookie in self.client.cookies:
            cookie.secure = False
        return response if outcome in ("ok", "conflict") else None

    def start_session(self, username: str, password: str) -> None:
        """Carry on the session bench/load.py signed in for this account, or sign in now."""
        cookies = sessions().get(username)
        if cookies is None:
            self.sign_in(username, password)
            return
        for name, value in cookies.items():
            self.client.cookies.set(name, value)

    def sign_in(self, username: str, password: str) -> bool:
        page = self.call("sign in (form)", "/sign-in/")
        token = csrf_token(page.text) if page is not None else None
        if token is None:
            return False
        form = {"username": username, "password": password, "csrfmiddlewaretoken": token}
        signed_in = self.call(
            "sign in",
            "/sign-in/",
            expect=(302,),
            form=form,
            check=lambda r: "ok" if "sessionid" in self.client.cookies else "no session after signing in",
        )
        return signed_in is not None


def _expect_redirect_to(prefix: str):
    def check(response) -> str:  # noqa: ANN001
        where = urlsplit(response.headers.get("Location", "")).path
        if response.status_code == 302 and where.startswith(prefix):
            return "ok"
        if response.status_code == 200 and is_conflict(response.text):
            return "conflict"
        if response.status_code == 200:
            return "form rejected: " + error_summary(response.text)
        return f"HTTP {response.status_code} to {where}"

    return check


# --------------------------------------------------------------------------------------------
# The users
# --------------------------------------------------------------------------------------------


def register_query(rng: random.Random) -> str:
    facts = data()
    query: dict[str, Any] = {}
    if rng.random() < 0.7:
        query["q"] = rng.choice(facts["search_words"])
    if rng.random() < 0.5:
        query["status"] = "active"
    if rng.random() < 0.3:
        query["partnership_type"] = rng.choice(facts["type_ids"])
    if rng.random() < 0.2:
        query["directorate"] = rng.choice(facts["directorate_ids"])
    if rng.random() < 0.2:
        query["sort"] = rng.choice(["name", "-updated", "end", "-contribution"])
    if rng.random() < 0.1:
        query["page"] = 2
    return urlencode(query)


class Officer(AccordUser):
    weight = 8

    def on_start(self) -> None:
        super().on_start()
        facts = data()
        names = sorted(facts["officers"])
        self.username = names[next(_accounts["officer"]) % len(names)]
        self.own = facts["officers"][self.username] or facts["browse_ids"][:5]
        self.start_session(self.username, facts["password"])

    def some_partnership(self) -> int:
        return random.choice(self.own) if random.random() < 0.6 else random.choice(data()["browse_ids"])

    @task(4)
    def search_register(self) -> None:
        query = register_query(random.Random())
        self.call(
            "register (search)" if query else "register",
            f"/partnerships/?{query}" if query else "/partnerships/",
        )

    @task(4)
    def open_partnership(self) -> None:
        self.call("partnership", f"/partnerships/{self.some_partnership()}/")

    @task(1)
    def open_cycle(self) -> None:
        self.call("cycle", f"/partnerships/{random.choice(self.own)}/cycle/")

    @task(1)
    def open_risks(self) -> None:
        self.call("risks", f"/partnerships/{random.choice(self.own)}/risks/")

    @task(2)
    def edit_partnership(self) -> None:
        pk = random.choice(self.own)
        path = f"/partnerships/{pk}/change/about/"
        page = self.call(
            "edit (form)", path, check=lambda r: "ok" if form_with(r.text, "version") else "no edit form"
        )
        if page is None:
            return
        form = form_with(page.text, "version") or {}
        form["vision"] = f"Load test {self.username} {time.time():.3f}: a healthier, safer borough."
        self.call(
            "edit (save)",
            path,
            expect=(302, 200),
            form=form,
            check=_expect_redirect_to(f"/partnerships/{pk}/"),
        )


class Approver(AccordUser):
    weight = 2

    def on_start(self) -> None:
        super().on_start()
        facts = data()
        names = facts["approvers"]
        self.username = names[next(_accounts["approver"]) % len(names)]
        self.links: list[str] = []
        self.start_session(self.username, facts["password"])

    def inbox(self) -> None:
        """The list of decisions waiting. Opened only when the approver has worked through the
        last one they opened (as if kept open in a tab): it is the costliest page by far. With
        ACCORD_LOAD_INBOX=0 the approver finds a decision from a partnership's approvals page
        instead (a partnership awaiting approval, as if found in the register)."""
        if os.environ.get("ACCORD_LOAD_INBOX", "1") == "0":
            pk = random.choice(data()["awaiting_approval"])
            page = self.call("approvals page", f"/partnerships/{pk}/cycle/approvals/")
        else:
            page = self.call("approvals inbox", "/approvals/")
        if page is not None:
            self.links = decide_links(page.text)

    @task(4)
    def decide(self) -> None:
        if not self.links:
            self.inbox()
        if not self.links:
            return
        path = self.links.pop(random.randrange(len(self.links)))
        page = self.call(
            "decision (form)",
            path,
            check=lambda r: (
                "ok"
                if form_with(r.text, "revision")
                else ("conflict" if is_conflict(r.text) else "no decision form")
            ),
        )
        form = form_with(page.text, "revision") if page is not None else None
        if not form:
            return
        refuse = random.random() < 0.1
        form["outcome"] = "refused" if refuse else "approved"
        form["comment"] = (
            "Refused in the load test: the case needs more on risks."
            if refuse
            else "Approved in the load test."
        )
        form["reference"] = "Load test minute 1"
        pk = path.split("/")[2]
        self.call(
            "decision (save)",
            path,
            expect=(302, 200),
            form=form,
            check=_expect_redirect_to(f"/partnerships/{pk}/cycle/approvals/"),
        )

    @task(1)
    def approvals_page(self) -> None:
        pk = random.choice(data()["browse_ids"])
        self.call("approvals page", f"/partnerships/{pk}/cycle/approvals/")


class Public(AccordUser):
    weight = 9

    @task(3)
    def public_register(self) -> None:
        rng = random.Random()
        query: dict[str, Any] = {}
        if rng.random() < 0.6:
            query["q"] = rng.choice(data()["search_words"])
        if rng.random() < 0.3:
            query["partnership_type"] = rng.choice(data()["type_ids"])
        if rng.random() < 0.2:
            query["sort"] = rng.choice(["name", "end", "-contribution", "-updated"])
        self.call("public register", f"/public/?{urlencode(query)}" if query else "/public/")

    @task(4)
    def public_partnership(self) -> None:
        reference = random.choice(data()["public_references"])
        self.call("public partnership", f"/public/partnerships/{reference}/")

    @task(1)
    def open_data(self) -> None:
        if random.random() < 0.5:
            self.call("open data page", "/public/data/")
        else:
            self.call("open data metadata", "/public/data/metadata.json")


class PingSignedIn(AccordUser):
    """The baseline: the trivial view, signed in (as bench/run.py's ping), under the same load."""

    fixed_count = 1
    wait_time = between(0.25, 0.75)

    def on_start(self) -> None:
        super().on_start()
        admin = data()["admin"]
        self.start_session(admin["username"], admin["password"])

    @task
    def ping(self) -> None:
        self.call("ping (signed in)", "/ping")


class PingAnonymous(AccordUser):
    fixed_count = 1
    wait_time = between(0.25, 0.75)

    @task
    def ping(self) -> None:
        self.call("ping (anonymous)", "/ping")


def _fix_the_mix() -> None:
    """ACCORD_LOAD_MIX="officers,approvers,public" (bench/load.py) fixes how many of each there are,
    so that the accounts it signed in beforehand are the ones used; without it, locust's weights."""
    counts = os.environ.get("ACCORD_LOAD_MIX")
    if counts:
        for cls, count in zip((Officer, Approver, Public), map(int, counts.split(",")), strict=True):
            cls.fixed_count = count


_fix_the_mix()
