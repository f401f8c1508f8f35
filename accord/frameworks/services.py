"""Changes to a partnership's framework results: assessing its significance and overriding the tier.

Each runs in one transaction, records the change in the partnership's history and keeps the
stored obligation statuses in step, so no view can do one without the others.
"""

from collections.abc import Mapping

from django.db import transaction

from accord import clock
from accord.audit.models import Action
from accord.audit.service import record
from accord.register.models import Partnership

from . import apply, loader, significance, store
from .models import SignificanceAssessment

LABEL = "Significance"


@transaction.atomic
def assess(partnership: Partnership, user, answers: Mapping[str, bool]) -> SignificanceAssessment:
    framework = loader.current()
    assessment = apply.record_assessment(partnership, user, answers)
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
    store.partnerships_changed([partnership.pk])
    return assessment


@transaction.atomic
def override(partnership: Partnership, user, tier_id: str, reason: str) -> SignificanceAssessment:
    """Put the partnership in another tier; the reason is required and shown wherever the tier is."""
    if not reason.strip():
        raise ValueError("An override needs a reason.")
    framework = loader.current()
    names = {t.id: t.name for t in framework.significance.tiers}
    assessment = apply.latest_assessment(partnership, framework) or apply.record_assessment(
        partnership, user, {}
    )
    before = assessment.effective_tier_name
    assessment.override_tier_id = tier_id
    assessment.override_tier_name = names[tier_id]
    assessment.override_reason = reason
    assessment.overridden_by = user
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
    store.partnerships_changed([partnership.pk])
    return assessment


def assess_if_nothing_to_ask(partnership: Partnership, user) -> SignificanceAssessment | None:
    """At creation: a framework whose tiers are reached only by facts in the register has nothing
    to ask, so the partnership's assessment is recorded straight away. Otherwise the questions are
    asked when it is added (or, for a partnership added another way, on its record)."""
    if significance.asks_questions(loader.current()):
        return None
    return assess(partnership, user, {})
