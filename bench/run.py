#!/usr/bin/env python
"""Benchmark Accord served as production serves it (gunicorn), at several register sizes.

    .venv/bin/python bench/run.py                       # sizes 1000,100000; 50 requests per page
    .venv/bin/python bench/run.py --sizes 1000 --requests 20 --regenerate

For each size N it generates var/bench-N.sqlite3 (or reuses it) and starts gunicorn with one
sync worker on a free local port with the production settings (DEBUG off, secure cookies, HSTS)
plus ACCORD_BENCH_METRICS=true. It signs in to each as the benchmark administrator and warms up,
then measures in rounds: each round requests every page at every size (the order rotating from
round to round, so drift in the machine's speed affects every size alike), reading each
response's Server-Timing and X-Query-Count headers (accord/ui/metrics.py):

    ping         /ping                      the trivial view: full middleware stack, no work
    register     /partnerships/             the register's first page
    search       /partnerships/?q=...       a filtered search: a word, status=active and one type
    partnership  /partnerships/<pk>/        a partnership's page

It prints medians, ratios against ping and the issue's targets as PASS or FAIL, and writes the
figures to bench/results/ as JSON and Markdown. Only the standard library is used as the client,
and every request goes to 127.0.0.1.
"""

import argparse
import http.client
import json
import os
import platform
import re
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
RESULTS = ROOT / "bench" / "results"
USERNAME = "bench"
PASSWORD = "bench-password-2026"  # the benchmark-only account bench/generate.py creates
PAGES = ("ping", "register", "search", "partnership")
TIMED = ("register", "search")  # the pages the issue sets time targets for
MAX_RATIO_TO_PING = 5.0
MAX_GROWTH = 1.5


@dataclass
class Sample:
    server_ms: float
    client_ms: float
    queries: int


@dataclass
class PageResult:
    name: str
    path: str
    samples: list[Sample] = field(default_factory=list)
    found: int | None = None  # "N partnerships found" on list pages

    @property
    def server_median(self) -> float:
        return statistics.median(s.server_ms for s in self.samples)

    @property
    def client_median(self) -> float:
        return statistics.median(s.client_ms for s in self.samples)

    @property
    def server_p90(self) -> float:
        return statistics.quantiles([s.server_ms for s in self.samples], n=10)[-1]

    @property
    def query_counts(self) -> list[int]:
        return sorted({s.queries for s in self.samples})

    def summary(self, ping: "PageResult", anonymous_ping: "PageResult") -> dict[str, Any]:
        return {
            "path": self.path,
            "requests": len(self.samples),
            "server_median_ms": round(self.server_median, 3),
            "server_p90_ms": round(self.server_p90, 3),
            "server_min_ms": round(min(s.server_ms for s in self.samples), 3),
            "client_median_ms": round(self.client_median, 3),
            "queries": self.query_counts,
            "ratio_to_ping": round(self.server_median / ping.server_median, 2),
            "client_ratio_to_ping": round(self.client_median / ping.client_median, 2),
            "ratio_to_anonymous_ping": round(self.server_median / anonymous_ping.server_median, 2),
            "found": self.found,
        }


class BenchError(Exception):
    pass


# --------------------------------------------------------------------------------------------
# The client: http.client, one connection per request (gunicorn's sync worker closes it anyway)
# --------------------------------------------------------------------------------------------


