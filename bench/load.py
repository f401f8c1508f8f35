#!/usr/bin/env python
"""Load test (issue 8): realistic traffic from 50 concurrent users for 60 s against gunicorn with
4 workers and PostgreSQL, on a register of 10,000 partnerships.

    .venv/bin/python bench/load.py                                   # the full run
    .venv/bin/python bench/load.py --users 5 --seconds 10 --partnerships 500   # a quick smoke run
    .venv/bin/python bench/load.py --database-url postgres://postgres@127.0.0.1:5432/accord_load

Without --database-url it starts its own PostgreSQL 15 cluster (bench/load_pg.py: a temporary
directory, 127.0.0.1, a free port, stopped and removed at the end). The register comes from
bench/generate.py and bench/load_seed.py (officers leading partnerships, appointed approvers, a
pool of partnerships awaiting their decision); the result is kept as var/bench-load-N.pgdump and
restored on later runs (--regenerate to make it afresh), so every run starts from the same state.
A --database-url database is generated into if it holds no partnerships and reused otherwise.

gunicorn serves it with --workers 4 (sync) on a free port on 127.0.0.1 with the production
settings (DEBUG off, secure cookies, HSTS; SECURE_SSL_REDIRECT off because requests arrive as
from a TLS-terminating proxy, X-Forwarded-Proto: https), rate limits raised so one loopback address
can be 50 people, and ACCORD_BENCH_METRICS on for the Server-Timing header. After a short warm-up,
locust runs headless as a subprocess with bench/load_users.py (officers, approvers, the public,
and the /ping baseline, signed in and anonymous, measured in the same run under the same load).

Prints, per request type, the count, errors, conflicts, p50/p95/p99 (client-side, milliseconds)
and the server-side median; the overall p95; the baseline's p95 and the ratio; the CPU time the
server, the database and locust used. Writes bench/results/load-latest.json (and a timestamped
copy). Exits 0 only if no request was an error (bench/load_users.py says what counts as one).
"""

import argparse
import json
import os
import platform
import resource
import signal
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import (  # noqa: E402
    BIN,
    RESULTS,
    ROOT,
    BenchError,
    Client,
    free_port,
    server_env,
    stop_server,
    wait_for_quiet,
    wait_until_healthy,
)
from load_pages import csrf_token  # noqa: E402
from load_pg import Cluster  # noqa: E402
from load_report import cpu_seconds, machine_busy, print_report, summarise  # noqa: E402

DATABASE = "accord_load"
RATE_LIMITS = ("ACCORD_SIGNIN_RATE", "ACCORD_API_RATE", "ACCORD_API_ANON_RATE")


def run(command: list[str], **kwargs: Any) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=ROOT, check=True, **kwargs)


