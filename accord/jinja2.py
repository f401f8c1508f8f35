"""The Jinja2 environment: GOV.UK Frontend macros (govuk-frontend-jinja) plus Accord's helpers."""

from django.conf import settings
from django.contrib import messages
from django.templatetags.static import static
from django.urls import reverse
from jinja2 import ChoiceLoader, Environment, PackageLoader, PrefixLoader

from accord.kernel.accounts.policy import Action, can
from accord.kernel.ui import components, formatting
from accord.register.tabs import visible_tabs


def url(name: str, *args, **kwargs) -> str:
    return reverse(name, args=args or None, kwargs=kwargs or None)


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
        }
    )
    return env
