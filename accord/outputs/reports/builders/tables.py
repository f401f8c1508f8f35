"""Tables several reports share: indicators against target, exceptions, budgets, risk management,
review actions and obligations. Each takes the partnerships to list and what was gathered for them."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from accord.domain.monitoring.performance import STATUS_LABELS
from accord.frameworks import engine

from .. import gather, gather_monitoring
from ..periods import fy_label
from ..structure import Table

ACTION_STATUS = {"open": "Open", "in_progress": "In progress", "done": "Done"}


def performance_summary(items: Sequence[gather.Item], performance: gather_monitoring.Performance) -> Table:
    rows = []
    for p in items:
        counts = performance.counts(p.pk)
        rows.append(
            [
                p.reference,
                p.name,
                sum(counts.values()),
                counts["on_target"],
                counts["near_target"],
                counts["off_target"],
                counts["none"],
            ]
        )
    return Table(
        "performance_summary",
        "Indicators by partnership",
        ["Reference", "Partnership", "Indicators", "On target", "Near target", "Off target", "No value"],
        rows,
        numeric=(2, 3, 4, 5, 6),
        totals=True,
        empty="No partnerships to report on.",
    )


def indicators(items: Sequence[gather.Item], performance: gather_monitoring.Performance) -> Table:
    rows = []
    for p in items:
        for row in performance.indicators.get(p.pk, []):
            latest = row.latest
            rows.append(
                [
                    p.reference,
                    p.name,
                    row.indicator.name,
                    latest.target if latest else row.indicator.target,
                    latest.actual if latest else None,
                    row.indicator.unit,
                    latest.period_label if latest else "No value in the period",
                    STATUS_LABELS.get(latest.status, "") if latest else "No value yet",
                ]
            )
    return Table(
        "indicators",
        "Indicators against target",
        ["Reference", "Partnership", "Indicator", "Target", "Latest actual", "Unit", "Period", "Status"],
        rows,
        key=(0, 2),
        numeric=(3, 4),
        empty="No active indicators.",
    )


def exceptions(items: Sequence[gather.Item], performance: gather_monitoring.Performance) -> Table:
    rows = [
        [p.reference, p.name, v.indicator.name, v.period_label, v.actual, v.target, v.corrective_action]
        for p in items
        for v in performance.exceptions.get(p.pk, [])
    ]
    return Table(
        "exceptions",
        "Indicators off target, with the corrective action",
        ["Reference", "Partnership", "Indicator", "Period", "Actual", "Target", "Corrective action"],
        rows,
        key=None,  # the period's own exceptions: not compared with another period's
        numeric=(4, 5),
        empty="No indicator was off target in the period.",
        sheet="Indicators off target",
    )


def budgets(items: Sequence[gather.Item], found: dict) -> Table:
    rows = [
        [
            p.reference,
            p.name,
            fy_label(b.year),
            b.budget,
            b.actual,
            gather_monitoring.on_budget_text(b),
            b.explanation,
        ]
        for p in items
        for b in found.get(p.pk, [])
    ]
    return Table(
        "budgets",
        "Budgets against actual spending",
        [
            "Reference",
            "Partnership",
            "Financial year",
            "Budget (£)",
            "Actual (£)",
            "On budget?",
            "Explanation",
        ],
        rows,
        key=(0, 2),
        numeric=(3, 4),
        money=(3, 4),
        empty="No budgets are recorded for the period.",
    )


def risk_management(items: Sequence[gather.Item], counts: dict[int, gather.RiskCounts]) -> Table:
    rows = []
    for p in items:
        c = counts.get(p.pk, gather.RiskCounts())
        rows.append([p.reference, p.name, c.open, c.high, c.overdue_review])
    return Table(
        "risk_management",
        "Joint risk registers",
        ["Reference", "Partnership", "Open risks", "In the highest band", "Past their review date"],
        rows,
        numeric=(2, 3, 4),
        totals=True,
        empty="No partnerships to report on.",
    )


def review_actions(items: Sequence[gather.Item], actions: dict) -> Table:
    rows = [
        [
            p.reference,
            p.name,
            a.description,
            a.owner_name or (a.owner.name if a.owner_id else ""),
            a.due_on,
            ACTION_STATUS.get(a.status, a.status),
        ]
        for p in items
        for a in actions.get(p.pk, [])
    ]
    return Table(
        "review_actions",
        "Actions from reviews still open",
        ["Reference", "Partnership", "Action", "Owner", "Due on", "Status"],
        rows,
        key=(0, 2),
        empty="No actions from reviews are open.",
    )


def obligations(
    items: Sequence[gather.Item], rows_by_pk: dict, table_id: str, caption: str, kinds=None
) -> Table:
    """Every obligation that applies (of the given artefact kinds, if any), with its status."""
    rows = []
    for p in items:
        found = rows_by_pk.get(p.pk)
        for result in found.obligations if found else ():
            if result.status == engine.NOT_APPLICABLE or (kinds is not None and result.artefact not in kinds):
                continue
            rows.append([p.reference, p.name, result.name, result.status_label, result.due, result.evidence])
    return Table(
        table_id,
        caption,
        ["Reference", "Partnership", "Obligation", "Status", "Due", "Last done"],
        rows,
        key=(0, 2),
        empty="No obligations apply.",
    )


def money_or_zero(value: Decimal | None) -> Decimal:
    return value if value is not None else Decimal(0)
