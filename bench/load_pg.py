"""A throwaway PostgreSQL cluster for bench/load.py, as .ci/run makes one: initdb into a temporary
directory (as the `postgres` user when run as root), listening on 127.0.0.1 on a free port, stopped
and removed on exit. Also saving a database to a dump file and restoring it."""

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

PG_VERSION = "15"
PGBIN = Path(os.environ.get("ACCORD_PGBIN", f"/usr/lib/postgresql/{PG_VERSION}/bin"))


class Cluster:
    def __init__(self, port: int) -> None:
        self.port = port
        self.data = Path(tempfile.mkdtemp(prefix="accord-load-pg."))
        self.running = False

    def _run(self, *command: str, check: bool = True) -> subprocess.CompletedProcess:
        """Run a PostgreSQL program, as the postgres user if we are root (initdb refuses root)."""
        if os.geteuid() == 0:
            line = " ".join(f"'{part}'" for part in command)
            command = ("su", "postgres", "-s", "/bin/sh", "-c", line)
        return subprocess.run(command, check=check, capture_output=True, text=True)

    def url(self, database: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def start(self) -> None:
        if not (PGBIN / "initdb").exists():
            raise SystemExit(
                f"No PostgreSQL {PG_VERSION} in {PGBIN} (apt-get install postgresql-{PG_VERSION})"
            )
        if os.geteuid() == 0:
            shutil.chown(self.data, "postgres", "postgres")
        self._run(
            str(PGBIN / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
            "--locale=C.UTF-8",
        )  # fmt: skip
        options = f"-h 127.0.0.1 -p {self.port} -k {self.data}"
        self._run(
            str(PGBIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.data / "server.log"), "-w",
            "-o", options, "start",
        )  # fmt: skip
        self.running = True

    def create(self, database: str) -> None:
        self._run(str(PGBIN / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), database)

    def dump(self, database: str, target: Path) -> None:
        partial = target.with_suffix(".partial")
        subprocess.run(
            [str(PGBIN / "pg_dump"), "-Fc", "-Z", "1", "-f", str(partial), self.url(database)], check=True
        )
        partial.replace(target)

    def restore(self, database: str, source: Path) -> None:
        subprocess.run(
            [str(PGBIN / "pg_restore"), "--no-owner", "-j", "2", "-d", self.url(database), str(source)],
            check=True,
        )
        subprocess.run([str(PGBIN / "psql"), "-q", "-c", "ANALYZE", self.url(database)], check=True)

    def backend_pids(self) -> list[int]:
        """The postmaster and its children (for their CPU time)."""
        try:
            postmaster = int((self.data / "postmaster.pid").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return []
        children = Path(f"/proc/{postmaster}/task/{postmaster}/children")
        return [postmaster, *map(int, children.read_text().split())] if children.exists() else [postmaster]

    def stop(self) -> None:
        if self.running:
            self._run(str(PGBIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop", check=False)
            self.running = False
        for _ in range(3):  # the server may still be letting go of its files
            shutil.rmtree(self.data, ignore_errors=True)
            if not self.data.exists():
                return
            time.sleep(0.5)
