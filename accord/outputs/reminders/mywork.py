"""One person's work: the items they own on their partnerships (and the ones escalated to them),
for the "My work" page and their calendar feed. The same gathering and planning rules as the
reminder emails, so the page, the feed and the email never disagree."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from accord.domain.reviews.models import ReviewAction
from accord.frameworks.durations import parse
from accord.frameworks.schema import Framework
from accord.kernel.accounts.policy import Action, can
from accord.register.access import my_partnerships, visible_partnerships

from . import duties, gather, planner

OWNER, ESCALATED = "owner", "escalated"


@dataclass(frozen=True)
class WorkItem:
    item: planner.Item
    why: str  # OWNER, or ESCALATED (they are told as the accountable Head of Service)
    owners: tuple[planner.Contact, ...] = ()

    @property
    def owner_names(self) -> str:
        return ", ".join(owner.name for owner in self.owners) or "No one with an email address"


def has_work(user) -> bool:
    """Staff linked to the register have work here; partner organisations' users do not."""
    return can(user, Action.VIEW_COMPLIANCE) and user.person_id is not None


def _partnerships(user):
    mine = my_partnerships(user)
    owns_actions = ReviewAction.objects.filter(owner_id=user.person_id).values("partnership_id")
    return visible_partnerships(user).filter(Q(pk__in=mine.values("pk")) | Q(pk__in=owns_actions))


def work_for(user, today: date, *, framework: Framework) -> list[WorkItem]:
    """Everything dated that this user owns, and what is escalated to them today: on their
    partnerships, and the council's own duties while due soon or overdue where they are appointed to
    an owner role (ADR 0031)."""
    found = own_council_duties(user, today, framework=framework)
    if not has_work(user):
        return found
    rules = planner.rules_for(framework)
    escalate_after = parse(rules.escalate_after)
    partnerships = _partnerships(user).filter(pk__in=gather.open_partnerships().values("pk"))
    for entry in gather.owned_items(framework, rules, partnerships, today):
        item = entry.item
        if any(owner.person_id == user.person_id for owner in entry.owners):
            found.append(WorkItem(item, OWNER, entry.owners))
        elif (
            item.status == planner.OVERDUE
            and planner.escalation_due(item.due, today, escalate_after)
            and any(contact.person_id == user.person_id for contact in entry.escalate_to)
        ):
            found.append(WorkItem(item, ESCALATED, entry.owners))
    return found


def own_council_duties(user, today: date, *, framework: Framework) -> list[WorkItem]:
    """The council's duties due soon or overdue that this staff user owns by appointment."""
    if not can(user, Action.VIEW_COMPLIANCE) or not framework.council_obligations:
        return []
    return [
        WorkItem(entry.item, OWNER, entry.owners)
        for entry in duties.owned_items(framework, today, due_only=True)
        if any(owner.user_id == user.pk for owner in entry.owners)
    ]


def grouped(work: list[WorkItem]) -> dict[str, list[WorkItem]]:
    groups: dict[str, list[WorkItem]] = {group: [] for group in planner.GROUPS}
    for entry in sorted(work, key=lambda w: (w.item.due, w.item.partnership_name, w.item.key)):
        groups[entry.item.status].append(entry)
    return groups
