"""URL cases for the access test (tests/test_access.py), one module per area so each area lists its own.

Each area module (every module here but `world`, `answers`, `fingerprint` and `operations`, found
automatically) has `cases(world) -> list[(url name, url, partnership or None)]`; a case may create
the objects its URL points at (the access test runs with the database). An area whose URLs answer
an allowed GET with something other than a page (a redirect, a 400) declares it in
`ALLOWED_ANSWERS: dict[url name, answers.Answer]`.
"""

import pkgutil
from importlib import import_module
from types import ModuleType

from .answers import Answer

HELPERS = {"world", "answers", "fingerprint", "operations"}


def areas() -> list[ModuleType]:
    names = sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name not in HELPERS)
    return [import_module(f"{__name__}.{name}") for name in names]


def cases(world) -> list[tuple[str, str, object]]:
    found: list[tuple[str, str, object]] = []
    for area in areas():
        found += area.cases(world)
    return found


def allowed_answers() -> dict[str, Answer]:
    """Every declared exception to "an allowed GET answers 200", from world.py and each area."""
    from . import world

    found = dict(world.ALLOWED_ANSWERS)
    for area in areas():
        found.update(getattr(area, "ALLOWED_ANSWERS", {}))
    return found