def holds_register(url: str, partnerships: int) -> bool:
    described = subprocess.run(
        [sys.executable, "bench/generate.py", "--partnerships", str(partnerships), "--describe",
         "--database-url", url],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    return described.returncode == 0


def prepare(url: str, args: argparse.Namespace, facts: Path, cluster: Cluster | None) -> None:
    """Generate (or restore) the register into `url` and seed the load's accounts; write `facts`."""
    dump = ROOT / "var" / f"bench-load-{args.partnerships}.pgdump"
    started = time.monotonic()
    generate = [
        sys.executable,
        "bench/generate.py",
        "--partnerships",
        str(args.partnerships),
        "--database-url",
        url,
    ]
    if cluster is not None and dump.exists() and not args.regenerate:
        print(f"Restoring {dump.relative_to(ROOT)} (--regenerate to make it afresh)")
        cluster.restore(DATABASE, dump)
    elif cluster is not None or not holds_register(url, args.partnerships):
        run(generate)
    seed = [sys.executable, "bench/load_seed.py", "--database-url", url, "--out", str(facts)]
    seed += ["--officers", str(max(30, args.users)), "--approvers", str(max(10, args.users // 4))]
    seed += ["--pending", str(args.pending)]
    run(seed)
    if cluster is not None and (args.regenerate or not dump.exists()):
        cluster.dump(DATABASE, dump)
        print(f"Saved {dump.relative_to(ROOT)} for later runs")
    print(f"Database ready in {time.monotonic() - started:.0f} s")


def start_gunicorn(url: str, port: int, workers: int, log: Path) -> subprocess.Popen:
    env = server_env(ROOT / "unused.sqlite3")
    env["DATABASE_URL"] = url
    env.update(dict.fromkeys(RATE_LIMITS, "100000/m"))
    command = [str(BIN / "gunicorn"), "accord.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(workers)]
    # As docs/deploy/accord-web.service runs it (sync workers, its timeout and worker recycling).
    command += ["--worker-class", "sync", "--timeout", "120", "--graceful-timeout", "30"]
    command += ["--max-requests", "2000", "--max-requests-jitter", "200", "--no-control-socket"]
    with log.open("w") as handle:
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT)


def warm_up(port: int, workers: int) -> None:
    """A few unmeasured requests per worker, so the first measured ones do not pay for template
    compilation and the first database connection."""
    client = Client(port)
    client.sign_in()
    for _ in range(workers * 3):
        for path in ("/ping", "/partnerships/", "/partnerships/?q=health", "/public/", "/approvals/"):
            response, _, _ = client.get(path)
            if response.status != 200:
                raise BenchError(f"warm-up: {path} gave {response.status}")


def mix(users: int) -> tuple[int, int, int]:
    """(officers, approvers, public) besides the two baseline users: 40%, 10% and the rest."""
    rest = users - 2
    officers, approvers = max(1, round(rest * 0.4)), max(1, round(rest * 0.1))
    return officers, approvers, rest - officers - approvers


def sign_in_everyone(port: int, facts: Path, users: int, target: Path) -> list[float]:
    """Sign in, through the sign-in page, every account the load will use (two at a time); write
    their cookies to `target` for bench/load_users.py. Returns the sign-ins' times (ms)."""
    known = json.loads(facts.read_text())
    officers, approvers, _ = mix(users)
    accounts = [(name, known["password"]) for name in sorted(known["officers"])[:officers]]
    accounts += [(name, known["password"]) for name in known["approvers"][:approvers]]
    accounts.append((known["admin"]["username"], known["admin"]["password"]))

    def sign_in(account: tuple[str, str]) -> tuple[str, dict[str, str], float]:
        client = Client(port)
        response, content, _ = client.get("/sign-in/")
        token = csrf_token(content.decode())
        form = {"username": account[0], "password": account[1], "csrfmiddlewaretoken": token or ""}
        response, _, elapsed = client.request("POST", "/sign-in/", body=form)
        if response.status != 302 or "sessionid" not in client.cookies:
            raise BenchError(f"signing in as {account[0]} gave {response.status}")
        return account[0], client.cookies, elapsed

    with ThreadPoolExecutor(max_workers=2) as pool:
        done = list(pool.map(sign_in, accounts))
    target.write_text(json.dumps({name: cookies for name, cookies, _ in done}))
    return [elapsed for _, _, elapsed in done]


def run_locust(
    port: int, args: argparse.Namespace, facts: Path, samples: Path, signed_in: Path | None
) -> int:
    env = {**os.environ, "ACCORD_LOAD_DATA": str(facts), "ACCORD_LOAD_SAMPLES": str(samples)}
    env["ACCORD_LOAD_THINK"] = args.think
    env["ACCORD_LOAD_MIX"] = ",".join(map(str, mix(args.users)))
    env.pop("ACCORD_LOAD_SESSIONS", None)
    env["ACCORD_LOAD_INBOX"] = "0" if args.no_inbox else "1"
    if signed_in is not None:
        env["ACCORD_LOAD_SESSIONS"] = str(signed_in)
    command = [
        str(BIN / "locust"), "-f", str(ROOT / "bench" / "load_users.py"), "--headless",
        "-u", str(args.users), "-r", str(args.spawn_rate), "-t", f"{args.seconds}s",
        "--host", f"http://127.0.0.1:{port}", "--stop-timeout", "30", "--only-summary",
        "--csv", str(RESULTS / "load"), "--loglevel", "WARNING",
    ]  # fmt: skip
    with (RESULTS / "load-locust.log").open("w") as log:
        return subprocess.run(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT).returncode


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [pid, *map(int, path.read_text().split())] if path.exists() else [pid]


def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def environment(args: argparse.Namespace) -> dict[str, Any]:
    def version(*command: str) -> str:
        return subprocess.run(command, capture_output=True, text=True).stdout.strip()

    return {
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "gunicorn": version(str(BIN / "gunicorn"), "--version"),
        "locust": version(str(BIN / "locust"), "--version").split("\n")[0],
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "settings": {k: v for k, v in vars(args).items() if k != "database_url"},
        "database": "given by --database-url" if args.database_url else "throwaway PostgreSQL 15 cluster",
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--users", type=int, default=50, help="concurrent users")
    parser.add_argument("--seconds", type=int, default=60, help="how long the load runs")
    parser.add_argument("--partnerships", type=int, default=10_000, help="register size")
    parser.add_argument("--spawn-rate", type=float, default=10, help="users started per second")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers")
    parser.add_argument(
        "--pending", type=int, default=300, help="partnerships awaiting the approvers' decision"
    )
    parser.add_argument("--think", default="1,3", help="seconds between a user's steps: low,high")
    parser.add_argument("--database-url", help="a PostgreSQL database to use instead of a throwaway cluster")
    parser.add_argument(
        "--sign-in-during-load",
        action="store_true",
        help="staff users sign in when they start, inside the measured minute (default: beforehand)",
    )
    parser.add_argument(
        "--no-inbox",
        action="store_true",
        help="approvers find decisions from partnerships' approvals pages, not their list (/approvals/)",
    )
    parser.add_argument("--regenerate", action="store_true", help="generate the register afresh")
    parser.add_argument("--quiet-load", type=float, help="first wait (up to 10 min) for a quieter machine")
    args = parser.parse_args(argv)
    if not (5 <= args.users <= 1000 and 1 <= args.seconds <= 3600 and args.partnerships >= 100):
        parser.error("give 5-1000 users, 1-3600 seconds and at least 100 partnerships")

    # Stopped with SIGTERM (or SIGINT, which background jobs ignore): still stop gunicorn and the cluster.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    RESULTS.mkdir(parents=True, exist_ok=True)
    facts, samples = ROOT / "var" / f"bench-load-{args.partnerships}.json", RESULTS / "load-samples.json"
    samples.unlink(missing_ok=True)
    report: dict[str, Any] = {"environment": environment(args)}
    cluster = None if args.database_url else Cluster(free_port())
    server = None
    try:
        if cluster is not None:
            started = time.monotonic()
            cluster.start()
            cluster.create(DATABASE)
            print(f"PostgreSQL cluster on 127.0.0.1:{cluster.port} in {time.monotonic() - started:.0f} s")
        url = args.database_url or cluster.url(DATABASE)
        prepare(url, args, facts, cluster)
        port, log = free_port(), RESULTS / "load-gunicorn.log"
        print(f"gunicorn on 127.0.0.1:{port} ({args.workers} sync workers)")
        started = time.monotonic()
        server = start_gunicorn(url, port, args.workers, log)
        wait_until_healthy(server, Client(port), log)
        warm_up(port, args.workers)
        print(f"  started and warmed up in {time.monotonic() - started:.0f} s")
        signed_in = None
        if not args.sign_in_during_load:
            started, signed_in = time.monotonic(), ROOT / "var" / "bench-load-sessions.json"
            times = sign_in_everyone(port, facts, args.users, signed_in)
            report["sign_in_before_load_ms"] = {
                "accounts": len(times),
                "median": round(statistics.median(times)),
                "max": round(max(times)),
            }
            print(
                f"  {len(times)} staff accounts signed in (two at a time) in "
                f"{time.monotonic() - started:.0f} s: median {statistics.median(times):.0f} ms each"
            )
        wait_for_quiet(args.quiet_load)
        report["uptime_before"] = uptime()
        pids = {"gunicorn": children(server.pid), "postgres": cluster.backend_pids() if cluster else []}
        cpu_before = {name: cpu_seconds(found) for name, found in pids.items()}
        busy_before = machine_busy()
        print(f"Load: {args.users} users for {args.seconds} s (locust; log in bench/results/load-locust.log)")
        print(f"  {report['uptime_before']}")
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        locust_status = run_locust(port, args, facts, samples, signed_in)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        locust_cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        report["machine_busy"] = machine_busy(busy_before)
        pids["gunicorn"] = children(server.pid)  # a worker restarted during the run is counted too
        report["cpu_seconds"] = {
            name: round(cpu_seconds(found) - cpu_before[name], 1) for name, found in pids.items()
        }
        report["cpu_seconds"]["locust"] = round(locust_cpu, 1)
        report["uptime_after"] = uptime()
    except (BenchError, subprocess.CalledProcessError) as error:
        print(f"Load test failed to run: {error}", file=sys.stderr)
        return 2
    finally:
        if server is not None:
            stop_server(server)
        if cluster is not None:
            cluster.stop()
        (ROOT / "var" / "bench-load-sessions.json").unlink(missing_ok=True)  # throwaway, but tidy
    if not samples.exists():
        print(
            f"locust wrote no samples (exit {locust_status}); see bench/results/load-locust.log",
            file=sys.stderr,
        )
        return 2
    report.update(summarise(json.loads(samples.read_text()), args.seconds))
    report["locust_exit"] = locust_status
    print_report(report)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    label = "load-no-inbox" if args.no_inbox else "load"
    for name in (f"{label}-latest", f"{label}-{stamp}"):
        (RESULTS / f"{name}.json").write_text(json.dumps(report, indent=2) + "\n")
    print(f"\nWrote bench/results/{label}-latest.json and {label}-{stamp}.json")
    return 0 if report["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
