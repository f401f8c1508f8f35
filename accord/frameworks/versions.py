"""Which version of a framework is in force on a day, when several files define it (ADR 0035).

A new version takes effect only once an administrator adopts it, from a chosen day
(`FrameworkAdoption`). The rules, as pure functions of the adoptions and the day:

- an adoption replaces any adoption still pending when it was made (taking effect after the day it
  was made) that is of the same version (a new date) or would take effect on or after it (so
  adopting the version in force again, from today, withdraws a pending one);
- of the adoptions left, the one taking effect last on or before the day is in force;
- before any adoption takes effect, the lowest version is in force: the one the council was
  working under before the new file was added (a fresh install with one file needs no adoption).

`choose` is what `loader.get` calls when several files define one id (registered with
`loader.set_chooser` when the app starts): the only place the database is read to find the framework,
so the common case of one file stays free of queries.
"""

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError

from accord.kernel import clock

from . import loader
from .models import FrameworkAdoption
from .schema import Framework


@dataclass(frozen=True)
class Adopted:
    """An adoption as the rules see it (`order`: later adoptions are larger)."""

    version: str
    takes_effect_on: date
    adopted_on: date
    order: int
    sha256: str = ""
    by: str = ""
    reason: str = ""


def version_key(version: str) -> tuple[tuple[int, int | str], ...]:
    """Versions in numeric order: "1.10" after "1.9"; words after numbers."""
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in re.split(r"[.\-_ ]", version))


def standing(adoptions: Sequence[Adopted]) -> list[Adopted]:
    """The adoptions no later adoption replaced, in the order they were made."""
    kept: list[Adopted] = []
    for new in sorted(adoptions, key=lambda a: a.order):
        kept = [
            old
            for old in kept
            if not (
                old.takes_effect_on > new.adopted_on
                and (old.version == new.version or old.takes_effect_on >= new.takes_effect_on)
            )
        ]
        kept.append(new)
    return kept


def adoption_in_force(adoptions: Sequence[Adopted], day: date) -> Adopted | None:
    effective = [a for a in standing(adoptions) if a.takes_effect_on <= day]
    return max(effective, key=lambda a: (a.takes_effect_on, a.order), default=None)


def pending(adoptions: Sequence[Adopted], day: date) -> list[Adopted]:
    """Adoptions still to take effect, soonest first."""
    waiting = [a for a in standing(adoptions) if a.takes_effect_on > day]
    return sorted(waiting, key=lambda a: a.takes_effect_on)


def version_in_force(versions: Sequence[str], adoptions: Sequence[Adopted], day: date) -> str:
    """The version in force on `day` among the versions the files define."""
    chosen = adoption_in_force([a for a in adoptions if a.version in versions], day)
    return chosen.version if chosen else min(versions, key=version_key)


# The Django side ----------------------------------------------------------------------------------


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def files_by_version(framework_id: str, paths: Sequence[Path] | None = None) -> dict[str, Path]:
    """version -> the file defining it. Raises KeyError when none does, ValueError when two files
    give the same version."""
    paths = loader.files_for(framework_id) if paths is None else paths
    if not paths:
        loader.get(framework_id)  # raises KeyError naming the frameworks there are
    found: dict[str, Path] = {}
    for path in paths:
        version = loader.load_file(path).version
        if version in found:
            raise ValueError(
                f"Two files define version {version} of the framework '{framework_id}': "
                f"{found[version].name} and {path.name}. Give the new file a new version."
            )
        found[version] = path
    return found


def adoptions(framework_id: str) -> list[Adopted]:
    """Every adoption of this framework, in the order made (one query)."""
    rows = FrameworkAdoption.objects.filter(framework_id=framework_id).order_by("at", "id")
    return [
        Adopted(
            row.version,
            row.takes_effect_on,
            clock.local_date(row.at),
            row.pk,
            row.sha256,
            row.recorded_by_name,
            row.reason,
        )
        for row in rows
    ]


def _adoptions_if_any(framework_id: str) -> list[Adopted]:
    try:
        return adoptions(framework_id)
    except DatabaseError:  # not migrated yet (a check before `migrate`): nothing has been adopted
        return []


def choose(framework_id: str, paths: list[Path]) -> Framework:
    """The framework in force today among several files defining one id (`loader.get`'s hook).

    Files are parsed once per change (loader's cache); the adoptions are read afresh, one small
    query, so an adoption made by any process takes effect at once."""
    by_version = files_by_version(framework_id, paths)
    version = version_in_force(list(by_version), _adoptions_if_any(framework_id), clock.today())
    return loader.load_file(by_version[version])


def in_force_on(framework_id: str, day: date) -> Framework:
    """The framework in force on another day (a preview of a date ahead)."""
    by_version = files_by_version(framework_id)
    if len(by_version) == 1:
        return loader.get(framework_id)
    version = version_in_force(list(by_version), _adoptions_if_any(framework_id), day)
    return loader.load_file(by_version[version])


def candidate(framework_id: str, version: str) -> Framework:
    """One version of a framework by its version. Raises KeyError when no file defines it."""
    by_version = files_by_version(framework_id)
    if version not in by_version:
        raise KeyError(f"No file defines version {version} of the framework '{framework_id}'")
    return loader.load_file(by_version[version])


def current_id() -> str:
    """The id of the council's framework (ACCORD_FRAMEWORK names an id, or a file declaring one)."""
    chosen = settings.ACCORD_FRAMEWORK
    return loader.load_file(Path(chosen)).id if loader.is_file_setting(chosen) else chosen


@dataclass(frozen=True)
class VersionRow:
    """One version found, for the versions page and `accord framework versions`."""

    version: str
    file_name: str
    in_force: bool
    since: Adopted | None  # the adoption that put it in force, if one did
    pending: Adopted | None  # an adoption still to take effect
    last_adopted: Adopted | None
    changed_since_adoption: bool  # the file's contents differ from those adopted


def rows(framework_id: str) -> list[VersionRow]:
    """Every version found for this framework, highest first, with its adoption status today."""
    by_version = files_by_version(framework_id)
    found = [a for a in adoptions(framework_id) if a.version in by_version]
    today = clock.today()
    in_force = version_in_force(list(by_version), found, today)
    since = adoption_in_force(found, today)
    waiting = pending(found, today)
    result = []
    for version, path in sorted(by_version.items(), key=lambda item: version_key(item[0]), reverse=True):
        mine = [a for a in found if a.version == version]
        last = mine[-1] if mine else None
        result.append(
            VersionRow(
                version,
                path.name,
                version == in_force,
                since if since and since.version == version and version == in_force else None,
                next((a for a in waiting if a.version == version), None),
                last,
                bool(last and last.sha256 != sha256_of(path)),
            )
        )
    return result


def changed_files(framework_id: str) -> list[str]:
    """Warnings for adopted files whose contents changed after they were adopted."""
    return [
        f"{row.file_name} (version {row.version}) has changed since it was adopted on "
        f"{row.last_adopted.adopted_on:%-d %B %Y}; Accord uses it as it is now."
        for row in rows(framework_id)
        if row.changed_since_adoption and row.last_adopted
    ]
