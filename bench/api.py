#!/usr/bin/env python
"""Benchmark: the JSON API's partnership list at 100,000 partnerships, against the trivial view.

    .venv/bin/python bench/api.py [--requests 50] [--warmup 5] [--regenerate] [--quiet-load 1.0]

Issue 7's target: the API list endpoint at 100,000 partnerships within 5× the trivial view (/ping),
comparing server-side medians. It reuses var/bench-100000.sqlite3 (bench/generate.py; made or
remade by bench/harness.database_for), gives the benchmark account a personal API token written
straight into that database (hashed as accord.outputs.api.tokens does: SHA-256 of the secret), serves the
database with gunicorn as bench/run.py does (production settings, ACCORD_BENCH_METRICS=true) and
requests, in rotating order, /ping signed in (the baseline, as in bench/run.py: a trivial view that
still authenticates its user) and anonymous (for information), and three API lists with the token:

    api-list      /api/v1/partnerships                       the first page (20)
    api-page      /api/v1/partnerships?offset=50000&limit=100 a page deep in the register
    api-filtered  /api/v1/partnerships?status=active&q=...    a filtered search, as the register's

Prints each median (server time from the Server-Timing header, and client time), the ratio to
ping, and PASS or FAIL for the target (api-list); exits 0 only on PASS.
"""

import argparse
import hashlib
import http.client
import re
import secrets
import sqlite3
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import (  # noqa: E402
    MAX_RATIO_TO_PING,
    ROOT,
    USERNAME,
    BenchError,
    Client,
    database_for,
    free_port,
    start_server,
    stop_server,
    wait_for_quiet,
    wait_until_healthy,
)

SIZE = 100_000
TOKEN_NAME = "bench api token"


def give_token(database: Path) -> str:
    """A fresh token for the benchmark account, written into the benchmark database."""
    secret = "acc_" + secrets.token_urlsafe(32)
    now = datetime.now(UTC).isoformat(sep=" ")
    with sqlite3.connect(database) as db:
        (user_id,) = db.execute("SELECT id FROM accounts_user WHERE username = ?", (USERNAME,)).fetchone()
        db.execute("DELETE FROM api_apitoken WHERE user_id = ? AND name = ?", (user_id, TOKEN_NAME))
        db.execute(
            "INSERT INTO api_apitoken (user_id, name, prefix, secret_hash, created_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (user_id, TOKEN_NAME, secret[4:12], hashlib.sha256(secret.encode()).hexdigest(), now),
        )
    return secret


def timed(
    port: int, path: str, token: str | None, cookies: dict[str, str] | None = None
) -> tuple[float, float]:
    """(server ms from Server-Timing, client ms) for one GET, with a bearer token or session cookies."""
    headers = {"Host": f"127.0.0.1:{port}", "X-Forwarded-Proto": "https", "Accept": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    if cookies:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        response.read()
    finally:
        connection.close()
    client_ms = (time.perf_counter() - started) * 1000
    if response.status != 200:
        raise BenchError(f"{path} gave {response.status}")
    timing = re.fullmatch(r"app;dur=([0-9.]+)", response.headers.get("Server-Timing", ""))
    if timing is None:
        raise BenchError("no Server-Timing header: is ACCORD_BENCH_METRICS on?")
    return float(timing.group(1)), client_ms


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--regenerate", action="store_true")
    parser.add_argument("--quiet-load", type=float, default=None)
    args = parser.parse_args()

    database, facts = database_for(SIZE, args.regenerate)
    token = give_token(database)
    search = urlencode({"status": "active", "q": facts["search_word"]})
    paths = {
        "ping": ("/ping", None),  # signed in (session), as bench/run.py's ping: the target's baseline
        "ping-anonymous": ("/ping", None),
        "api-list": ("/api/v1/partnerships", token),
        "api-page": ("/api/v1/partnerships?offset=50000&limit=100", token),
        "api-filtered": (f"/api/v1/partnerships?{search}", token),
    }
    port = free_port()
    log = ROOT / "var" / "bench-api-server.log"
    server = start_server(database, port, workers=1, log=log)
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in paths}
    browser = Client(port)
    try:
        wait_until_healthy(server, browser, log)
        browser.sign_in()

        def request(name: str) -> tuple[float, float]:
            path, auth = paths[name]
            return timed(port, path, auth, browser.cookies if name == "ping" else None)

        wait_for_quiet(args.quiet_load)
        for _ in range(args.warmup):
            for name in paths:
                request(name)
        names = list(paths)
        for number in range(args.requests):
            order = names[number % len(names) :] + names[: number % len(names)]  # rotate against drift
            for name in order:
                samples[name].append(request(name))
    finally:
        stop_server(server)

    ping = statistics.median(s for s, _ in samples["ping"])
    print(f"API list at N={SIZE:,} ({args.requests} requests each, gunicorn, one worker)")
    print(f"{'page':<14}{'server median':>15}{'client median':>15}{'× ping':>9}")
    for name, rows in samples.items():
        server_ms = statistics.median(s for s, _ in rows)
        client_ms = statistics.median(c for _, c in rows)
        print(f"{name:<14}{server_ms:>12.2f} ms{client_ms:>12.2f} ms{server_ms / ping:>9.2f}")
    ratio = statistics.median(s for s, _ in samples["api-list"]) / ping
    passed = ratio <= MAX_RATIO_TO_PING
    print(
        f"Target: api-list median ≤ {MAX_RATIO_TO_PING:g}× ping: {ratio:.2f}× — "
        f"{'PASS' if passed else 'FAIL'}"
    )
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
