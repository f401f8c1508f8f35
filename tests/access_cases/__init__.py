"""URL cases for the access test (tests/test_access.py), one module per area so each area lists its own.

Each module has `cases(world) -> list[(url name, url, partnership or None)]`; a case may create the
objects its URL points at (the access test runs with the database).
"""

from . import api, monitoring, public, reminders, reports, representation, reviews, transfer

AREAS = (monitoring, reviews, representation, reminders, reports, public, transfer, api)


def cases(world) -> list[tuple[str, str, object]]:
    found: list[tuple[str, str, object]] = []
    for area in AREAS:
        found += area.cases(world)
    return found
