"""Blocks about the partnerships themselves: by tier, the changes in the period, contracts, the
monitoring the register records (the council's own list's "additional monitoring required?"), the
monitoring obligations and what is overdue."""

from __future__ import annotations

from .. import gather_reviews
from ..builders import common, tables
from ..structure import Table
from .scope import Scope


def partnerships_by_tier(scope: Scope) -> list[Table]:
    rows = []
    for p in scope.items:
        found = scope.obligations.get(p.pk)
        rating = scope.rating_at_end(p.pk)
        rows.append(
            [
                p.reference,
                p.name,
                p.partnership_type.name,
                found.tier_name if found else "",
                common.status_name(p.status),
                gather_reviews.level_name(rating.level if rating else None),
            ]
        )
    return [
        Table(
            "partnerships_by_tier",
            "Partnerships by tier",
            ["Reference", "Partnership", "Type", "Tier", "Status", "Assurance rating"],
            rows,
            empty="No partnerships to report on.",
        )
    ]


def changes(scope: Scope) -> list[Table]:
    rows = []
    for p in scope.items:
        for move in scope.moves.get(p.pk, []):
            what = (
                f"Moved from {common.status_name(move.from_status)} to {common.status_name(move.to_status)}"
                if move.from_status
                else f"Recorded as {common.status_name(move.to_status)}"
            )
            rows.append([p.reference, p.name, what, move.decided_on, move.reason])
        before, after, direction = scope.ratings.movement(p.pk, scope.period)
        if direction and before and after:
            rows.append(
                [
                    p.reference,
                    p.name,
                    f"Assurance rating {'up' if direction > 0 else 'down'} from "
                    f"{gather_reviews.level_name(before.level)} to {gather_reviews.level_name(after.level)}",
                    after.rated_on,
                    "",
                ]
            )
    return [
        Table(
            "changes",
            "Changes in the period",
            ["Reference", "Partnership", "Change", "Date", "Reason"],
            rows,
            key=None,  # events of the period
            empty="No changes in the period.",
        )
    ]


def contracts(scope: Scope) -> list[Table]:
    rows = []
    for p in scope.items:
        rating = scope.rating_at_end(p.pk)
        rows.append(
            [
                p.reference,
                p.name,
                p.lead_organisation.name,
                p.start_date,
                p.proposed_end_date,
                gather_reviews.level_name(rating.level if rating else None),
                gather_reviews.decision_name(scope.last_reviews.get(p.pk)),
            ]
        )
    return [
        Table(
            "contracts",
            "The partnerships",
            [
                "Reference",
                "Partnership",
                "Contractor",
                "Started on",
                "Planned end",
                "Assurance rating",
                "Last review decision",
            ],
            rows,
            empty="No partnerships to report on.",
        )
    ]


def monitoring_flags(scope: Scope) -> list[Table]:
    rows = []
    for p in scope.items:
        found = scope.flags.get(p.pk, {})
        rows.append(
            [
                p.reference,
                p.name,
                found.get("directorate__name") or "",
                found.get("monitoring_arrangements") or "",
                "Yes" if found.get("additional_monitoring_required") else "No",
            ]
        )
    return [
        Table(
            "monitoring_flags",
            "Monitoring arrangements",
            [
                "Reference",
                "Partnership",
                "Lead service",
                "Monitoring arrangements",
                "Additional monitoring required?",
            ],
            rows,
            empty="No partnerships to report on.",
            sheet="Monitoring arrangements",
        )
    ]


def monitoring_obligations(scope: Scope) -> list[Table]:
    kinds = {a.id for a in scope.ctx.framework.artefacts if a.kind in ("performance_report", "review")}
    return [
        tables.obligations(
            scope.items, scope.obligations, "monitoring_obligations", "Monitoring and reviews", kinds
        )
    ]


def overdue(scope: Scope) -> list[Table]:
    rows = [[p.reference, p.name, due.name, due.due] for p, due in scope.overdue]
    return [
        Table(
            "overdue",
            "Reviews and reports overdue",
            ["Reference", "Partnership", "Obligation", "Due"],
            rows,
            key=(0, 2),
            empty="No review or report is overdue.",
        )
    ]
