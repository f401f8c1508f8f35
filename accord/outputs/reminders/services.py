"""Sending today's reminders: gather what is due, plan who hears about it, claim each item in
`ReminderLog`, then send one email per person.

Claiming before sending makes the run safe to repeat and to overlap: the log's unique constraint
lets one run write an item for a person, kind and day, and a run sends only the items its own rows
claimed. If an email cannot be sent its claims are let go, so the next run tries again.
"""

import logging
import secrets
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.mail import mailers
from django.db import connection, transaction

from accord.frameworks.schema import Framework
from accord.kernel import clock

from . import duties, emails, gather, planner
from .models import ReminderLog

logger = logging.getLogger(__name__)
KEEP_DAYS = 400  # the log says who was reminded of what for a year and a month, then is pruned


def _n(count: int, thing: str) -> str:
    return f"{count:,} {thing}{'' if count == 1 else 's'}"


@dataclass
class Summary:
    day: date
    partnerships: int = 0
    items: Counter[str] = field(default_factory=Counter)  # by status
    messages: int = 0
    sent: int = 0
    reminders: int = 0
    escalations: int = 0
    already_sent: int = 0
    failed: int = 0
    unowned: int = 0  # due or overdue items nobody can be emailed about
    dry_run: bool = False
    planned: list[planner.Message] = field(default_factory=list)

    def lines(self) -> list[str]:
        verb = "Would send" if self.dry_run else "Sent"
        count = self.messages if self.dry_run else self.sent
        overdue, soon = self.items[planner.OVERDUE], self.items[planner.DUE_SOON]
        lines = [
            f"Reminders for {self.day.isoformat()}: {_n(self.partnerships, 'open partnership')}; "
            f"{_n(overdue, 'item')} overdue, {soon:,} due soon.",
            f"{verb} {_n(count, 'email')} ({_n(self.reminders, 'reminder')}, "
            f"{_n(self.escalations, 'escalation')}).",
        ]
        if self.already_sent:
            lines.append(f"{_n(self.already_sent, 'reminder')} already sent today, not repeated.")
        if self.unowned:
            lines.append(f"{_n(self.unowned, 'due or overdue item')} with no owner who can be emailed.")
        if self.failed:
            lines.append(f"{_n(self.failed, 'email')} could not be sent; the next run will try again.")
        return lines

    def as_dict(self) -> dict[str, str | int]:
        return {
            "day": self.day.isoformat(),
            "partnerships": self.partnerships,
            "overdue": self.items[planner.OVERDUE],
            "due_soon": self.items[planner.DUE_SOON],
            "emails": self.sent,
            "reminders": self.reminders,
            "escalations": self.escalations,
            "already_sent": self.already_sent,
            "failed": self.failed,
            "unowned": self.unowned,
        }


def plan_day(
    today: date, dry_run: bool = False, *, framework: Framework
) -> tuple[Summary, list[planner.Message]]:
    """Everything due across the open partnerships, planned into today's messages."""
    rules = planner.rules_for(framework)
    partnerships = gather.open_partnerships()
    unowned: list[planner.Item] = []
    summary = Summary(today, partnerships.count(), dry_run=dry_run)
    owned = []
    for entry in gather.owned_items(framework, rules, partnerships, today, unowned, due_only=True):
        summary.items[entry.item.status] += 1
        owned.append(entry)
    for entry in duties.owned_items(framework, today, due_only=True):  # the council's own duties
        summary.items[entry.item.status] += 1
        if not entry.owners:
            unowned.append(entry.item)
        owned.append(entry)
    summary.unowned = len(unowned)
    already = set(
        ReminderLog.objects.filter(sent_on=today).values_list("email", "partnership_id", "item_key", "kind")
    )
    messages = planner.plan(owned, today, rules, already)
    possible = planner.plan(owned, today, rules) if already else messages
    summary.already_sent = sum(len(m.entries()) for m in possible) - sum(len(m.entries()) for m in messages)
    return summary, messages


COLUMNS = (
    "recipient_id",
    "person_id",
    "email",
    "partnership_id",
    "item_key",
    "due_on",
    "kind",
    "sent_on",
    "run",
)
ROWS_A_STATEMENT = 500


