"""bench/load.py's figures: percentiles per request type from the samples bench/load_users.py
records, the baseline ratio, and the CPU the run used."""

import math
import os
import statistics
from collections import Counter
from pathlib import Path
from typing import Any

PING = "ping (signed in)"
PING_ANONYMOUS = "ping (anonymous)"
SIGN_IN = ("sign in (form)", "sign in")
WINDOW = 10  # seconds per slice of the run in the time line
UNANSWERED = "no answer before the load stopped"  # bench/load_users.py's outcome for those
CUT_OFF_MS = 10_000  # an unanswered request younger than this was cut off by the end of the run


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (the smallest value with at least p% of the values at or below it)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def figures(rows: list[list[Any]]) -> dict[str, Any]:
    """rows: [name, started, client ms, status, server ms, outcome]."""
    times = [row[2] for row in rows]
    server = [row[4] for row in rows if row[4] is not None]
    return {
        "requests": len(rows),
        "errors": sum(1 for row in rows if row[5] not in ("ok", "conflict")),
        "conflicts": sum(1 for row in rows if row[5] == "conflict"),
        "p50_ms": round(percentile(times, 50), 1),
        "p95_ms": round(percentile(times, 95), 1),
        "p99_ms": round(percentile(times, 99), 1),
        "max_ms": round(max(times), 1),
        "server_median_ms": round(statistics.median(server), 1) if server else None,
        "server_p95_ms": round(percentile(server, 95), 1) if server else None,
    }


def summarise(samples: list[list[Any]], seconds: int) -> dict[str, Any]:
    """A request locust ended unanswered when the run stopped is an error if it had waited 10 s or
    more; one sent in the last few seconds is only cut off by the end, counted apart and left out."""
    cut_off = [row for row in samples if row[5] == UNANSWERED and row[2] < CUT_OFF_MS]
    samples = [row for row in samples if not (row[5] == UNANSWERED and row[2] < CUT_OFF_MS)]
    if not samples:
        return {"errors": 1, "error_reasons": {"no requests were made": 1}, "pages": {}}
    names = sorted({row[0] for row in samples})
    pages = {name: figures([row for row in samples if row[0] == name]) for name in names}
    work = [row for row in samples if row[0] not in (PING, PING_ANONYMOUS)]
    browsing = [row for row in work if row[0] not in SIGN_IN]
    overall, without_sign_in = figures(work), figures(browsing)
    ping = pages.get(PING)
    start = min(row[1] for row in samples)
    timeline = []
    for slice_start in range(0, seconds + WINDOW, WINDOW):
        rows = [row for row in browsing if slice_start <= row[1] - start < slice_start + WINDOW]
        pings = [
            row[2]
            for row in samples
            if row[0] == PING and slice_start <= row[1] - start < slice_start + WINDOW
        ]
        if rows:
            timeline.append(
                {
                    "from_s": slice_start,
                    "requests": len(rows),
                    "p95_ms": round(percentile([r[2] for r in rows], 95), 1),
                    "ping_p95_ms": round(percentile(pings, 95), 1) if pings else None,
                }
            )
    reasons = Counter(f"{row[0]}: {row[5]}" for row in samples if row[5] not in ("ok", "conflict"))
    return {
        "pages": pages,
        "overall": overall,  # every request but the baseline's
        "overall_without_sign_in": without_sign_in,
        "baseline": {"signed_in": ping, "anonymous": pages.get(PING_ANONYMOUS)},
        "p95_ratio_to_ping": round(overall["p95_ms"] / ping["p95_ms"], 1) if ping else None,
        "p95_ratio_to_ping_without_sign_in": round(without_sign_in["p95_ms"] / ping["p95_ms"], 1)
        if ping
        else None,
        "throughput_per_s": round(len(samples) / (max(row[1] for row in samples) - start or 1), 1),
        "timeline": timeline,
        "errors": sum(page["errors"] for page in pages.values()),
        "cut_off_at_the_end": len(cut_off),
        "conflicts": sum(page["conflicts"] for page in pages.values()),
        "error_reasons": dict(reasons.most_common(20)),
    }


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU seconds the processes have used so far (0 for one that has gone)."""
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def machine_busy(before: tuple[int, int] | None = None) -> Any:
    """(busy, total) jiffies from /proc/stat; given `before`, the share of the machine's CPU time
    that was busy since then, over every CPU (1.0: every CPU busy all the time)."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    idle = values[3] + (values[4] if len(values) > 4 else 0)
    now = (sum(values) - idle, sum(values))
    if before is None:
        return now
    return round((now[0] - before[0]) / max(1, now[1] - before[1]), 2)


def print_report(report: dict[str, Any]) -> None:
    print()
    header = f"{'request':<22}{'count':>7}{'errors':>7}{'confl.':>7}"
    header += f"{'p50':>8}{'p95':>8}{'p99':>8}{'server p50':>11}"
    print(header + "   (ms)")
    print("-" * len(header))
    rows = [*report["pages"].items(), ("ALL (but baseline)", report["overall"])]
    rows.append(("ALL but sign-in", report["overall_without_sign_in"]))
    for name, page in rows:
        server = "" if page["server_median_ms"] is None else f"{page['server_median_ms']:.1f}"
        print(
            f"{name:<22}{page['requests']:>7}{page['errors']:>7}{page['conflicts']:>7}"
            f"{page['p50_ms']:>8.0f}{page['p95_ms']:>8.0f}{page['p99_ms']:>8.0f}{server:>11}"
        )
    print()
    ping = report["baseline"]["signed_in"]
    print(
        f"Throughput: {report['throughput_per_s']} requests/s; CPU seconds used: {report.get('cpu_seconds')}"
    )
    print(f"Machine busy during the load: {report.get('machine_busy', 0):.0%} of all CPUs")
    if ping:
        print(
            f"Overall p95 {report['overall']['p95_ms']:.0f} ms = {report['p95_ratio_to_ping']}× the baseline "
            f"(/ping signed in, p95 {ping['p95_ms']:.0f} ms, same run); without sign-in "
            f"{report['overall_without_sign_in']['p95_ms']:.0f} ms = "
            f"{report['p95_ratio_to_ping_without_sign_in']}×"
        )
    print("Time line (10 s slices, p95 ms of the load / of /ping):")
    print(
        "  "
        + "  ".join(
            f"{t['from_s']}s: {t['p95_ms']:.0f}/{t['ping_p95_ms'] or 0:.0f}" for t in report["timeline"]
        )
    )
    if report.get("cut_off_at_the_end"):
        print(f"({report['cut_off_at_the_end']} requests sent in the last seconds were cut off by the end)")
    if report["errors"]:
        print(f"FAIL  {report['errors']} errors:")
        for reason, count in report["error_reasons"].items():
            print(f"  {count:>5}  {reason}")
    else:
        print(
            f"PASS  zero errors ({report['conflicts']} conflicts: the application refusing a stale save, "
            "as designed)"
        )
