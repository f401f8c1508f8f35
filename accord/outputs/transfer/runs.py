"""An import run from upload to outcome: the steps the pages and the command share."""

import logging

from django.db import DatabaseError

from accord.frameworks.schema import Framework
from accord.kernel import clock
from accord.kernel.accounts.models import User
from accord.kernel.audit.service import actor_name
from accord.register.services import Finished, StaleEdit

from . import defaults as assume
from . import mapping as maps
from .assumptions import ImportChoices
from .commit import ImportRefused, commit
from .models import ImportRun, Outcome
from .plan import Plan, build
from .reading import Workbook, read

MAX_NAME = 255
# What writing can raise when the register changed under the import or refused a value: the
# transaction is rolled back, and the page or the command says so (never a traceback).
WRITE_FAILURES = (DatabaseError, ValueError, LookupError, StaleEdit, Finished)
log = logging.getLogger(__name__)


class ImportFailed(Exception):
    """Something went wrong while writing: the transaction was rolled back and nothing was written."""


def start(actor, file_name: str, content: bytes) -> ImportRun:
    """Check and keep an uploaded file (FileProblem if it cannot be imported); map its columns as
    remembered or guessed."""
    workbook = read(file_name, content)
    return ImportRun.objects.create(
        started_by=actor if isinstance(actor, User) and actor.pk else None,
        started_by_name=actor_name(actor),
        file_name=file_name[-MAX_NAME:],
        kind=workbook.kind,
        content=content,
        mapping=maps.suggested(workbook),
        defaults=assume.council_defaults(),
    )


def workbook_of(run: ImportRun) -> Workbook:
    return read(run.file_name, bytes(run.content))


def choices_of(run: ImportRun) -> ImportChoices:
    return ImportChoices(dict(run.defaults), run.status_rule, dict(run.duplicates))


def set_mapping(
    run: ImportRun,
    workbook: Workbook,
    chosen: maps.Mapping,
    defaults: dict[str, str] | None = None,
    status_rule: str | None = None,
) -> None:
    run.mapping = chosen
    if defaults is not None:
        run.defaults = defaults
    if status_rule:
        run.status_rule = status_rule
    run.save(update_fields=["mapping", "defaults", "status_rule"])
    maps.remember(workbook, chosen)


def set_duplicates(run: ImportRun, answers: dict[str, str]) -> None:
    run.duplicates = answers
    run.save(update_fields=["duplicates"])


def preview(run: ImportRun, framework: Framework, workbook: Workbook | None = None) -> Plan:
    return build(
        run.file_name, workbook or workbook_of(run), run.mapping, choices=choices_of(run), framework=framework
    )


def _finish(run: ImportRun, plan: Plan, outcome: str, message: str = "") -> None:
    run.outcome = outcome
    run.finished_at = clock.now()
    run.counts = plan.counts()
    run.organisations_created = len(plan.new_organisations) if outcome == Outcome.IMPORTED else 0
    run.problems = len(plan.problems)
    run.message = message
    if outcome == Outcome.IMPORTED:
        run.content = b""  # the register holds what it said now
    run.save()


def import_now(run: ImportRun, actor, framework: Framework) -> Plan:
    """All or nothing; ImportRefused (with the plan) if the file still has problems."""
    try:
        plan = commit(actor, run.file_name, workbook_of(run), run.mapping, choices_of(run), framework)
    except ImportRefused as refused:
        _finish(run, refused.plan, Outcome.REFUSED, str(refused))
        raise
    except WRITE_FAILURES as problem:
        log.exception("Import of %s failed", run.file_name)
        run.outcome, run.finished_at = Outcome.REFUSED, clock.now()
        run.message = f"The import failed and nothing was written: {problem}"[:2000]
        run.save(update_fields=["outcome", "finished_at", "message"])
        raise ImportFailed(run.message) from problem
    _finish(run, plan, Outcome.IMPORTED)
    return plan
