"""The resilience tests' parts: a fresh database per test, gunicorn serving it, and a client.

Each test gets a database of its own that the server and the test both use: on SQLite a file in WAL
mode, copied from a template migrated and seeded once per session; on PostgreSQL (when the suite's
DATABASE_URL is PostgreSQL) a database `accord_res_<random>` on the same server, made with
`CREATE DATABASE ... TEMPLATE` from a template migrated and seeded once, and dropped afterwards.
The server runs as production does (gunicorn, DEBUG off, ACCORD_TESTING off, behind what it takes
for a TLS proxy: requests carry X-Forwarded-Proto: https), on loopback and a random port.
"""

import json
import os
import secrets
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse, urlunparse

import requests

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
SECRET_KEY = "resilience-tests-only-secret-key-not-for-production-0123456789abcdef"
CSRF_SECRET = "resiliencecsrfsecret0123456789ab"  # 32 characters, as Django keeps the cookie's secret


class HarnessError(Exception):
    pass


def suite_url() -> str:
    return os.environ.get("DATABASE_URL", "")


def on_postgres() -> bool:
    return suite_url().startswith(("postgres://", "postgresql://", "pgsql://"))


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --------------------------------------------------------------------------------------------
# Databases
# --------------------------------------------------------------------------------------------


@dataclass
class Database:
    """One database the server and the test share: a SQLite file or a PostgreSQL database."""

    url: str
    path: Path | None = None  # SQLite
    name: str = ""  # PostgreSQL

    @property
    def sqlite(self) -> bool:
        return self.path is not None

    def connect(self) -> Any:
        if self.sqlite:
            db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            db.execute("PRAGMA foreign_keys = ON")
            return db
        import psycopg

        return psycopg.connect(_dsn(self.url), autocommit=True)

    def rows(self, sql: str, *params: Any) -> list[tuple]:
        """Rows of a query written with %s placeholders, on either database."""
        db = self.connect()
        try:
            if self.sqlite:
                return db.execute(sql.replace("%s", "?"), params).fetchall()
            with db.cursor() as cursor:
                cursor.execute(sql, params)
                return cursor.fetchall()
        finally:
            db.close()

    def value(self, sql: str, *params: Any) -> Any:
        found = self.rows(sql, *params)
        return found[0][0] if found else None


def _dsn(url: str) -> str:
    parsed = urlparse(url)
    return urlunparse(parsed._replace(scheme="postgresql"))


def _with_name(url: str, name: str) -> str:
    return urlunparse(urlparse(url)._replace(path=f"/{name}"))


def _admin(url: str) -> Any:
    import psycopg

    return psycopg.connect(_dsn(_with_name(url, "postgres")), autocommit=True)


def _pg_execute(url: str, *statements: str) -> None:
    with _admin(url) as db:
        for statement in statements:
            db.execute(statement)


@dataclass
class Template:
    """The migrated and seeded database each test's database is copied from, and the seed's facts."""

    database: Database
    facts: dict[str, Any]
    work: Path

    def fresh(self) -> Database:
        if self.database.sqlite:
            target = self.work / f"accord-res-{secrets.token_hex(4)}.sqlite3"
            shutil.copyfile(self.database.path, target)
            return Database(url=f"sqlite:///{target}", path=target)
        name = f"accord_res_{secrets.token_hex(5)}"
        _pg_execute(self.database.url, f'CREATE DATABASE "{name}" TEMPLATE "{self.database.name}"')
        return Database(url=_with_name(self.database.url, name), name=name)

    def drop(self, database: Database) -> None:
        if database.sqlite:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{database.path}{suffix}").unlink(missing_ok=True)
        else:
            _pg_execute(database.url, f'DROP DATABASE IF EXISTS "{database.name}" WITH (FORCE)')


