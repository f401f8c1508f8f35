"""A partnership's governance assurance ratings over time: a chart of the ratings given and
proposed, with its table, and every rating with its reasons."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accord.frameworks import loader
from accord.frameworks.assurance import LEVEL_NAMES, LEVELS, rank
from accord.kernel.ui import charts

from ..models import AssuranceRating
from .common import level_tag, seen

# Lowest first, as the chart draws them bottom to top.
CHART_LEVELS = tuple(reversed(LEVELS))


def _index(level: str) -> int:
    return len(LEVELS) - 1 - rank(level)


def ratings_chart(partnership_name: str, ratings: list[AssuranceRating]) -> charts.Chart:
    categories = []
    for rating in ratings:
        label = f"{rating.rated_on:%-d %b %Y}"
        same_day = sum(1 for c in categories if c.startswith(label))
        categories.append(label if not same_day else f"{label} ({same_day + 1})")
    return charts.level_chart(
        "ratings-over-time",
        f"Assurance ratings of {partnership_name} over time",
        categories,
        [LEVEL_NAMES[level] for level in CHART_LEVELS],
        [
            charts.Series("Rating given", [_index(r.level) for r in ratings]),
            charts.Series("Proposed by the framework's rules", [_index(r.proposed_level) for r in ratings]),
        ],
        category_label="Date rated",
        value_label="Rating",
    )


def ratings(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = seen(request, pk)
    given = list(partnership.ratings.select_related("review").order_by("rated_on", "created_at", "id"))
    return render(
        request,
        "reviews/ratings.html",
        {
            "partnership": partnership,
            "framework": loader.for_request(request),  # a rating under another version says so
            "chart": ratings_chart(partnership.name, given) if given else None,
            "rows": [(r, level_tag(r.level), level_tag(r.proposed_level)) for r in reversed(given)],
        },
    )
