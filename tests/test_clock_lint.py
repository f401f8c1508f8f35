"""Nothing in Accord reads the real clock except `accord.kernel.clock` (ADR 0020): a date computed from
`date.today()` in some corner would not move when tests move the clock, and would make a figure
depend on the day the suite happens to run."""

import ast
from pathlib import Path

ACCORD = Path(__file__).resolve().parents[1] / "accord"
ALLOWED = {ACCORD / "kernel" / "clock.py"}
# (object, attribute) calls that read the clock.
CLOCK_READS = {
    ("date", "today"),
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("datetime", "today"),
    ("timezone", "now"),
    ("time", "time"),
}


def _reads_clock(node: ast.Call) -> str | None:
    func = node.func
    if not isinstance(func, ast.Attribute):
        return None
    owner = func.value.attr if isinstance(func.value, ast.Attribute) else getattr(func.value, "id", "")
    if (owner, func.attr) in CLOCK_READS:
        return f"{owner}.{func.attr}()"
    if owner == "timezone" and func.attr == "localdate" and not node.args and not node.keywords:
        return "timezone.localdate()"
    return None


def clock_reads() -> list[str]:
    found = []
    for path in sorted(ACCORD.rglob("*.py")):
        if path in ALLOWED or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Call) and (read := _reads_clock(node)):
                found.append(f"{path.relative_to(ACCORD.parent)}:{node.lineno}: {read}")
    return found


def test_only_accord_clock_reads_the_clock():
    assert clock_reads() == [], "Read the date through accord.kernel.clock:\n" + "\n".join(clock_reads())


def test_the_lint_finds_a_clock_read(tmp_path):
    tree = ast.parse("from datetime import date\nx = date.today()\ny = timezone.localdate()\n")
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call)]
    assert sorted(filter(None, map(_reads_clock, calls))) == ["date.today()", "timezone.localdate()"]
