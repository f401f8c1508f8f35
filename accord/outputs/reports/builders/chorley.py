"""Chorley's bi-annual key partnerships performance report to Executive Cabinet.

003_6cf6fd1a73ee76f7.txt "Monitoring and review arrangements for key partnerships": the report
informs members of (1) the performance of the council's key partnerships against targets set for
the current year; (2) any emerging issues, including whether contracts are on budget; (3) an
assessment of key partners' strength and stability; and (4) the changes to key partnerships.
A key partnership is one the register lists as key (Chorley Appendix A) or the framework's
significance rules put in its "key" tier.
"""

from __future__ import annotations

from .. import gather, gather_monitoring, gather_reviews
from ..periods import HALF_YEAR
from ..structure import Report, Section, Table
from . import common, tables
from .common import Context, ReportKind, plural

CITE = "003_6cf6fd1a73ee76f7.txt Monitoring and review arrangements for key partnerships"


def build(ctx: Context) -> Report:
    report = common.start(ctx, KIND)
    period = ctx.period
    items = gather.partnerships(ctx.visible)
    spans = gather.lifespans(items)
    current = [p for p in items if gather.in_being(p, spans, period.end) or p.pk in spans.ended]
    tiers = gather.obligations(ctx.framework, ctx.visible, [p.pk for p in current], ctx.today)
    key = [p for p in current if p.is_key_partnership or (p.pk in tiers and tiers[p.pk].tier_id == "key")]
    ids = [p.pk for p in key]
    performance = gather_monitoring.performance_in(ids, period)
    budgets = gather_monitoring.budgets(ids, period)
    ratings = gather_reviews.ratings(ids, period.end)
    risks = gather.risk_counts(ids, ctx.framework, ctx.today)
    reviews = gather_reviews.completed_reviews(ids)
    moves = gather.transitions(ids, period)
    key_risks = [
        r
        for r in gather.key_risks(ids, ctx.framework)
        if r.identified_on in period or (r.escalated_on and r.escalated_on in period)
    ]

    over = [b for p in key for b in budgets.get(p.pk, []) if b.on_budget is False]
    off = sum(performance.counts(p.pk)["off_target"] for p in key)
    report.sections.append(
        Section(
            "summary",
            "Summary",
            [
                f"This report tells members how the council's {plural(len(key), 'key partnership')} "
                f"performed in {period.label.split(' (')[0]}: against the targets set for the year, the "
                "emerging issues including whether contracts are on budget, an assessment of the key "
                "partners' strength and stability, and the changes to key partnerships.",
                f"{plural(off, 'indicator was', 'indicators were')} off target at the latest count; "
                f"{plural(len(over), 'budget is', 'budgets are')} overspent.",
            ],
        )
    )
    report.sections.append(_performance(key, performance))
    report.sections.append(_issues(key, budgets, performance, key_risks, ctx))
    report.sections.append(_strength(key, ratings, risks, tiers, reviews, period))
    report.sections.append(_changes(key, moves, ratings, period))
    suggested = ["That Executive Cabinet notes the performance of the council's key partnerships."]
    if over:
        suggested.append(
            f"That the {plural(len(over), 'overspent budget')} be reported with a recovery plan."
        )
    report.sections.append(common.recommendations(suggested))
    return report


def _performance(key, performance: gather_monitoring.Performance) -> Section:
    summary = tables.performance_summary(key, performance)
    summary.caption = "Indicators by key partnership"
    return Section(
        "performance",
        "1. Performance against targets",
        ["Each key partnership's active indicators, judged by the latest value reported in the period."],
        [summary, tables.indicators(key, performance)],
    )


def _issues(key, budgets, performance: gather_monitoring.Performance, key_risks, ctx: Context) -> Section:
    bands = {b.id: b.name for b in ctx.framework.risk_model.bands}
    risk_rows = [
        [
            r.partnership.reference,
            r.partnership.name,
            r.reference,
            r.title,
            bands.get(r.current_band, r.current_band or "Not scored"),
            r.escalated_on,
        ]
        for r in key_risks
    ]
    return Section(
        "issues",
        "2. Emerging issues",
        [
            "Whether contracts are on budget, the indicators that missed their targets with the corrective "
            "action agreed, and high or escalated risks that arose in the period."
        ],
        [
            tables.budgets(key, budgets),
            tables.exceptions(key, performance),
            Table(
                "new_risks",
                "High or escalated risks that arose in the period",
                ["Reference", "Partnership", "Risk", "Title", "Band", "Escalated on"],
                risk_rows,
                key=None,  # events of the period
                empty="No high or escalated risks arose in the period.",
                sheet="High or escalated risks",
            ),
        ],
    )


def _strength(key, ratings, risks, tiers, reviews, period) -> Section:
    rows = []
    for p in key:
        rating = ratings.on(p.pk, period.end)
        counts = risks.get(p.pk, gather.RiskCounts())
        overdue = sum(1 for r in tiers[p.pk].obligations if r.status == "overdue") if p.pk in tiers else 0
        review = reviews.get(p.pk)
        rows.append(
            [
                p.reference,
                p.name,
                p.lead_organisation.name,
                gather_reviews.level_name(rating.level if rating else None),
                rating.rated_on if rating else None,
                counts.high,
                overdue,
                gather_reviews.decision_name(review),
            ]
        )
    return Section(
        "strength",
        "3. Key partners' strength and stability",
        [
            "An assessment from the record: the governance assurance rating at the partnership's last "
            "review, open risks in the highest band, obligations overdue and the last review's decision."
        ],
        [
            Table(
                "strength",
                "Strength and stability of key partnerships",
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
                empty="No key partnerships.",
                sheet="Strength and stability",
            )
        ],
    )


def _changes(key, moves, ratings, period) -> Section:
    rows = []
    for p in key:
        for move in moves.get(p.pk, []):
            what = (
                f"Moved from {common.status_name(move.from_status)} to {common.status_name(move.to_status)}"
                if move.from_status
                else f"Recorded as {common.status_name(move.to_status)}"
            )
            rows.append([p.reference, p.name, what, move.decided_on, move.reason])
        before, after, direction = ratings.movement(p.pk, period)
        if direction:
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
    return Section(
        "key_changes",
        "4. Changes to key partnerships",
        ["Moves through the partnership cycle decided in the period, and assurance ratings that changed."],
        [
            Table(
                "key_changes",
                "Changes to key partnerships",
                ["Reference", "Partnership", "Change", "Date", "Reason"],
                rows,
                key=None,  # events of the period
                empty="No changes to key partnerships in the period.",
            )
        ],
    )


KIND = ReportKind(
    id="key-partnerships",
    title="Key partnerships performance report",
    audience="Executive Cabinet",
    cadence=HALF_YEAR,
    description="Every six months: the key partnerships' performance against targets, emerging issues "
    "including whether contracts are on budget, the key partners' strength and stability, and changes "
    "to key partnerships.",
    cite=CITE,
    frameworks=("chorley",),
    recommendations=True,
    build=build,
)
