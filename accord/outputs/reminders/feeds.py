"""Personal calendar feeds: a secret address per person that calendar programs subscribe to.

The token in the address is shown once, when it is made; only its SHA-256 hash is kept. Making a
new address stops the old one; stopping it makes it answer "not found". The feed lists the
person's due dates (from `mywork.work_for`) as all-day events, written with `icalendar`.
"""

import hashlib
import secrets
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from icalendar import Calendar, Event

from accord.frameworks import citations
from accord.frameworks.schema import Framework
from accord.kernel import clock
from accord.kernel.audit.models import Action as AuditAction
from accord.kernel.audit.service import record

from .emails import absolute
from .models import CalendarFeed
from .mywork import ESCALATED, WorkItem

TOKEN_BYTES = 32


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def active_feed(user) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(user=user, revoked_at__isnull=True).first()


def _record(user, feed: CalendarFeed, action: str, reason: str) -> None:
    record(
        actor=user,
        instance=feed,
        action=action,
        before={},
        after={},
        reason=reason,
        person=user.person if user.person_id else None,
    )


@transaction.atomic
def create_feed(user) -> tuple[CalendarFeed, str]:
    """A new secret address for this user (any earlier one stops working). Returns the feed and its
    token, which is not kept and cannot be shown again."""
    revoke_feeds(user, reason="Replaced by a new calendar address")
    token = secrets.token_urlsafe(TOKEN_BYTES)
    feed = CalendarFeed.objects.create(user=user, token_hash=token_hash(token))
    _record(user, feed, AuditAction.CREATED, "Calendar address made")
    return feed, token


@transaction.atomic
def revoke_feeds(user, reason: str = "Calendar address stopped") -> int:
    """Stop every active address of this user; returns how many were stopped."""
    stopped = 0
    for feed in CalendarFeed.objects.select_for_update().filter(user=user, revoked_at__isnull=True):
        feed.revoked_at = clock.now()
        feed.save(update_fields=["revoked_at"])
        _record(user, feed, AuditAction.CHANGED, reason)
        stopped += 1
    return stopped


def feed_for_token(token: str) -> CalendarFeed | None:
    """The active feed with this token, or None (wrong, stopped, or for a switched-off account)."""
    if not token or len(token) > 200:
        return None
    feed = (
        CalendarFeed.objects.select_related("user")
        .filter(token_hash=token_hash(token), revoked_at__isnull=True)
        .first()
    )
    return feed if feed and feed.user.is_active else None


def _domain() -> str:
    return urlsplit(settings.ACCORD_BASE_URL).hostname or "accord.invalid"


def uid(entry: WorkItem) -> str:
    """Stable for an item across fetches, so a calendar moves the event when its date changes."""
    key = entry.item.key.replace(":", "-")
    return f"accord-{entry.item.partnership_id or 'council'}-{key}@{_domain()}"


def description(entry: WorkItem, framework: Framework) -> str:
    item = entry.item
    lines = [
        f"{item.title}",
        f"Partnership: {item.partnership_name}" if item.partnership_id else item.partnership_name,
    ]
    if item.cite:
        lines.append(f"Required by {citations.display(item.cite, framework)}")
    if entry.why == ESCALATED:
        lines.append(f"Escalated to you as the accountable Head of Service. Owner: {entry.owner_names}")
    lines.append(absolute(item.path))
    return "\n".join(lines)


def calendar(user, work: list[WorkItem], framework: Framework, now: datetime | None = None) -> bytes:
    """The person's due dates as an iCalendar file of all-day events, each citing its clause in the
    framework's words."""
    now = now or clock.now()
    cal = Calendar()
    cal.add("prodid", f"-//{settings.COUNCIL_NAME}//Accord partnership register//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", f"Partnership work – {settings.COUNCIL_NAME}")
    cal.add("x-wr-caldesc", f"What is due for {user.display_name} in {settings.COUNCIL_NAME}'s partnerships")
    for entry in work:
        item = entry.item
        event = Event()
        event.add("uid", uid(entry))
        event.add("dtstamp", now)
        event.add("dtstart", item.due)
        event.add("dtend", item.due + timedelta(days=1))
        prefix = "Escalated: " if entry.why == ESCALATED else "Due: "
        event.add("summary", f"{prefix}{item.title} ({item.partnership_name})")
        event.add("description", description(entry, framework))
        event.add("url", absolute(item.path))
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return cal.to_ical()
