"""Django system check: the council's chosen framework file loads and validates on start-up."""

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
