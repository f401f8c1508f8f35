"""Django system check: the council's chosen framework file loads and validates on start-up; and
the web application refuses to start without it (accord.wsgi), saying which file and line is wrong."""

import sys

from django.core.checks import Error, register

from . import loader


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


def refuse_to_start_without_a_valid_framework() -> None:
    """Stop the process with the check's message (no traceback) when the framework does not load."""
    errors = framework_is_valid(None)
    if errors:
        lines = [f"{error.msg}\n({error.hint})" for error in errors]
        sys.exit("Accord cannot start: the council's framework does not load.\n" + "\n".join(lines))
