"""Changes to a partnership's framework results: assessing its significance and overriding the tier.

Each runs in one transaction, records the change in the partnership's history and keeps the
stored obligation statuses in step, so no view can do one without the others.
"""

from collections.abc import Mapping, Sequence
from datetime import date

from django.db import transaction

from accord.kernel import clock
from accord.kernel.accounts.models import User
from accord.kernel.audit.bulk import insert_returning, insert_rows
from accord.kernel.audit.models import Action, AuditEvent
from accord.kernel.audit.service import Actor, actor_name, diff, event, record
from accord.register.models import Partnership
from accord.register.offered_types import OfferedSubtype, OfferedType
from accord.register.services import lock_open_many

from . import apply, loader, significance, store, tracking
from .models import PriorCompletion, SignificanceAssessment, TrackingStart
from .schema import Framework

LABEL = "Significance"


@transaction.atomic
def assess(
    partnership: Partnership, user: Actor, answers: Mapping[str, bool], *, framework: Framework
) -> SignificanceAssessment:
    assessment = apply.record_assessment(partnership, user, answers, framework=framework)
    record(
        actor=user,
        instance=partnership,
        action=Action.CHANGED,
        before={},
        after={"significance": (LABEL, assessment.tier_name)},
        reason=f"Assessed on {framework.name} version {framework.version}",
        partnership=partnership,
        version=partnership.version,
    )
    store.refresh_changed([partnership.pk], framework=framework)
    return assessment


@transaction.atomic
def override(
    partnership: Partnership, user: Actor, tier_id: str, reason: str, *, framework: Framework
) -> SignificanceAssessment:
    """Put the partnership in another tier; the reason is required and shown wherever the tier is."""
    if not reason.strip():
        raise ValueError("An override needs a reason.")
    names = {t.id: t.name for t in framework.significance.tiers}
    assessment = apply.latest_assessment(partnership, framework) or apply.record_assessment(
        partnership, user, {}, framework=framework
    )
    before = assessment.effective_tier_name
    assessment.override_tier_id = tier_id
    assessment.override_tier_name = names[tier_id]
    assessment.override_reason = reason
    assessment.overridden_by = _user(user)
    assessment.overridden_at = clock.now()
    assessment.save()
    record(
        actor=user,
        instance=partnership,
        action=Action.CHANGED,
        before={"significance": (LABEL, before)},
        after={"significance": (LABEL, assessment.override_tier_name)},
        reason=reason,
        partnership=partnership,
        version=partnership.version,
    )
    store.refresh_changed([partnership.pk], framework=framework)
    return assessment


def assess_if_nothing_to_ask(
    partnership: Partnership, user: Actor, *, framework: Framework
) -> SignificanceAssessment | None:
    """At creation: a framework whose tiers are reached only by facts in the register has nothing
    to ask, so the partnership's assessment is recorded straight away. Otherwise the questions are
    asked when it is added (or, for a partnership added another way, on its record)."""
    if significance.asks_questions(framework):
        return None
    return assess(partnership, user, {}, framework=framework)


def on_partnerships_created(
    sender: object, actor: Actor, partnerships: list[Partnership], **kwargs: object
) -> None:
    """The register added partnerships (register.signals): a framework with nothing to ask records
    their significance straight away (`assess_if_nothing_to_ask`, in bulk). The register keeps the
    obligations in step straight after this signal, so this does not."""
    framework = loader.current()
    if significance.asks_questions(framework) or not partnerships:
        return
    reason = f"Assessed on {framework.name} version {framework.version}"
    user = _user(actor)
    name = actor_name(actor)
    events = []
    for partnership, assessment in zip(
        partnerships, apply.record_assessments(partnerships, actor, framework=framework), strict=True
    ):
        events.append(
            AuditEvent(
                actor=user,
                actor_name=name,
                action=Action.CHANGED,
                object_type=str(partnership._meta.verbose_name),
                object_id=partnership.pk,
                object_label=str(partnership)[:300],
                partnership=partnership,
                version=partnership.version,
                changes=diff({}, {"significance": (LABEL, assessment.tier_name)}),
                reason=reason,
            )
        )
    insert_rows(AuditEvent, events)


def on_partnerships_changed(sender: object, partnership_ids: list[int], **kwargs: object) -> None:
    """The register changed facts the framework reads (register.signals): keep kept statuses in step."""
    store.refresh_changed(partnership_ids, framework=loader.current())


# Tracking from go-live (ADR 0021) ------------------------------------------------------------------


