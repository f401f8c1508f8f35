"""What the reports read from reviews and assurance ratings (accord.domain.reviews): each partnership's
rating on a given day, the reviews completed in a period and the actions still open. One query
each for many partnerships at once."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from accord.domain.reviews.models import AssuranceRating, Review, ReviewAction
from accord.frameworks.assurance import LEVEL_NAMES, rank

from .periods import Period

OPEN_ACTION = ("open", "in_progress")


def level_name(level: str | None) -> str:
    return LEVEL_NAMES.get(level or "", "Not yet rated") if level else "Not yet rated"


def decision_name(review: Review | None) -> str:
    if review is None:
        return "Not reviewed"
    return review.get_decision_display() if review.decision else "No decision recorded"


@dataclass(frozen=True)
class Ratings:
    """Every rating up to a day, oldest first, by partnership."""

    history: dict[int, list[AssuranceRating]]

    def on(self, pk: int, day: date) -> AssuranceRating | None:
        """The rating in force on `day`: the latest rated on or before it."""
        found = None
        for rating in self.history.get(pk, ()):
            if rating.rated_on > day:
                break
            found = rating
        return found

    def movement(self, pk: int, period: Period) -> tuple[AssuranceRating | None, AssuranceRating | None, int]:
        """(rating before the period, rating at its end, +1 better / -1 worse / 0 same or unknown)."""
        before = self.on(pk, period.start - timedelta(days=1))
        after = self.on(pk, period.end)
        if before is None or after is None or before.level == after.level:
            return before, after, 0
        return before, after, 1 if rank(after.level) < rank(before.level) else -1


def ratings(ids: list[int], until: date) -> Ratings:
    history: dict[int, list[AssuranceRating]] = defaultdict(list)
    rows = AssuranceRating.objects.filter(partnership_id__in=ids, rated_on__lte=until).order_by(
        "partnership_id", "rated_on", "created_at", "id"
    )
    for rating in rows.only(
        "partnership_id", "level", "rated_on", "reasons", "override_reason", "created_at"
    ):
        history[rating.partnership_id].append(rating)
    return Ratings(history)


def completed_reviews(ids: list[int], period: Period | None = None) -> dict[int, Review]:
    """The latest completed review of each partnership (in the period, if given)."""
    rows = Review.objects.filter(partnership_id__in=ids, status="complete", completed_on__isnull=False)
    if period is not None:
        rows = rows.filter(completed_on__gte=period.start, completed_on__lte=period.end)
    latest: dict[int, Review] = {}
    for review in rows.order_by("completed_on", "id"):
        latest[review.partnership_id] = review
    return latest


def open_actions(ids: list[int]) -> dict[int, list[ReviewAction]]:
    """Review actions not yet done, by partnership, soonest due first (one query)."""
    found: dict[int, list[ReviewAction]] = defaultdict(list)
    for action in ReviewAction.objects.filter(partnership_id__in=ids, status__in=OPEN_ACTION).order_by(
        "due_on", "id"
    ):
        found[action.partnership_id].append(action)
    return found
