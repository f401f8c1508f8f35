"""The framework applied across the register: every partnership's tier and obligations at once,
for the compliance dashboard and `accord obligations`."""

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from accord.register.models import Partnership

from . import engine
from .apply import facts_for
from .models import SignificanceAssessment
from .schema import Framework
from .significance import tier_in_force

BATCH = 2000


@dataclass(frozen=True)
class PartnershipCompliance:
    partnership: Partnership
    tier_id: str
    tier_name: str
    overridden: bool
    obligations: tuple[engine.ObligationResult, ...]


def latest_assessments(framework: Framework, ids: list[int]) -> dict[int, SignificanceAssessment]:
    """Each partnership's latest significance assessment under this framework (any version)."""
    latest: dict[int, SignificanceAssessment] = {}
    rows = SignificanceAssessment.objects.filter(partnership_id__in=ids, framework_id=framework.id).order_by(
        "partnership_id", "assessed_at", "id"
    )
    for assessment in rows:
        latest[assessment.partnership_id] = assessment
    return latest


def evaluate(
    framework: Framework, partnerships: QuerySet[Partnership], today: date
) -> Iterator[PartnershipCompliance]:
    queryset = partnerships.select_related("partnership_type", "directorate").order_by("name", "id")
    batch: list[Partnership] = []
    for partnership in queryset.iterator(chunk_size=BATCH):
        batch.append(partnership)
        if len(batch) == BATCH:
            yield from _evaluate_batch(framework, batch, today)
            batch = []
    if batch:
        yield from _evaluate_batch(framework, batch, today)


def _evaluate_batch(
    framework: Framework, batch: list[Partnership], today: date
) -> Iterator[PartnershipCompliance]:
    assessments = latest_assessments(framework, [p.pk for p in batch])
    facts = facts_for(framework, batch, answers={pk: a.answers for pk, a in assessments.items()})
    for partnership in batch:
        stored = assessments.get(partnership.pk)
        result = engine.assess_significance(framework, facts[partnership.pk])
        tier_id, tier_name = tier_in_force(result, stored)
        yield PartnershipCompliance(
            partnership,
            tier_id,
            tier_name,
            bool(stored and stored.overridden),
            tuple(engine.obligations(framework, facts[partnership.pk], today, tier_id)),
        )


def summarise(rows: list[PartnershipCompliance]) -> dict[str, Counter]:
    """obligation id -> Counter of statuses."""
    counts: dict[str, Counter] = {}
    for row in rows:
        for result in row.obligations:
            counts.setdefault(result.obligation_id, Counter())[result.status] += 1
    return counts
