"""Blocks about reviews and assurance ratings: reviews held and missing, the actions still open,
ratings that moved, partnerships at the lowest levels, and the partners' strength and stability."""

from __future__ import annotations

from .. import gather, gather_reviews
from ..builders import tables
from ..structure import Table
from .scope import LOWEST, Scope


def reviews_held(scope: Scope) -> list[Table]:
    rows = []
    for p in scope.items:
        review = scope.reviews_held.get(p.pk)
        if review is None:
            continue
        rating = scope.rating_at_end(p.pk)
        confirmed = review.business_case_reconfirmed
        rows.append(
            [
                p.reference,
                p.name,
                review.completed_on,
                gather_reviews.decision_name(review),
                "Not asked" if confirmed is None else "Yes" if confirmed else "No",
                gather_reviews.level_name(rating.level if rating else None),
            ]
        )
    return [
        Table(
            "reviews_held",
            "Reviews held in the period",
            [
                "Reference",
                "Partnership",
                "Completed on",
                "Decision",
                "Business case re-confirmed",
                "Assurance rating",
            ],
            rows,
            empty="No reviews were completed in the period.",
            sheet="Reviews held",
        )
    ]


def _review_obligation(found: gather.Standing | None, review_kinds: set[str]) -> gather.Due | None:
    """The partnership's first review obligation that applies to it, if any."""
    if found is None:
        return None
    return next(
        (r for r in found.obligations if r.artefact in review_kinds and r.status != "not_applicable"), None
    )


def reviews_missing(scope: Scope) -> list[Table]:
    review_kinds = {a.id for a in scope.ctx.framework.artefacts if a.kind == "review"}
    rows = []
    for p in scope.items:
        if p.pk in scope.reviews_held:
            continue
        due = _review_obligation(scope.obligations.get(p.pk), review_kinds)
        last = scope.last_reviews.get(p.pk)
        rows.append(
            [
                p.reference,
                p.name,
                last.completed_on if last else None,
                due.status_label if due else "Not required",
                due.due if due else None,
            ]
        )
    return [
        Table(
            "reviews_missing",
            "Partnerships without a review in the period",
            ["Reference", "Partnership", "Last review", "Review status", "Review due"],
            rows,
            empty="Every partnership held its review.",
            sheet="Without a review",
        )
    ]


def review_actions(scope: Scope) -> list[Table]:
    return [tables.review_actions(scope.items, scope.open_actions)]


def ratings_up_down(scope: Scope) -> list[Table]:
    rows = []
    for p in scope.items:
        before, after, direction = scope.ratings.movement(p.pk, scope.period)
        if direction and before and after:
            rows.append(
                [
                    p.reference,
                    p.name,
                    gather_reviews.level_name(before.level),
                    gather_reviews.level_name(after.level),
                    "Up" if direction > 0 else "Down",
                    after.rated_on,
                ]
            )
    return [
        Table(
            "ratings_up_down",
            "Assurance ratings that went up or down in the period",
            ["Reference", "Partnership", "From", "To", "Up or down", "Rated on"],
            rows,
            empty="No assurance rating went up or down in the period.",
            sheet="Ratings up or down",
        )
    ]


def limited_or_weak(scope: Scope) -> list[Table]:
    rows = []
    for p in scope.items:
        rating = scope.rating_at_end(p.pk)
        if rating and rating.level in LOWEST:
            reasons = "; ".join(r.get("text", "") for r in rating.reasons or [] if isinstance(r, dict))
            rows.append(
                [p.reference, p.name, gather_reviews.level_name(rating.level), rating.rated_on, reasons]
            )
    return [
        Table(
            "limited_or_weak",
            "Partnerships rated Limited or Weak",
            ["Reference", "Partnership", "Assurance rating", "Rated on", "Reasons"],
            rows,
            empty="No partnership is rated Limited or Weak.",
        )
    ]


def strength_stability(scope: Scope) -> list[Table]:
    rows = []
    for p in scope.items:
        rating = scope.rating_at_end(p.pk)
        counts = scope.risk_counts.get(p.pk, gather.RiskCounts())
        found = scope.obligations.get(p.pk)
        overdue = sum(1 for r in found.obligations if r.status == "overdue") if found else 0
        rows.append(
            [
                p.reference,
                p.name,
                p.lead_organisation.name,
                gather_reviews.level_name(rating.level if rating else None),
                rating.rated_on if rating else None,
                counts.high,
                overdue,
                gather_reviews.decision_name(scope.last_reviews.get(p.pk)),
            ]
        )
    return [
        Table(
            "strength_stability",
            "Strength and stability",
            [
                "Reference",
                "Partnership",
                "Lead organisation",
                "Assurance rating",
                "Rated on",
                "Open high risks",
                "Overdue obligations",
                "Last review decision",
            ],
            rows,
            numeric=(5, 6),
            empty="No partnerships to report on.",
            sheet="Strength and stability",
        )
    ]