class Client:
    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(
        self, method: str, path: str, body: dict[str, str] | None = None, cookies: bool = True
    ) -> tuple[http.client.HTTPResponse, bytes, float]:
        headers = {
            "Host": f"127.0.0.1:{self.port}",
            # As a TLS-terminating proxy in front of production would (SECURE_PROXY_SSL_HEADER).
            "X-Forwarded-Proto": "https",
            "User-Agent": "accord-bench",
            "Accept": "text/html",
        }
        if cookies and self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        data = None
        if body is not None:
            data = urlencode(body).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"https://127.0.0.1:{self.port}{path}"
            headers["Origin"] = f"https://127.0.0.1:{self.port}"
        started = time.perf_counter()
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            connection.request(method, path, body=data, headers=headers)
            response = connection.getresponse()
            content = response.read()
        finally:
            connection.close()
        elapsed_ms = (time.perf_counter() - started) * 1000
        if cookies:
            for header in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    self.cookies[name] = morsel.value
        return response, content, elapsed_ms

    def get(self, path: str, cookies: bool = True) -> tuple[http.client.HTTPResponse, bytes, float]:
        return self.request("GET", path, cookies=cookies)

    def sign_in(self) -> None:
        response, content, _ = self.get("/sign-in/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', content)
        if response.status != 200 or token is None:
            raise BenchError(f"GET /sign-in/ gave {response.status} and no CSRF token")
        form = {"username": USERNAME, "password": PASSWORD, "csrfmiddlewaretoken": token.group(1).decode()}
        response, _, _ = self.request("POST", "/sign-in/", body=form)
        if response.status != 302 or "sessionid" not in self.cookies:
            raise BenchError(
                f"signing in as {USERNAME!r} gave {response.status}, not a redirect with a session"
            )


def measure(client: Client, page: PageResult, anonymous: bool = False) -> Sample:
    response, content, client_ms = client.get(page.path, cookies=not anonymous)
    if response.status != 200:
        raise BenchError(f"{page.path} gave {response.status}")
    timing = re.fullmatch(r"app;dur=([0-9.]+)", response.headers.get("Server-Timing", ""))
    queries = response.headers.get("X-Query-Count")
    if timing is None or queries is None:
        raise BenchError("no Server-Timing / X-Query-Count headers: is ACCORD_BENCH_METRICS on?")
    found = re.search(rb"([0-9,]+) partnerships? found", content)
    if found:
        page.found = int(found.group(1).replace(b",", b""))
    elif page.name in TIMED:
        page.found = 0
    return Sample(float(timing.group(1)), client_ms, int(queries))


# --------------------------------------------------------------------------------------------
# The server
# --------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(database: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ACCORD_", "DJANGO_"))}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "accord.settings",
            "DATABASE_URL": f"sqlite:///{database}",
            "ACCORD_BENCH_METRICS": "true",
            "DEBUG": "false",
            "ACCORD_TESTING": "false",
            "SECRET_KEY": "bench-only-secret-key-not-for-production-0123456789abcdefghijkl",
            "ALLOWED_HOSTS": "127.0.0.1",
            # Requests arrive as over HTTPS (X-Forwarded-Proto), so no redirect would happen anyway.
            "SECURE_SSL_REDIRECT": "false",
            "LOG_LEVEL": "WARNING",
        }
    )
    return env


