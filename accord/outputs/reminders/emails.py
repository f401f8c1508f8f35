"""Reminder emails: plain text and HTML from the same context, in plain English, with a link to
each item and the council's name."""

from datetime import date

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import get_template
from django.urls import reverse

from accord.frameworks.schema import Framework

from . import planner


def absolute(path: str) -> str:
    return settings.ACCORD_BASE_URL.rstrip("/") + path


def subject(message: planner.Message) -> str:
    overdue = sum(1 for i in message.reminders if i.status == planner.OVERDUE)
    soon = len(message.reminders) - overdue
    parts = []
    if overdue:
        parts.append(f"{overdue} overdue")
    if soon:
        parts.append(f"{soon} due soon")
    if message.escalations:
        parts.append(f"{len(message.escalations)} escalated to you")
    return f"{settings.COUNCIL_NAME} partnerships: {', '.join(parts)}"


def _line(item: planner.Item, today: date) -> dict:
    days = item.days_overdue(today)
    if days:
        when = f"was due {item.due.strftime('%-d %B %Y')} ({days} day{'s' if days != 1 else ''} overdue)"
    else:
        left = (item.due - today).days
        when = f"is due {item.due.strftime('%-d %B %Y')}" + (
            " (today)" if left == 0 else f" (in {left} day{'s' if left != 1 else ''})"
        )
    return {"item": item, "when": when, "url": absolute(item.path)}


MAX_LISTED = 10  # items listed in each part of an email; the rest are counted, and all are in My work


def _listed(lines: list, today: date, owners=None) -> tuple[list[dict], int]:
    """The first MAX_LISTED items as lines of the email, and how many more there are."""
    shown = []
    for item in lines[:MAX_LISTED]:
        line = _line(item, today)
        if owners is not None:
            named = owners.get((item.partnership_id, item.key), ())
            line["owners"] = ", ".join(o.name for o in named) or "nobody (no owner has an email address)"
        shown.append(line)
    return shown, max(0, len(lines) - MAX_LISTED)


def context(message: planner.Message, today: date, *, framework: Framework) -> dict:
    rules = planner.rules_for(framework)
    overdue, overdue_more = _listed([i for i in message.reminders if i.status == planner.OVERDUE], today)
    due_soon, due_soon_more = _listed([i for i in message.reminders if i.status != planner.OVERDUE], today)
    escalated, escalated_more = _listed(message.escalations, today, message.owners)
    return {
        "name": message.recipient.name,
        "council": settings.COUNCIL_NAME,
        "service": settings.SERVICE_NAME,
        "overdue": overdue,
        "overdue_more": overdue_more,
        "due_soon": due_soon,
        "due_soon_more": due_soon_more,
        "escalated": escalated,
        "escalated_more": escalated_more,
        "escalate_after": _days(rules.escalate_after),
        "my_work": absolute(reverse("my-work")),
        "today": today,
    }


def _days(duration: str) -> str:
    """P14D → '14 days', P2W → '2 weeks', P1M → '1 month' (as the framework writes it)."""
    number = "".join(ch for ch in duration if ch.isdigit())
    unit = {"D": "day", "W": "week", "M": "month", "Y": "year"}.get(duration[-1:], "day")
    return f"{number} {unit}{'' if number == '1' else 's'}"


def build(
    message: planner.Message, today: date, templates=None, *, framework: Framework
) -> EmailMultiAlternatives:
    text, html = templates or (get_template("reminders/email.txt"), get_template("reminders/email.html"))
    data = context(message, today, framework=framework)
    email = EmailMultiAlternatives(
        subject=subject(message),
        body=text.render(data),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[message.recipient.email],
    )
    email.attach_alternative(html.render(data), "text/html")
    return email


def build_all(
    messages: list[planner.Message], today: date, *, framework: Framework
) -> list[EmailMultiAlternatives]:
    templates = (get_template("reminders/email.txt"), get_template("reminders/email.html"))
    return [build(message, today, templates, framework=framework) for message in messages]
