"""The Jinja2 environment: GOV.UK Frontend macros (govuk-frontend-jinja) plus Accord's helpers."""

from django.conf import settings
from django.contrib import messages
from django.templatetags.static import static
from django.urls import reverse
from jinja2 import ChoiceLoader, Environment, PackageLoader, PrefixLoader, pass_context

from accord.frameworks import citations, loader, stage_names
from accord.frameworks.schema import Framework
from accord.kernel.accounts.policy import Action, can
from accord.kernel.ui import components, formatting
from accord.register.tabs import visible_tabs


def url(name: str, *args, **kwargs) -> str:
    return reverse(name, args=args or None, kwargs=kwargs or None)


def page_framework(context) -> Framework:
    """The framework a template works under: the one the page was given, or its request's."""
    framework = context.get("framework")
    if not isinstance(framework, Framework):
        request = context.get("request")
        # a page works under its request's framework; an email or document rendered away from a
        # request, under the council's framework (this is a boundary: ADR 0026)
        framework = loader.for_request(request) if request is not None else loader.current()
    return framework


@pass_context
def cite(context, value: str | None) -> str:
    """A framework citation in the user's words (the document's title, never its file name)."""
    return citations.display(value, page_framework(context))


@pass_context
def stage(context, state: str) -> str:
    """A state of the cycle by the name the framework gives its stage ("Partnership in operation")."""
    return stage_names.stage_name(page_framework(context), state)


def environment(**options) -> Environment:
    options["loader"] = ChoiceLoader(
        [
            options["loader"],
            PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
        ]
    )
    options.setdefault("extensions", ["jinja2.ext.do"])
    env = Environment(**options)
    env.globals.update(
        {
            "url": url,
            "static": static,
            "can": can,
            "Action": Action,
            "settings": settings,
            "get_messages": messages.get_messages,
            "field": components.field,
            "component": components.component,
            "error_summary": components.error_summary_params,
            "summary_row": components.summary_row,
            "link": components.link,
            "tag": components.tag,
            "obligation_tag": components.obligation_tag,
            "partnership_tabs": visible_tabs,  # registered by each app (accord.register.tabs)
        }
    )
    env.filters.update(
        {
            "money": formatting.money,
            "govuk_date": formatting.govuk_date,
            "govuk_datetime": formatting.govuk_datetime,
            "yesno": formatting.yesno,
            "blank": formatting.blank,
            "cite": cite,
            "stage": stage,
        }
    )
    return env
