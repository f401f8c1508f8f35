"""The benchmark harness's parts: serving Accord with gunicorn, a loopback HTTP client, timing
one request, and preparing the databases (used by bench/run.py)."""

import http.client
import json
import os
import re
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
RESULTS = ROOT / "bench" / "results"
USERNAME = "bench"
PASSWORD = "bench-password-2026"  # the benchmark-only account bench/generate.py creates
PAGES = ("ping", "register", "search", "partnership", "compliance")
TIMED = ("register", "search")  # the pages issue 2 sets time targets for
RATIO_ONLY = ("compliance",)  # issue 3: the compliance dashboard at the largest size, against ping
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
    found_pattern: bytes = rb"([0-9,]+) partnerships? found"

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
    found = re.search(page.found_pattern, content)
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
            # Benchmarks measure the work, not the limits: every request comes from 127.0.0.1 and one
            # signed-in user, so the production rate limits (ADR 0017) are switched off (empty).
            "ACCORD_SIGNIN_RATE": "",
            "ACCORD_API_RATE": "",
            "ACCORD_API_ANON_RATE": "",
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