def _insert_ignoring_conflicts(rows: Sequence[tuple[int | str | None, ...]]) -> None:
    """INSERT ... ON CONFLICT DO NOTHING (SQLite and PostgreSQL), many rows a statement. Django's
    bulk_create builds and prepares a model instance per row, which for the tens of thousands of
    entries a large register can have each day costs more than working out the obligations."""
    ops = connection.ops
    names = (*COLUMNS, "created_at")
    table = ops.quote_name(ReminderLog._meta.db_table)
    columns = ", ".join(ops.quote_name(name) for name in names)
    one = "(" + ", ".join(["%s"] * len(names)) + ")"
    now = ops.adapt_datetimefield_value(clock.now())
    with connection.cursor() as cursor:
        for start in range(0, len(rows), ROWS_A_STATEMENT):
            chunk = rows[start : start + ROWS_A_STATEMENT]
            values = ", ".join([one] * len(chunk))
            cursor.execute(
                f"INSERT INTO {table} ({columns}) VALUES {values} ON CONFLICT DO NOTHING",
                [value for row in chunk for value in (*row, now)],
            )


def _claim(messages: list[planner.Message], today: date) -> tuple[str, set[planner.Sent]]:
    """Write a log row for every entry; rows another run wrote first are skipped. Returns this run's
    id and the entries it claimed."""
    run = secrets.token_hex(8)
    ops = connection.ops
    day = ops.adapt_datefield_value(today)
    dates: dict[date, str | None] = {}
    rows: list[tuple[int | str | None, ...]] = []
    for message in messages:
        recipient = message.recipient
        for item, kind in message.entries():
            due = dates.get(item.due) or dates.setdefault(item.due, ops.adapt_datefield_value(item.due))
            rows.append(
                (
                    recipient.user_id,
                    recipient.person_id,
                    recipient.email,
                    item.partnership_id,
                    item.key,
                    due,
                    kind,
                    day,
                    run,
                )
            )
    with transaction.atomic():
        _insert_ignoring_conflicts(rows)
    claimed: set[planner.Sent] = set(
        ReminderLog.objects.filter(sent_on=today, run=run).values_list(
            "email", "partnership_id", "item_key", "kind"
        )
    )
    return run, claimed


def _only_claimed(message: planner.Message, claimed: set[planner.Sent]) -> planner.Message:
    email = message.recipient.email
    return planner.Message(
        message.recipient,
        [i for i in message.reminders if (email, i.partnership_id, i.key, planner.REMINDER) in claimed],
        [i for i in message.escalations if (email, i.partnership_id, i.key, planner.ESCALATION) in claimed],
        message.owners,
    )


def send_reminders(today: date, dry_run: bool = False, *, framework: Framework) -> Summary:
    """Email every owner their items due soon and overdue, and escalate what has been overdue long
    enough, once a day. With `dry_run` nothing is written or sent."""
    summary, messages = plan_day(today, dry_run, framework=framework)
    summary.messages = len(messages)
    if dry_run:
        summary.planned = messages
        summary.reminders = sum(len(m.reminders) for m in messages)
        summary.escalations = sum(len(m.escalations) for m in messages)
        return summary
    ReminderLog.objects.filter(sent_on__lt=today - timedelta(days=KEEP_DAYS)).delete()
    run, claimed = _claim(messages, today)
    mine = [_only_claimed(m, claimed) for m in messages]
    mine = [m for m in mine if m.reminders or m.escalations]
    summary.already_sent += sum(len(m.entries()) for m in messages) - len(claimed)
    built = emails.build_all(mine, today, framework=framework)
    mailer = mailers.default
    with mailer:
        for message, email in zip(mine, built, strict=True):
            try:
                mailer.send_messages([email])
            except Exception:
                logger.exception("Could not send reminders to %s", message.recipient.email)
                ReminderLog.objects.filter(sent_on=today, run=run, email=message.recipient.email).delete()
                summary.failed += 1
                continue
            summary.sent += 1
            summary.reminders += len(message.reminders)
            summary.escalations += len(message.escalations)
    return summary
