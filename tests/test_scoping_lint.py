"""A lint: views never query partnership data directly; they start from the policy's scoped querysets."""

import re
from pathlib import Path

ACCORD = Path(__file__).resolve().parents[1] / "accord"
PARTNERSHIP_DATA = (
    "Partnership",
    "Membership",
    "PartnershipRole",
    "Contribution",
    "PriorityLink",
    "SearchTerm",
)
UNSCOPED = re.compile(r"\b(" + "|".join(PARTNERSHIP_DATA) + r")\.objects\b")


def view_modules() -> list[Path]:
    return sorted(p for p in ACCORD.rglob("*.py") if "views" in p.parts or p.name == "views.py")


def test_views_do_not_query_partnership_data_without_the_policy():
    assert view_modules(), "no view modules found: the lint would pass vacuously"
    offenders = [
        f"{path.relative_to(ACCORD.parent)}:{number}: {line.strip()}"
        for path in view_modules()
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if UNSCOPED.search(line)
    ]
    assert not offenders, "Use accord.register.access.visible_partnerships() instead:\n" + "\n".join(
        offenders
    )
