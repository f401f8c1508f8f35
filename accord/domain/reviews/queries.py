"""Reading reviews and ratings for many partnerships at once (pages, reports, the partnership pack).

Each function is one query whatever the number of partnerships. Reports use `latest_ratings`,
`previous_ratings` and `rating_changes` for the ratings that went up or down and every partnership
rated Limited or Weak.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from accord.frameworks.assurance import LEVEL_NAMES, rank

from .models import ActionStatus, AssuranceRating, Review, ReviewAction, ReviewStatus

CHUNK = 2000
BELOW_REASONABLE = ("limited", "weak")


def _ratings(partnership_ids: Iterable[int], on: date | None) -> dict[int, list[AssuranceRating]]:
    """Each partnership's ratings up to `on` (every rating when None), oldest first."""
    ids = list(partnership_ids)
    if not ids:
        return {}
    rows = AssuranceRating.objects.filter(partnership_id__in=ids)
    if on is not None:
        rows = rows.filter(rated_on__lte=on)
    found: dict[int, list[AssuranceRating]] = {}
    for row in rows.order_by("partnership_id", "rated_on", "created_at", "id").iterator(chunk_size=CHUNK):
        found.setdefault(row.partnership_id, []).append(row)
    return found


def latest_ratings(partnership_ids: Iterable[int], on: date | None = None) -> dict[int, AssuranceRating]:
    """partnership id -> its latest rating (as it stood on `on`, if given); unrated ones are absent."""
    return {pk: rows[-1] for pk, rows in _ratings(partnership_ids, on).items()}


def previous_ratings(partnership_ids: Iterable[int], on: date | None = None) -> dict[int, AssuranceRating]:
    """partnership id -> the rating before its latest one; partnerships rated once are absent."""
    return {pk: rows[-2] for pk, rows in _ratings(partnership_ids, on).items() if len(rows) > 1}


@dataclass(frozen=True)
class RatingChange:
    partnership_id: int
    before: AssuranceRating | None  # the rating in force at the start of the period (None: unrated)
    after: AssuranceRating  # the latest rating at the end of the period

    @property
    def direction(self) -> str:
        """'up' (better), 'down' (worse), 'same', or 'new' (first rated in the period)."""
        if self.before is None:
            return "new"
        change = rank(self.before.level) - rank(self.after.level)
        return "up" if change > 0 else "down" if change < 0 else "same"

    @property
    def text(self) -> str:
        after = LEVEL_NAMES[self.after.level]
        if self.before is None:
            return f"First rated {after}"
        return f"{LEVEL_NAMES[self.before.level]} to {after}"


def rating_changes(partnership_ids: Iterable[int], start: date, end: date) -> list[RatingChange]:
    """For each partnership rated during [start, end]: the rating in force before the period and the
    latest in it (compare `direction`)."""
    changes = []
    for pk, rows in _ratings(partnership_ids, end).items():
        within = [r for r in rows if r.rated_on >= start]
        if not within:
            continue
        before = [r for r in rows if r.rated_on < start]
        changes.append(RatingChange(pk, before[-1] if before else None, within[-1]))
    return changes


def rated_below(
    partnership_ids: Iterable[int], levels: tuple[str, ...] = BELOW_REASONABLE
) -> dict[int, AssuranceRating]:
    """partnership id -> latest rating, for those whose latest rating is one of `levels` (Limited or Weak)."""
    return {pk: r for pk, r in latest_ratings(partnership_ids).items() if r.level in levels}


def latest_reviews(partnership_ids: Iterable[int]) -> dict[int, Review]:
    """partnership id -> its last completed review (any kind)."""
    ids = list(partnership_ids)
    found: dict[int, Review] = {}
    if not ids:
        return found
    rows = Review.objects.filter(partnership_id__in=ids, status=ReviewStatus.COMPLETE).order_by(
        "partnership_id", "completed_on", "id"
    )
    for review in rows.iterator(chunk_size=CHUNK):
        found[review.partnership_id] = review
    return found


def open_actions(partnership_ids: Iterable[int]) -> QuerySet[ReviewAction]:
    """Review actions not yet done, soonest due first (with their owners)."""
    return (
        ReviewAction.objects.filter(partnership_id__in=list(partnership_ids))
        .exclude(status=ActionStatus.DONE)
        .select_related("owner", "review")
        .order_by("due_on", "id")
    )


def overdue_actions(partnership_ids: Iterable[int], today: date) -> QuerySet[ReviewAction]:
    return open_actions(partnership_ids).filter(due_on__lt=today)
