"""The building blocks of the reports a framework declares (ADR 0032): each block id the framework
schema allows (`accord.frameworks.schema.REPORT_BLOCKS`) names one function here, which builds its
tables from a `Scope` (the report's context, the partnerships it covers and what was gathered for
them). Table ids and key columns stay stable: issued reports are compared by keyed rows (ADR 0010)."""

from __future__ import annotations

from collections.abc import Callable

from ..structure import Table
from . import performance, register, reviews, risks, submitted
from .scope import Scope

Block = Callable[[Scope], list[Table]]

BLOCKS: dict[str, Block] = {
    "partnerships_by_tier": register.partnerships_by_tier,
    "changes": register.changes,
    "ratings_up_down": reviews.ratings_up_down,
    "limited_or_weak": reviews.limited_or_weak,
    "overdue": register.overdue,
    "resources": performance.resources,
    "budgets": performance.budgets,
    "key_risks": risks.key_risks,
    "new_risks": risks.new_risks,
    "risk_management": risks.risk_management,
    "performance_summary": performance.performance_summary,
    "indicators": performance.indicators,
    "exceptions": performance.exceptions,
    "reviews_held": reviews.reviews_held,
    "reviews_missing": reviews.reviews_missing,
    "targets_milestones": performance.targets_milestones,
    "review_actions": reviews.review_actions,
    "monitoring_obligations": register.monitoring_obligations,
    "strength_stability": reviews.strength_stability,
    "contracts": register.contracts,
    "submitted_reports": submitted.submitted_reports,
    "monitoring_flags": register.monitoring_flags,
}

__all__ = ["BLOCKS", "Block", "Scope"]