def start_server(database: Path, port: int, workers: int, log: Path) -> subprocess.Popen:
    command = [str(BIN / "gunicorn"), "accord.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(workers)]
    # gunicorn's control socket has one default path per user: two benchmark servers (or someone's
    # own gunicorn) would fight over it, and the benchmark does not use it.
    command.append("--no-control-socket")
    with log.open("w") as handle:
        return subprocess.Popen(
            command, cwd=ROOT, env=server_env(database), stdout=handle, stderr=subprocess.STDOUT
        )


def wait_until_healthy(server: subprocess.Popen, client: Client, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise BenchError(f"gunicorn exited with {server.returncode}; see {log}")
        try:
            response, _, _ = client.get("/healthz", cookies=False)
            if response.status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise BenchError(f"gunicorn did not answer /healthz within {timeout:.0f} s; see {log}")


def stop_server(server: subprocess.Popen) -> None:
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


# --------------------------------------------------------------------------------------------
# Databases and the sizes under test
# --------------------------------------------------------------------------------------------


def database_for(size: int, regenerate: bool) -> tuple[Path, dict[str, Any]]:
    database = ROOT / "var" / f"bench-{size}.sqlite3"
    generate = [sys.executable, str(ROOT / "bench" / "generate.py"), "--partnerships", str(size)]
    if regenerate or not database.exists() or not is_complete(database):
        subprocess.run(generate, cwd=ROOT, check=True)
    else:
        print(f"Reusing {database.relative_to(ROOT)} (--regenerate to make it afresh)")
    facts = describe(generate)
    if facts["migrations_pending"]:
        print(
            f"{database.relative_to(ROOT)} lacks migrations {facts['migrations_pending']}: generating afresh"
        )
        subprocess.run(generate, cwd=ROOT, check=True)
        facts = describe(generate)
    return database, facts


def describe(generate: list[str]) -> dict[str, Any]:
    described = subprocess.run(
        [*generate, "--describe"], cwd=ROOT, check=True, capture_output=True, text=True
    )
    return json.loads(described.stdout)


def is_complete(database: Path) -> bool:
    """A finished generation has the benchmark account and a search index (it is written last)."""
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
            user = db.execute("SELECT 1 FROM accounts_user WHERE username = ?", (USERNAME,)).fetchone()
            last = db.execute("SELECT MAX(id) FROM register_partnership").fetchone()[0]
            indexed = db.execute(
                "SELECT 1 FROM register_searchterm WHERE partnership_id = ?", (last,)
            ).fetchone()
        return bool(user and indexed)
    except sqlite3.Error:
        return False


def wait_for_quiet(threshold: float | None, limit: float = 600) -> None:
    """Wait (at most `limit` seconds) until the 1-minute load average is below `threshold`:
    other work on the machine distorts the medians."""
    if threshold is None:
        return
    deadline = time.monotonic() + limit
    while os.getloadavg()[0] >= threshold and time.monotonic() < deadline:
        print(f"  waiting for a quiet machine: load average {os.getloadavg()[0]:.2f}", end="\r", flush=True)
        time.sleep(5)


@dataclass
class Size:
    """One register size under test: its database, its gunicorn and the pages measured on it."""

    size: int
    database: Path
    facts: dict[str, Any]
    pages: dict[str, PageResult]
    anonymous_ping: PageResult
    server: subprocess.Popen | None = None
    client: Client | None = None
    log: Path | None = None

    @classmethod
    def prepare(cls, size: int, regenerate: bool) -> "Size":
        database, facts = database_for(size, regenerate)
        query = urlencode(
            {"q": facts["search_word"], "status": "active", "partnership_type": facts["search_type_id"]}
        )
        pages = {
            "ping": PageResult("ping", "/ping"),
            "register": PageResult("register", "/partnerships/"),
            "search": PageResult("search", f"/partnerships/?{query}"),
            "partnership": PageResult("partnership", f"/partnerships/{facts['partnership_pk']}/"),
        }
        return cls(size, database, facts, pages, PageResult("ping (anonymous)", "/ping"))

    def start(self, workers: int) -> None:
        port = free_port()
        self.log = RESULTS / f"gunicorn-{self.size}.log"
        self.client = Client(port)
        print(f"N={self.size:,}: gunicorn on 127.0.0.1:{port} ({workers} worker)")
        self.server = start_server(self.database, port, workers, self.log)

    def ready(self, warmup: int) -> None:
        assert self.server and self.client and self.log
        wait_until_healthy(self.server, self.client, self.log)
        self.client.sign_in()
        for page in self.pages.values():
            for _ in range(warmup):
                measure(self.client, page)
        for _ in range(warmup):
            measure(self.client, self.anonymous_ping, anonymous=True)

    def round(self, number: int) -> None:
        """Request every page once, starting at a different page each round."""
        assert self.client
        order = list(self.pages.values())
        shift = number % len(order)
        for page in order[shift:] + order[:shift]:
            page.samples.append(measure(self.client, page))
        self.anonymous_ping.samples.append(measure(self.client, self.anonymous_ping, anonymous=True))

    def stop(self) -> None:
        if self.server is not None:
            stop_server(self.server)

    def result(self) -> dict[str, Any]:
        ping = self.pages["ping"]
        return {
            "partnerships": self.size,
            "facts": self.facts,
            "pages": {name: page.summary(ping, self.anonymous_ping) for name, page in self.pages.items()},
            "anonymous_ping": self.anonymous_ping.summary(ping, self.anonymous_ping),
        }


def measure_all(sizes: list[int], args: argparse.Namespace) -> tuple[list[dict[str, Any]], dict[str, float]]:
    """Serve every size at once and interleave them, round by round, so that a change in the
    machine's speed during the run affects every size alike."""
    sizes_under_test = [Size.prepare(size, args.regenerate) for size in sizes]
    RESULTS.mkdir(parents=True, exist_ok=True)
    wait_for_quiet(args.quiet_load)
    load = {"before": round(os.getloadavg()[0], 2)}
    try:
        for under_test in sizes_under_test:
            under_test.start(args.workers)
        for under_test in sizes_under_test:
            under_test.ready(args.warmup)
        print(f"Measuring {args.requests} rounds of every page at every size")
        for number in range(args.requests):
            shift = number % len(sizes_under_test)
            for under_test in sizes_under_test[shift:] + sizes_under_test[:shift]:
                under_test.round(number)
    finally:
        for under_test in sizes_under_test:
            under_test.stop()
    load["after"] = round(os.getloadavg()[0], 2)
    if max(load.values()) > 1.5:
        print(f"Warning: the machine was busy (load average {load['before']} before, {load['after']} after)")
    return [under_test.result() for under_test in sizes_under_test], load


# --------------------------------------------------------------------------------------------
# Targets and reporting
# --------------------------------------------------------------------------------------------


def check_targets(runs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    smallest, largest = runs[0], runs[-1]
    n_small, n_large = f"{smallest['partnerships']:,}", f"{largest['partnerships']:,}"
    checks = []
    for name in PAGES:
        counts = [run["pages"][name]["queries"] for run in runs]
        steady = all(len(c) == 1 for c in counts) and len({c[0] for c in counts}) == 1
        shown = " / ".join(",".join(map(str, c)) for c in counts)
        checks.append(
            {"target": f"{name}: SQL query count does not grow with N", "measured": shown, "pass": steady}
        )
    for name in TIMED:
        large = largest["pages"][name]
        ratio = large["ratio_to_ping"]
        checks.append(
            {
                "target": f"{name} at N={n_large}: median ≤ {MAX_RATIO_TO_PING:g}× ping",
                "measured": f"{large['server_median_ms']:.2f} ms = {ratio:.2f}× ping",
                "pass": ratio <= MAX_RATIO_TO_PING,
            }
        )
        if len(runs) > 1:
            growth = large["server_median_ms"] / smallest["pages"][name]["server_median_ms"]
            checks.append(
                {
                    "target": f"{name} at N={n_large}: median ≤ {MAX_GROWTH:g}× its median at N={n_small}",
                    "measured": f"{large['server_median_ms']:.2f} ms vs "
                    f"{smallest['pages'][name]['server_median_ms']:.2f} ms = {growth:.2f}×",
                    "pass": growth <= MAX_GROWTH,
                }
            )
    return checks


def markdown(report: dict[str, Any]) -> str:
    lines = [
        "| N | Page | Median server (ms) | p90 server (ms) | Median client (ms) | SQL queries "
        "| × ping (server) | × anonymous ping | Found |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for run in report["runs"]:
        rows = [*run["pages"].items(), ("ping (anonymous)", run["anonymous_ping"])]
        for name, page in rows:
            queries = ",".join(map(str, page["queries"]))
            lines.append(
                f"| {run['partnerships']:,} | {name} | {page['server_median_ms']:.2f} "
                f"| {page['server_p90_ms']:.2f} | {page['client_median_ms']:.2f} | {queries} "
                f"| {page['ratio_to_ping']:.2f} | {page['ratio_to_anonymous_ping']:.2f} "
                f"| {'' if page['found'] is None else format(page['found'], ',')} |"
            )
    lines += ["", "| Target | Measured | Result |", "|---|---|---|"]
    for check in report["targets"]:
        lines.append(f"| {check['target']} | {check['measured']} | {'PASS' if check['pass'] else 'FAIL'} |")
    return "\n".join(lines) + "\n"


def print_table(report: dict[str, Any]) -> None:
    print()
    header = (
        f"{'N':>8}  {'page':<18}{'server ms':>10}{'p90 ms':>9}{'client ms':>10}{'queries':>9}{'× ping':>8}"
    )
    print(header)
    print("-" * len(header))
    for run in report["runs"]:
        for name, page in [*run["pages"].items(), ("ping (anonymous)", run["anonymous_ping"])]:
            queries = ",".join(map(str, page["queries"]))
            print(
                f"{run['partnerships']:>8,}  {name:<18}{page['server_median_ms']:>10.2f}"
                f"{page['server_p90_ms']:>9.2f}{page['client_median_ms']:>10.2f}{queries:>9}{page['ratio_to_ping']:>8.2f}"
            )
    print()
    for check in report["targets"]:
        print(f"{'PASS' if check['pass'] else 'FAIL'}  {check['target']}: {check['measured']}")


def environment() -> dict[str, Any]:
    gunicorn = subprocess.run(
        [str(BIN / "gunicorn"), "--version"], capture_output=True, text=True
    ).stdout.strip()
    django = subprocess.run(
        [sys.executable, "-c", "import django; print(django.get_version())"], capture_output=True, text=True
    ).stdout.strip()
    return {
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "django": django,
        "gunicorn": gunicorn,
        "sqlite": sqlite3.sqlite_version,
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,100000", help="comma-separated register sizes (N)")
    parser.add_argument("--requests", type=int, default=50, help="measured requests per page and size")
    parser.add_argument("--warmup", type=int, default=5, help="unmeasured requests per page first")
    parser.add_argument("--workers", type=int, default=1, help="gunicorn workers")
    parser.add_argument("--regenerate", action="store_true", help="generate the databases afresh")
    parser.add_argument(
        "--quiet-load", type=float, help="first wait (up to 10 min) for the load average to drop below this"
    )
    args = parser.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(",") if s.strip())
    if not sizes or sizes[0] < 1 or not 1 <= args.requests <= 10000 or not 0 <= args.warmup <= 1000:
        parser.error("give sizes of at least 1, 1-10000 requests and 0-1000 warm-up requests")

    report: dict[str, Any] = {
        "environment": environment(),
        "settings": {"requests": args.requests, "warmup": args.warmup, "workers": args.workers},
    }
    try:
        report["runs"], report["load_average"] = measure_all(sizes, args)
    except BenchError as error:
        print(f"Benchmark failed: {error}", file=sys.stderr)
        return 2
    report["targets"] = check_targets(report["runs"])
    print_table(report)
    table = markdown(report)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    RESULTS.mkdir(parents=True, exist_ok=True)
    for name in (f"bench-{stamp}", "latest"):
        (RESULTS / f"{name}.json").write_text(json.dumps(report, indent=2) + "\n")
        (RESULTS / f"{name}.md").write_text(table)
    print(f"\nWrote {(RESULTS / f'bench-{stamp}.json').relative_to(ROOT)} and .md\n")
    print(table)
    return 0 if all(check["pass"] for check in report["targets"]) else 1


if __name__ == "__main__":
    sys.exit(main())