def accord_env(database: Database, work: Path, **extra: str) -> dict[str, str]:
    """Production's settings, as an operator sets them, with the database under test."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ACCORD_", "DJANGO_", "RESILIENCE_"))}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "accord.settings",
            "DATABASE_URL": database.url,
            "DEBUG": "false",
            "ACCORD_TESTING": "false",
            "SECRET_KEY": SECRET_KEY,
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",  # the requests arrive as over HTTPS anyway
            "ACCORD_VAR_DIR": str(work / "var"),
            "ACCORD_UPLOADS_DIR": str(work / "uploads"),
            "LOG_LEVEL": "WARNING",
            "PYTHONPATH": str(ROOT),
        }
    )
    env.update(extra)
    return env


def make_template(work: Path) -> Template:
    """Migrate and seed the template database once (about 20 s: most of it is `migrate`)."""
    if on_postgres():
        name = f"accord_res_tpl_{secrets.token_hex(4)}"
        _pg_execute(suite_url(), f'CREATE DATABASE "{name}"')
        database = Database(url=_with_name(suite_url(), name), name=name)
    else:
        path = work / "template.sqlite3"
        database = Database(url=f"sqlite:///{path}", path=path)
    env = accord_env(database, work)
    for command in (
        [str(BIN / "accord"), "migrate", "--no-input"],
        [sys.executable, "-m", "tests.resilience.seed", str(work / "facts.json")],
    ):
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            raise HarnessError(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")
    if database.sqlite:  # one self-contained file to copy: the WAL folded in
        db = sqlite3.connect(database.path)
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
    facts = json.loads((work / "facts.json").read_text())
    return Template(database, facts, work)


def drop_template(template: Template) -> None:
    if not template.database.sqlite:
        template.drop(template.database)


# --------------------------------------------------------------------------------------------
# The server
# --------------------------------------------------------------------------------------------


@dataclass
class Server:
    """gunicorn serving Accord (or the test-only boot module that pauses mid-operation)."""

    database: Database
    work: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None
    log: Path | None = None

    def start(self, workers: int = 1, threads: int = 1, pause: str = "") -> "Server":
        app = "tests.resilience.boot:application" if pause else "accord.wsgi:application"
        command = [
            str(BIN / "gunicorn"),
            app,
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--timeout",
            "120",
            "--graceful-timeout",
            "5",
            "--no-control-socket",  # its default path is one per user: parallel servers would fight
            "--preload",  # load Accord once and fork the workers: a quicker start on a busy machine
        ]
        extra = {"RESILIENCE_PAUSE": pause, "RESILIENCE_MARKER": str(self.marker)} if pause else {}
        self.marker.unlink(missing_ok=True)
        self.log = self.work / f"gunicorn-{self.port}-{time.monotonic_ns()}.log"
        with self.log.open("w") as handle:
            self.process = subprocess.Popen(
                command,
                cwd=ROOT,
                env=accord_env(self.database, self.work, **extra),
                stdout=handle,
                stderr=subprocess.STDOUT,
            )
        self.wait_until_healthy()
        return self

    @property
    def marker(self) -> Path:
        return self.work / f"paused-{self.port}"

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log and self.log.exists() else ""

    def wait_until_healthy(self, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise HarnessError(f"gunicorn exited with {self.process.returncode}:\n{self.output()}")
            try:
                if requests.get(f"{self.base}/healthz", timeout=5).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.2)
        raise HarnessError(f"gunicorn did not answer /healthz within {timeout:.0f} s:\n{self.output()}")

    def wait_for_pause(self, timeout: float = 120) -> int:
        """Wait until a worker is held mid-operation; its process id."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.marker.exists() and self.marker.read_text().strip():
                return int(self.marker.read_text().split()[0])
            if self.process.poll() is not None:
                raise HarnessError(f"gunicorn exited before pausing:\n{self.output()}")
            time.sleep(0.05)
        raise HarnessError(f"no worker paused within {timeout:.0f} s:\n{self.output()}")

    def kill(self, worker: int) -> None:
        """SIGKILL the worker caught mid-operation, then the master: nothing gets to clean up."""
        os.kill(worker, signal.SIGKILL)
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)
        _wait_gone(worker)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)  # gunicorn's quick shutdown: the test is over
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def _wait_gone(pid: int, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    raise HarnessError(f"process {pid} survived SIGKILL")


# --------------------------------------------------------------------------------------------
# The client: one signed-in user, as a browser behind the council's TLS proxy
# --------------------------------------------------------------------------------------------


class Client:
    """A user's browser: their session (seeded, see seed.py) and the CSRF cookie, sent explicitly
    because the server marks its cookies Secure and this client speaks plain HTTP to loopback."""

    def __init__(self, server: Server, session_key: str):
        self.server = server
        self.session = requests.Session()
        self.cookies = {"sessionid": session_key, "csrftoken": CSRF_SECRET}

    def _headers(self, path: str) -> dict[str, str]:
        origin = f"https://127.0.0.1:{self.server.port}"
        return {
            "X-Forwarded-Proto": "https",
            "Origin": origin,
            "Referer": origin + path,
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
        }

    def get(self, path: str) -> requests.Response:
        return self.session.get(
            self.server.base + path, headers=self._headers(path), allow_redirects=False, timeout=120
        )

    def post(self, path: str, data: dict[str, str], timeout: float = 120) -> requests.Response:
        form = {"csrfmiddlewaretoken": CSRF_SECRET, **data}
        return self.session.post(
            self.server.base + path,
            data=form,
            headers=self._headers(path),
            allow_redirects=False,
            timeout=timeout,
        )
