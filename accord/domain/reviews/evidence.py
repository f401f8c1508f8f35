"""Reviews as a source of facts for the framework engines (an `EvidenceSource` with `ratings`).

- A review carried out through the Reviews pages meets its own artefact (`artefact:<artefact id>`) on
  the day it was completed, and only with the outputs the framework's review needs (ADR 0024): every
  question answered and confirmed, with its evidence where the bank's scale asks for it and the
  actions needed for each 1 or No, a decision, the business case re-confirmed or not, and a rating.
  A checklist of the same questions never stands in for it (accord.domain.lifecycle.record_evidence).
- A review that re-confirmed the business case meets the framework's yearly business case
  obligations that day ("the business case for continuing a partnership needs to be demonstrated
  annually", Redditch 9): the business case artefacts named by recurring obligations.
- `ratings` gives each partnership's latest assurance rating, for the earlier re-review rule
  (accord.frameworks.assurance_rules).

One query each for any number of partnerships.
"""

from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from django.db.models import Count, Exists, OuterRef, Q

from accord.frameworks.apply import ARTEFACT_KEY
from accord.frameworks.facts import RatingFact
from accord.frameworks.schema import Framework
from accord.register.models import Partnership

from . import content
from .models import AssuranceRating, Review, ReviewAnswer, ReviewStatus

CHUNK = 2000


def yearly_business_case_artefacts(framework: Framework) -> tuple[str, ...]:
    kinds = {a.id: a.kind for a in framework.artefacts}
    return tuple(
        dict.fromkeys(
            o.artefact for o in framework.obligations if o.repeat and kinds.get(o.artefact) == "business_case"
        )
    )


def counted_reviews(ids: list[int]):
    """The completed reviews that count, with what is needed to check them against their bank: how
    many questions were answered in the review and how many of those lack their evidence. One query."""
    no_action = ReviewAnswer.objects.filter(review=OuterRef("pk"), actions="").filter(
        Q(score=1) | Q(answer="no")
    )
    return (
        Review.objects.filter(
            partnership_id__in=ids, status=ReviewStatus.COMPLETE, completed_on__isnull=False
        )
        .exclude(decision="")
        .filter(business_case_reconfirmed__isnull=False)
        .filter(Exists(AssuranceRating.objects.filter(review=OuterRef("pk"))))
        .filter(~Exists(no_action))
        .annotate(
            answered=Count("answers", filter=Q(answers__confirmed=True)),
            unevidenced=Count("answers", filter=Q(answers__confirmed=True, answers__evidence="")),
        )
        .order_by()
    )


def complete_against_bank(framework, bank_id: str, answered: int, unevidenced: int) -> bool:
    bank = content.bank(framework, bank_id)
    if bank is None:
        return False
    return answered >= len(bank.questions) and not (unevidenced and content.evidence_required(bank))


class ReviewEvidence:
    """Registered with accord.frameworks.sources in this app's AppConfig.ready()."""

    def __init__(self, partnerships: Sequence[Partnership], framework: Framework):
        self._framework = framework
        """Made with the partnerships like every source; the methods name the ones wanted."""

    def evidence(self, partnership_ids: Iterable[int]) -> Mapping[int, Mapping[str, tuple[date, ...]]]:
        ids = list(partnership_ids)
        if not ids:
            return {}
        framework = self._framework
        business_cases = yearly_business_case_artefacts(framework)
        found: dict[int, dict[str, tuple[date, ...]]] = {}
        rows = counted_reviews(ids).values_list(
            "partnership_id",
            "artefact_id",
            "bank_id",
            "completed_on",
            "business_case_reconfirmed",
            "answered",
            "unevidenced",
        )
        for pk, artefact_id, bank_id, completed_on, reconfirmed, answered, unevidenced in rows.iterator(
            chunk_size=CHUNK
        ):
            if not complete_against_bank(framework, bank_id, answered, unevidenced):
                continue
            kinds = found.setdefault(pk, {})
            keys = [ARTEFACT_KEY + artefact_id]
            if reconfirmed:
                keys += [ARTEFACT_KEY + a for a in business_cases]
            for key in keys:
                kinds[key] = (*kinds.get(key, ()), completed_on)
        return found

    def anchors(self, partnership_ids: Iterable[int]) -> Mapping[int, Mapping[str, date | None]]:
        return {}

    def ratings(self, partnership_ids: Iterable[int]) -> Mapping[int, RatingFact]:
        ids = list(partnership_ids)
        if not ids:
            return {}
        latest: dict[int, RatingFact] = {}
        rows = (
            AssuranceRating.objects.filter(partnership_id__in=ids)
            .order_by("partnership_id", "rated_on", "created_at", "id")
            .values_list("partnership_id", "level", "rated_on")
        )
        for pk, level, rated_on in rows.iterator(chunk_size=CHUNK):
            latest[pk] = RatingFact(level, rated_on)
        return latest
