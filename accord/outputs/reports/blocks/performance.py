"""Blocks about performance and money: indicators against target, exceptions, targets and milestones,
budgets against actual spending, and the resources the council put in."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from .. import gather_monitoring
from ..builders import tables
from ..structure import Cell, Table
from .scope import Scope


def performance_summary(scope: Scope) -> list[Table]:
    return [tables.performance_summary(scope.items, scope.performance)]


def indicators(scope: Scope) -> list[Table]:
    return [tables.indicators(scope.items, scope.performance)]


def exceptions(scope: Scope) -> list[Table]:
    return [tables.exceptions(scope.items, scope.performance)]


def budgets(scope: Scope) -> list[Table]:
    return [tables.budgets(scope.items, scope.budgets)]


def targets_milestones(scope: Scope) -> list[Table]:
    rows: list[list[Cell]] = []
    for p in scope.items:
        counts = scope.performance.counts(p.pk)
        done, missed, to_do = gather_monitoring.milestone_summary(scope.milestones.get(p.pk, Counter()))
        rows.append(
            [
                p.reference,
                p.name,
                counts["on_target"],
                counts["near_target"],
                counts["off_target"],
                done,
                missed,
                to_do,
            ]
        )
    return [
        Table(
            "targets_milestones",
            "Targets and milestones by partnership",
            [
                "Reference",
                "Partnership",
                "On target",
                "Near target",
                "Off target",
                "Milestones done",
                "Milestones missed",
                "Milestones still to do",
            ],
            rows,
            numeric=(2, 3, 4, 5, 6, 7),
            totals=True,
            empty="No partnerships to report on.",
            sheet="Targets and milestones",
        )
    ]


def resources(scope: Scope) -> list[Table]:
    rows: list[list[Cell]] = []
    for p in scope.items:
        years = scope.budgets.get(p.pk, [])
        budget = sum((b.budget for b in years), Decimal(0)) if years else None
        actual = sum((b.actual for b in years if b.actual is not None), Decimal(0)) if years else None
        rows.append([p.reference, p.name, scope.money.by_partnership.get(p.pk, Decimal(0)), budget, actual])
    return [
        Table(
            "resources",
            "Resources by partnership",
            ["Reference", "Partnership", "Council contribution (£)", "Budget (£)", "Actual (£)"],
            rows,
            numeric=(2, 3, 4),
            money=(2, 3, 4),
            totals=True,
            empty="No partnerships to report on.",
        )
    ]
