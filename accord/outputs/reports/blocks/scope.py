"""What a declared report's blocks are built from (ADR 0032): the context, the partnerships the report
covers, and what was gathered for them, each gathered once on first use and shared by every block
(a few bulk queries per report, never one per partnership)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from accord.register.models import Partnership

from .. import gather, gather_monitoring, gather_reviews
from ..periods import financial_years

if TYPE_CHECKING:
    from ..builders.common import Context

LOWEST = ("limited", "weak")  # the two lowest assurance levels


@dataclass
class Scope:
    ctx: Context
    items: list[gather.Listed]

    @property
    def period(self):
        return self.ctx.period

    @cached_property
    def ids(self) -> list[int]:
        return [p.pk for p in self.items]

    @cached_property
    def performance(self) -> gather_monitoring.Performance:
        return gather_monitoring.performance_in(self.ids, self.period)

    @cached_property
    def budgets(self) -> dict:
        return gather_monitoring.budgets(self.ids, self.period)

    @cached_property
    def milestones(self) -> dict[int, Counter]:
        return gather_monitoring.milestones(self.ids, self.period)

    @cached_property
    def ratings(self) -> gather_reviews.Ratings:
        return gather_reviews.ratings(self.ids, self.period.end)

    @cached_property
    def risk_counts(self) -> dict[int, gather.RiskCounts]:
        return gather.risk_counts(self.ids, self.ctx.framework, self.ctx.today)

    @cached_property
    def key_risks(self) -> list:
        return gather.key_risks(self.ids, self.ctx.framework)

    @cached_property
    def obligations(self) -> dict[int, gather.Standing]:
        return gather.obligations(self.ctx.framework, self.ctx.visible, self.ids, self.ctx.today)

    @cached_property
    def overdue(self) -> list[tuple[gather.Listed, gather.Due]]:
        by_pk = {p.pk: p for p in self.items}
        found = [(by_pk[pk], due) for pk, due in gather.overdue(self.obligations, self.ctx.framework)]
        return sorted(found, key=lambda item: (item[0].name, item[0].pk, item[1].name))

    @cached_property
    def reviews_held(self) -> dict:
        return gather_reviews.completed_reviews(self.ids, self.period)

    @cached_property
    def last_reviews(self) -> dict:
        return gather_reviews.completed_reviews(self.ids)

    @cached_property
    def open_actions(self) -> dict:
        return gather_reviews.open_actions(self.ids)

    @cached_property
    def moves(self) -> dict:
        return gather.transitions(self.ids, self.period)

    @cached_property
    def money(self) -> gather.Resources:
        return gather.resources(self.ids, financial_years(self.period))

    @cached_property
    def flags(self) -> dict[int, dict[str, Any]]:
        """What the register records about each partnership's monitoring (one query)."""
        rows = Partnership.objects.filter(pk__in=self.ids).values(
            "pk", "directorate__name", "monitoring_arrangements", "additional_monitoring_required"
        )
        return {row["pk"]: dict(row) for row in rows}

    def rating_at_end(self, pk: int):
        return self.ratings.on(pk, self.period.end)

    def count(self, name: str) -> int:
        """One of the counts a summary can say (accord.frameworks.schema.REPORT_COUNTS)."""
        if name == "off_target":
            return sum(self.performance.counts(pk)["off_target"] for pk in self.ids)
        if name == "overspent":
            return sum(1 for pk in self.ids for b in self.budgets.get(pk, []) if b.on_budget is False)
        if name == "reviewed":
            return sum(1 for pk in self.ids if pk in self.reviews_held)
        if name == "not_reviewed":
            return sum(1 for pk in self.ids if pk not in self.reviews_held)
        if name == "limited_or_weak":
            return sum(1 for pk in self.ids if (r := self.rating_at_end(pk)) and r.level in LOWEST)
        if name == "overdue":
            return len(self.overdue)
        if name == "key_risks":
            return len(self.key_risks)
        if name == "additional_monitoring":
            return sum(1 for row in self.flags.values() if row["additional_monitoring_required"])
        raise KeyError(name)
