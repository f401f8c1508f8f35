"""The reminder planner: a pure function of (what is due, who owns it, the framework's rules, today).

No database, no email. `accord.outputs.reminders.gather` reads the register into `Owned` items in bulk;
`plan` decides who gets which reminder and escalation today; `accord.outputs.reminders.services` claims
them in `ReminderLog` and sends one email per person.

- Owners of a partnership's obligations are the holders of the first role in the framework's
  `reminders.owners` (lead officer, then link officer) with someone who can be emailed.
- An item is in an owner's reminder while it is due soon or overdue.
- Once an item has been overdue for the framework's `reminders.escalate_after` (14 days by
  default) the holders of `reminders.escalate_to` (the accountable Head of Service) are emailed too:
  on that day exactly, and every day after while it stays overdue.
"""

from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from accord.frameworks.durations import Duration, parse
from accord.frameworks.schema import Framework, Reminders

OVERDUE, DUE_SOON, LATER = "overdue", "due_soon", "later"
GROUPS = (OVERDUE, DUE_SOON, LATER)
GROUP_NAMES = {OVERDUE: "Overdue", DUE_SOON: "Due soon", LATER: "Later"}
REMINDER, ESCALATION = "reminder", "escalation"
DEFAULT_RULES = Reminders(cite="004_0d99c29b5f1d20f0.txt 7", specified=False)


def rules_for(framework: Framework) -> Reminders:
    """The framework's reminder rules, or Accord's defaults where it has none."""
    return framework.reminders or DEFAULT_RULES


@dataclass(frozen=True)
class Contact:
    """Someone who can be emailed: a register person, with their user account where they have one."""

    email: str
    name: str
    user_id: int | None = None
    person_id: int | None = None


@dataclass(frozen=True)
class Item:
    """One thing due on one partnership: an obligation or a review action."""

    partnership_id: int | None  # None for a duty on the council as a whole (ADR 0031)
    partnership_name: str
    key: str  # the obligation id, or "action:<id>"
    title: str
    due: date
    status: str  # OVERDUE, DUE_SOON or LATER
    path: str  # where on the site it is dealt with
    cite: str = ""  # the clause that requires it (obligations)
    kind: str = "obligation"  # or "action"

    def days_overdue(self, today: date) -> int:
        return max(0, (today - self.due).days)


@dataclass(frozen=True)
class Owned:
    """An item with the people it goes to: its owners, and those it is escalated to."""

    item: Item
    owners: tuple[Contact, ...]
    escalate_to: tuple[Contact, ...] = ()


@dataclass
class Message:
    """Today's email to one person."""

    recipient: Contact
    reminders: list[Item] = field(default_factory=list)
    escalations: list[Item] = field(default_factory=list)
    owners: dict[tuple[int | None, str], tuple[Contact, ...]] = field(
        default_factory=dict
    )  # of escalated items

    def entries(self) -> list[tuple[Item, str]]:
        return [(i, REMINDER) for i in self.reminders] + [(i, ESCALATION) for i in self.escalations]


def status_of(due: date, today: date, due_soon: Duration) -> str:
    """Overdue after its due date, due soon from `due_soon` before it, otherwise later."""
    if today > due:
        return OVERDUE
    if today >= due_soon.before(due):
        return DUE_SOON
    return LATER


def escalation_due(due: date, today: date, escalate_after: Duration) -> bool:
    """Whether an overdue item is escalated today: from `escalate_after` after its due date on."""
    return today > due and today >= escalate_after.after(due)


def owners_from(roles: Sequence[tuple[str, Contact]], order: Sequence[str]) -> tuple[Contact, ...]:
    """The holders of the first role in `order` that anyone who can be emailed holds."""
    for role in order:
        holders = _unique(contact for held, contact in roles if held == role)
        if holders:
            return holders
    return ()


def holders_of(roles: Sequence[tuple[str, Contact]], wanted: Iterable[str]) -> tuple[Contact, ...]:
    wanted = set(wanted)
    return _unique(contact for held, contact in roles if held in wanted)


def _unique(contacts: Iterable[Contact]) -> tuple[Contact, ...]:
    seen: dict[str, Contact] = {}
    for contact in contacts:
        seen.setdefault(contact.email, contact)
    return tuple(seen.values())


Sent = tuple[str, int | None, str, str]  # (email, partnership id, item key, kind) already sent today


def plan(
    owned: Iterable[Owned],
    today: date,
    rules: Reminders,
    already_sent: Container[Sent] = frozenset(),
) -> list[Message]:
    """Today's messages: one per person with anything to hear about, in a stable order."""
    escalate_after = parse(rules.escalate_after)
    messages: dict[str, Message] = {}

    def add(contact: Contact, entry: Owned, kind: str) -> None:
        item = entry.item
        if (contact.email, item.partnership_id, item.key, kind) in already_sent:
            return
        message = messages.setdefault(contact.email, Message(contact))
        if kind == REMINDER:
            message.reminders.append(item)
        else:
            message.escalations.append(item)
            message.owners[(item.partnership_id, item.key)] = entry.owners

    for entry in owned:
        item = entry.item
        if item.status not in (OVERDUE, DUE_SOON):
            continue
        for owner in entry.owners:
            add(owner, entry, REMINDER)
        if item.status == OVERDUE and escalation_due(item.due, today, escalate_after):
            for contact in entry.escalate_to:
                add(contact, entry, ESCALATION)
    for message in messages.values():
        message.reminders.sort(key=_order)
        message.escalations.sort(key=_order)
    return [messages[email] for email in sorted(messages)]


def _order(item: Item) -> tuple[bool, date, str, str]:
    return (item.status != OVERDUE, item.due, item.partnership_name, item.key)