class TrackingError(ValueError):
    """Refused, with a message for the person who asked."""


def _user(actor: Actor) -> User | None:
    return actor if isinstance(actor, User) and actor.pk else None


def _long(day: date | None) -> str:
    return f"{day.day} {day:%B %Y}" if day else ""


@transaction.atomic
def set_tracking_from(actor: Actor, started_on: date, reason: str, *, framework: Framework) -> TrackingStart:
    """Set the day Accord began tracking the council's duties; every partnership is worked out again."""
    if not reason.strip():
        raise TrackingError("Enter why the date is changing")
    if started_on > clock.today():
        raise TrackingError("The date Accord began tracking must be today or in the past")
    before = tracking.tracking_from()
    row = TrackingStart.objects.create(
        started_on=started_on,
        reason=reason.strip(),
        recorded_by=_user(actor),
        recorded_by_name=actor_name(actor),
    )
    record(
        actor=actor,
        instance=row,
        action=Action.CHANGED if before else Action.CREATED,
        before={"started_on": ("Tracking duties from", _long(before))},
        after={"started_on": ("Tracking duties from", _long(started_on))},
        reason=reason.strip(),
    )
    store.refresh_if_kept(framework=framework)
    return row


@transaction.atomic
def record_last_done(
    actor: Actor,
    partnership: Partnership,
    obligation_id: str,
    done_on: date,
    note: str = "",
    *,
    framework: Framework,
) -> PriorCompletion:
    """Record when a duty was last done before Accord tracked it. Refused for a day on or after the
    day tracking began: from then on, only what is recorded in Accord itself meets a duty."""
    return record_last_done_many(actor, [(partnership, obligation_id, done_on)], note, framework=framework)[0]


@transaction.atomic
def record_last_done_many(
    actor: Actor,
    done: Sequence[tuple[Partnership, str, date]],
    note: str = "",
    *,
    framework: Framework,
) -> list[PriorCompletion]:
    """`record_last_done` for many (partnership, obligation id, day) at once (an import's): the same
    refusals, rows and history events, written in bulk, and the obligations kept in step once."""
    start = tracking.tracking_from()
    labels: dict[str, str] = {}
    for _, obligation_id, done_on in done:
        obligation = tracking.recordable(framework, obligation_id)
        if obligation is None:
            raise TrackingError("There is no such duty under the council's framework")
        if done_on > clock.today():
            raise TrackingError("The date it was last done must be today or in the past")
        if start is not None and done_on >= start:
            raise TrackingError(
                f"Accord has tracked duties since {_long(start)}: record anything done since then in "
                "Accord itself, where the framework asks for it"
            )
        labels[obligation_id] = f"Last done before Accord: {obligation.name}"[:200]
    locked = lock_open_many([partnership.pk for partnership, _, _ in done])
    previous = tracking.last_done_for(sorted(locked))
    user, name, reason = _user(actor), actor_name(actor), note.strip()
    rows = [
        PriorCompletion(
            partnership=locked[partnership.pk],
            obligation_id=obligation_id,
            done_on=done_on,
            note=reason,
            framework_id=framework.id,
            framework_version=framework.version,
            recorded_by=user,
            recorded_by_name=name,
        )
        for partnership, obligation_id, done_on in done
    ]
    insert_returning(PriorCompletion, rows)
    events = []
    for row in rows:
        before = previous.setdefault(row.partnership_id, {}).get(row.obligation_id)
        previous[row.partnership_id][row.obligation_id] = row.done_on
        label = labels[row.obligation_id]
        events.append(
            event(
                actor=actor,
                instance=row,
                action=Action.CHANGED if before else Action.CREATED,
                before={"done_on": (label, _long(before))},
                after={"done_on": (label, _long(row.done_on))},
                reason=reason,
                partnership=row.partnership,
            )
        )
    insert_rows(AuditEvent, [e for e in events if e is not None])
    if rows:
        store.refresh_changed(sorted(locked), framework=framework)
    return rows


def offered_types(framework: Framework) -> list[OfferedType]:
    """The framework's own partnership types, for the register's forms and filters
    (accord.register.offered_types): each with the register types that count as it."""
    return [
        OfferedType(
            name=t.name,
            aliases=tuple(t.register_names),
            description=t.description,
            citation=framework.cite_text(t.cite),
            subtypes=tuple(
                OfferedSubtype(s.id, s.name, s.description, framework.cite_text(s.cite)) for s in t.subtypes
            ),
        )
        for t in framework.types
    ]
