"""`accord framework versions|preview|adopt` (ADR 0035): the versions page, the preview and the
adoption at the command line. Every refusal is a CommandError: one line, exit 1, no traceback."""

from datetime import date

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accord.frameworks import adoption, impact, versions
from accord.kernel.accounts.policy import Action, can
from accord.register.models import Partnership


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise CommandError(f"--on must be a date like 2027-04-01, not '{text}'") from error


def _rows(framework_id: str) -> list[versions.VersionRow]:
    try:
        return versions.rows(framework_id)
    except (KeyError, ValueError) as error:
        raise CommandError(str(error).strip("'\"")) from error


def versions_listing(framework_id: str) -> list[str]:
    lines = []
    for row in _rows(framework_id):
        if row.in_force:
            status = "in force" + (
                f" since {adoption.long_date(row.since.takes_effect_on)} (adopted by {row.since.by})"
                if row.since
                else ""
            )
        elif row.pending:
            status = f"adopted, takes effect on {adoption.long_date(row.pending.takes_effect_on)}"
        else:
            status = "no longer in force" if row.last_adopted else "never adopted"
        changed = "; the file has changed since it was adopted" if row.changed_since_adoption else ""
        lines.append(f"{row.version:<10} {row.file_name:<32} {status}{changed}")
    return lines


def list_versions(command: BaseCommand, framework_id: str) -> None:
    for line in versions_listing(framework_id):
        command.stdout.write(line)


def preview(command: BaseCommand, framework_id: str, version: str, on: str) -> None:
    day = _day(on)
    _rows(framework_id)
    try:
        adoption.check_date(day)
        found = adoption.preview(framework_id, version, day)
    except KeyError as error:
        raise CommandError(str(error).strip("'\"")) from error
    except adoption.AdoptionError as error:
        raise CommandError(str(error)) from error
    command.stdout.write(
        f"Version {found.version_after} against version {found.version_before} on {adoption.long_date(day)}: "
        f"{len(found.changes)} of {found.partnerships_checked} open partnerships affected."
    )
    for line in found.summary:
        command.stdout.write(f"  {line}")
    names = dict(Partnership.objects.filter(pk__in=list(found.changes)).values_list("pk", "name"))
    for kind, items in found.by_kind().items():
        command.stdout.write(f"{impact.KINDS[kind]} ({len(items)}):")
        for pk, change in items:
            moved = f": {change.before or '—'} → {change.after or '—'}"
            command.stdout.write(f"  {names.get(pk, pk)} — {change.what}{moved}")


def adopt(command: BaseCommand, framework_id: str, version: str, on: str, reason: str, by: str) -> None:
    day = _day(on)
    _rows(framework_id)
    user = get_user_model().objects.filter(username=by, is_active=True).first()
    if user is None:
        raise CommandError(f"No active user '{by}'")
    if not can(user, Action.ADOPT_FRAMEWORK_VERSION):
        raise CommandError(f"{by} is not an administrator: only an administrator may adopt a version")
    try:
        row = adoption.adopt(user, framework_id, version, day, reason)
    except KeyError as error:
        raise CommandError(str(error).strip("'\"")) from error
    except adoption.AdoptionError as error:
        raise CommandError(str(error)) from error
    command.stdout.write(
        f"Adopted {framework_id} version {row.version}: it takes effect on {adoption.long_date(day)}."
    )
