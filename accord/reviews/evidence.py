"""Reviews as a source of facts for the framework engines (an `EvidenceSource` with `ratings`).

- A completed review meets its own artefact (`artefact:<artefact id>`) on the day it was completed.
- A review that re-confirmed the business case meets the framework's yearly business case
  obligations that day ("the business case for continuing a partnership needs to be demonstrated
  annually", Redditch 9): the business case artefacts named by recurring obligations.
- `ratings` gives each partnership's latest assurance rating, for the earlier re-review rule
  (accord.frameworks.assurance_rules).

One query each for any number of partnerships.
"""

from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from accord.frameworks import loader
from accord.frameworks.apply import ARTEFACT_KEY
from accord.frameworks.facts import RatingFact
from accord.register.models import Partnership

from .models import AssuranceRating, Review, ReviewStatus

CHUNK = 2000


def yearly_business_case_artefacts() -> tuple[str, ...]:
    framework = loader.current()
    kinds = {a.id: a.kind for a in framework.artefacts}
    return tuple(
        dict.fromkeys(
            o.artefact for o in framework.obligations if o.repeat and kinds.get(o.artefact) == "business_case"
        )
    )


class ReviewEvidence:
    """Registered in settings.ACCORD_EVIDENCE_SOURCES."""

    def __init__(self, partnerships: Sequence[Partnership]):
        """Made with the partnerships like every source; the methods name the ones wanted."""

    def evidence(self, partnership_ids: Iterable[int]) -> Mapping[int, Mapping[str, tuple[date, ...]]]:
        ids = list(partnership_ids)
        if not ids:
            return {}
        business_cases = yearly_business_case_artefacts()
        found: dict[int, dict[str, tuple[date, ...]]] = {}
        rows = (
            Review.objects.filter(
                partnership_id__in=ids, status=ReviewStatus.COMPLETE, completed_on__isnull=False
            )
            .order_by()
            .values_list("partnership_id", "artefact_id", "completed_on", "business_case_reconfirmed")
        )
        for pk, artefact_id, completed_on, reconfirmed in rows.iterator(chunk_size=CHUNK):
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
