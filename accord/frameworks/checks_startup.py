"""Django system checks: the council's chosen framework file loads and validates on start-up (and
the web application refuses to start without it, accord.wsgi, saying which file and line is wrong);
an adopted version's file has not changed since it was adopted (ADR 0035)."""

import sys

from django.core import checks as django_checks
from django.core.checks import Error, register
from django.db import DatabaseError

from . import loader, versions


@register()
def framework_is_valid(app_configs, **kwargs):
    try:
        loader.current()
    except KeyError as error:
        return [
            Error(
                str(error).strip("'\""),
                hint="Set ACCORD_FRAMEWORK to a bundled framework, one in ACCORD_FRAMEWORKS_DIR or a file.",
                id="accord.E001",
            )
        ]
    except ValueError as error:
        return [
            Error(str(error), hint="Run `accord framework validate` for every problem.", id="accord.E002")
        ]
    return []


@register()
def adopted_files_unchanged(app_configs, **kwargs):
    """Warn when a version's file changed after it was adopted: Accord keeps using it as it is now.
    Only when several files define the framework (one file needs no adoption and no database)."""
    try:
        framework_id = versions.current_id()
        if len(loader.files_for(framework_id)) < 2:
            return []
        found = versions.changed_files(framework_id)
    except (KeyError, ValueError, DatabaseError):
        return []  # an invalid framework is the check above's; a database not yet migrated has no adoptions
    return [
        django_checks.Warning(
            text,
            hint="Adopt the file again (accord framework adopt) once the council has approved the change.",
            id="accord.W010",
        )
        for text in found
    ]


def refuse_to_start_without_a_valid_framework() -> None:
    """Stop the process with the check's message (no traceback) when the framework does not load."""
    errors = framework_is_valid(None)
    if errors:
        lines = [f"{error.msg}\n({error.hint})" for error in errors]
        sys.exit("Accord cannot start: the council's framework does not load.\n" + "\n".join(lines))
