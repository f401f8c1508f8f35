"""The "Is it a partnership?" result: recorded (against a partnership when the test was taken for
one) and read back as each partnership's latest result under the council's framework."""

from collections.abc import Mapping, Sequence

from django.db import transaction

from accord.kernel.audit.models import Action
from accord.kernel.audit.service import record
from accord.register.models import Partnership

from . import engine
from .models import Classification
from .schema import Framework

LABEL = "Is it a partnership?"


def outcome(is_partnership: bool) -> str:
    return "A partnership" if is_partnership else "Not a partnership"


@transaction.atomic
def record_result(
    user,
    framework: Framework,
    arrangement: str,
    answers: Mapping[str, bool],
    partnership: Partnership | None = None,
) -> Classification:
    """Store the test's result with the framework id and version, who answered and when; for a
    partnership, also in its history."""
    result = engine.classify(framework, dict(answers))
    classification = Classification.objects.create(
        partnership=partnership,
        arrangement=arrangement,
        framework_id=framework.id,
        framework_version=framework.version,
        answers=dict(answers),
        is_partnership=result.is_partnership,
        reasons=[{"text": r.text, "cite": r.cite} for r in result.reasons],
        decided_by=user,
    )
    if partnership is not None:
        record(
            actor=user,
            instance=partnership,
            action=Action.CHANGED,
            before={},
            after={"is_a_partnership": (LABEL, outcome(result.is_partnership))},
            reason=f"Answered on {framework.name} version {framework.version}",
            partnership=partnership,
            version=partnership.version,
        )
    return classification


def latest_results(ids: Sequence[int], framework: Framework) -> dict[int, Classification]:
    """Each partnership's latest result under this framework (one query)."""
    latest: dict[int, Classification] = {}
    rows = Classification.objects.filter(partnership_id__in=ids, framework_id=framework.id).order_by(
        "partnership_id", "-decided_at", "-id"
    )
    for classification in rows.select_related("decided_by"):
        latest.setdefault(classification.partnership_id, classification)
    return latest


def latest_result(partnership: Partnership, framework: Framework) -> Classification | None:
    return latest_results([partnership.pk], framework).get(partnership.pk)
