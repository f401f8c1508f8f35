"""Central Bedfordshire's two yearly reports (000_b25245c80d994d06.txt, the J3 Partnerships Protocol).

- The **annual review report** to the executive (2.11.2): each Joint Committee or Board holds an
  annual review of progress against its objectives, covering its critical targets and milestones
  (2.11.1.1), the adequacy of its risk management (2.11.1.2) and whether resources are allocated
  effectively (2.11.1.3); a report of the reviews goes to the lead authority's executive and, if
  requested, to overview and scrutiny. It covers the public sector partnerships (1.5.1, 1.5.2).
- The **report on private sector partnerships** (3.2.8): the Chief Executive's office reports at
  least once a year to the Executive and overview and scrutiny on the performance of the private
  sector partnerships (1.5.3): their performance measures (3.2.5), risk management (3.2.6) and
  contract monitoring (3.2.7).
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from .. import gather, gather_monitoring, gather_reviews
from ..periods import YEAR, financial_years
from ..structure import Report, Section, Table
from . import common, tables
from .common import Context, ReportKind, plural

SEED = "J3 Partnerships Protocol,"  # as users read the clause: "(J3 Partnerships Protocol, 2.11)"


def _listed(ctx: Context, private: bool):
    items = gather.partnerships(ctx.visible)
    spans = gather.lifespans(items)
    return [
        p
        for p in items
        if gather.in_being(p, spans, ctx.period.end) and gather.is_private_sector(p, ctx.framework) == private
    ]


def build_annual_review(ctx: Context) -> Report:
    report = common.start(ctx, ANNUAL_REVIEW)
    period = ctx.period
    listed = _listed(ctx, private=False)
    ids = [p.pk for p in listed]
    held = gather_reviews.completed_reviews(ids, period)
    last = gather_reviews.completed_reviews(ids)
    ratings = gather_reviews.ratings(ids, period.end)
    obligations = gather.obligations(ctx.framework, ctx.visible, ids, ctx.today)
    performance = gather_monitoring.performance_in(ids, period)
    milestones = gather_monitoring.milestones(ids, period)
    risks = gather.risk_counts(ids, ctx.framework, ctx.today)
    money = gather.resources(ids, financial_years(period))
    budgets = gather_monitoring.budgets(ids, period)
    actions = gather_reviews.open_actions(ids)
    review_kinds = {a.id for a in ctx.framework.artefacts if a.kind == "review"}

    reviewed = [p for p in listed if p.pk in held]
    missing = [p for p in listed if p.pk not in held]
    report.sections.append(
        Section(
            "summary",
            "Summary",
            [
                "Each Joint Committee or Board holds an annual review of the progress it has made against "
                "its objectives; a report of the reviews is received by the executive and, if requested, by "
                f"the relevant overview and scrutiny committee ({SEED} 2.11).",
                f"{plural(len(reviewed), 'partnership')} of {len(listed):,} held their annual review in the "
                f"period; {plural(len(missing), 'did', 'did')} not.",
            ],
        )
    )
    held_rows = []
    for p in reviewed:
        review = held[p.pk]
        rating = ratings.on(p.pk, period.end)
        confirmed = review.business_case_reconfirmed
        held_rows.append(
            [
                p.reference,
                p.name,
                review.completed_on,
                gather_reviews.decision_name(review),
                "Not asked" if confirmed is None else "Yes" if confirmed else "No",
                gather_reviews.level_name(rating.level if rating else None),
            ]
        )
    missing_rows = []
    for p in missing:
        due = _review_obligation(obligations.get(p.pk), review_kinds)
        missing_rows.append(
            [
                p.reference,
                p.name,
                last[p.pk].completed_on if p.pk in last else None,
                due.status_label if due else "Not required",
                due.due if due else None,
            ]
        )
    report.sections.append(
        Section(
            "reviews",
            "Annual reviews",
            [],
            [
                Table(
                    "reviews_held",
                    "Annual reviews held in the period",
                    [
                        "Reference",
                        "Partnership",
                        "Completed on",
                        "Decision",
                        "Business case re-confirmed",
                        "Assurance rating",
                    ],
                    held_rows,
                    empty="No annual reviews were completed in the period.",
                    sheet="Annual reviews held",
                ),
                Table(
                    "reviews_missing",
                    "Partnerships without an annual review in the period",
                    ["Reference", "Partnership", "Last review", "Review status", "Review due"],
                    missing_rows,
                    empty="Every partnership held its annual review.",
                    sheet="Without an annual review",
                ),
            ],
        )
    )
    target_rows = []
    for p in listed:
        counts = performance.counts(p.pk)
        done, missed, to_do = gather_monitoring.milestone_summary(milestones.get(p.pk, Counter()))
        target_rows.append(
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
    report.sections.append(
        Section(
            "targets",
            "Critical targets and milestones",
            [
                "Indicators by the latest value reported in the period, and the delivery plan's "
                f"milestones due in it ({SEED} 2.11.1.1, 2.13.7)."
            ],
            [
                Table(
                    "targets",
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
                    target_rows,
                    numeric=(2, 3, 4, 5, 6, 7),
                    totals=True,
                    empty="No public sector partnerships.",
                    sheet="Targets and milestones",
                ),
                tables.exceptions(listed, performance),
            ],
        )
    )
    report.sections.append(
        Section(
            "risk_management",
            "Risk management",
            [
                "Whether risk management stays adequate: each joint risk register's open risks, those in "
                f"the highest band and those past their review date ({SEED} 2.11.1.2)."
            ],
            [tables.risk_management(listed, risks)],
        )
    )
    report.sections.append(_resources(listed, money, budgets))
    report.sections.append(
        Section("actions", "Actions from the reviews", [], [tables.review_actions(listed, actions)])
    )
    suggested = ["That the executive receives the report of the partnerships' annual reviews."]
    if missing:
        suggested.append(
            f"That the {plural(len(missing), 'partnership')} without a review hold one this year."
        )
    report.sections.append(common.recommendations(suggested))
    return report


def _review_obligation(found, review_kinds):
    """The partnership's first review obligation that applies to it, if any."""
    if found is None:
        return None
    return next(
        (r for r in found.obligations if r.artefact in review_kinds and r.status != "not_applicable"), None
    )


def _resources(listed, money, budgets) -> Section:
    rows = []
    for p in listed:
        years = budgets.get(p.pk, [])
        budget = sum((b.budget for b in years), Decimal(0)) if years else None
        actual = sum((b.actual for b in years if b.actual is not None), Decimal(0)) if years else None
        rows.append([p.reference, p.name, money.by_partnership.get(p.pk, Decimal(0)), budget, actual])
    return Section(
        "resources",
        "Resources",
        [
            f"Whether resources are allocated effectively: what the council put in, and the budget against "
            f"actual spending ({SEED} 2.11.1.3)."
        ],
        [
            Table(
                "resources",
                "Resources by partnership",
                ["Reference", "Partnership", "Council contribution (£)", "Budget (£)", "Actual (£)"],
                rows,
                numeric=(2, 3, 4),
                money=(2, 3, 4),
                totals=True,
                empty="No public sector partnerships.",
            )
        ],
    )


def build_private_sector(ctx: Context) -> Report:
    report = common.start(ctx, PRIVATE_SECTOR)
    period = ctx.period
    listed = _listed(ctx, private=True)
    ids = [p.pk for p in listed]
    performance = gather_monitoring.performance_in(ids, period)
    budgets = gather_monitoring.budgets(ids, period)
    risks = gather.risk_counts(ids, ctx.framework, ctx.today)
    obligations = gather.obligations(ctx.framework, ctx.visible, ids, ctx.today)
    ratings = gather_reviews.ratings(ids, period.end)
    reviews = gather_reviews.completed_reviews(ids)
    monitoring = {a.id for a in ctx.framework.artefacts if a.kind in ("performance_report", "review")}
    report.sections.append(
        Section(
            "summary",
            "Summary",
            [
                "The council's strategic overview of its private sector partnerships, reported at least once "
                f"a year to the Executive and the relevant overview and scrutiny committee ({SEED} 3.2.8).",
                f"{plural(len(listed), 'private sector partnership')} at the end of the period.",
            ],
        )
    )
    contractors = Table(
        "contracts",
        "Private sector partnerships",
        [
            "Reference",
            "Partnership",
            "Contractor",
            "Started on",
            "Planned end",
            "Assurance rating",
            "Last review decision",
        ],
        [
            [
                p.reference,
                p.name,
                p.lead_organisation.name,
                p.start_date,
                p.proposed_end_date,
                gather_reviews.level_name(r.level if (r := ratings.on(p.pk, period.end)) else None),
                gather_reviews.decision_name(reviews.get(p.pk)),
            ]
            for p in listed
        ],
        empty="No private sector partnerships.",
    )
    report.sections.append(Section("partnerships", "The partnerships", [], [contractors]))
    report.sections.append(
        Section(
            "performance",
            "Performance",
            [f"Performance measures, including those reflecting service users' experience ({SEED} 3.2.5)."],
            [tables.performance_summary(listed, performance), tables.exceptions(listed, performance)],
        )
    )
    report.sections.append(Section("budgets", "Contracts and budgets", [], [tables.budgets(listed, budgets)]))
    report.sections.append(
        Section(
            "risk",
            "Risk management",
            [f"Risks identified and allocated from the outset and reviewed regularly ({SEED} 3.2.6)."],
            [tables.risk_management(listed, risks)],
        )
    )
    report.sections.append(
        Section(
            "monitoring",
            "Contract monitoring",
            [f"The contract monitoring the framework requires, and whether it is up to date ({SEED} 3.2.7)."],
            [tables.obligations(listed, obligations, "monitoring", "Monitoring and reviews", monitoring)],
        )
    )
    report.sections.append(
        common.recommendations(
            ["That the Executive notes the performance of the private sector partnerships."]
        )
    )
    return report


ANNUAL_REVIEW = ReportKind(
    id="annual-review",
    title="Annual review report",
    audience="Executive (and, if requested, the relevant overview and scrutiny committee)",
    cadence=YEAR,
    description="The year's annual reviews of the public sector partnerships: targets and milestones, "
    "risk management and resources, the actions agreed, and the partnerships not yet reviewed.",
    cite=f"{SEED} 2.11.2",
    frameworks=("central_bedfordshire",),
    recommendations=True,
    build=build_annual_review,
)

PRIVATE_SECTOR = ReportKind(
    id="private-sector",
    title="Private sector partnerships report",
    audience="Executive and the relevant overview and scrutiny committee",
    cadence=YEAR,
    description="The yearly report on the performance of the private sector partnerships: performance "
    "measures, contracts against budget, risk management and contract monitoring.",
    cite=f"{SEED} 3.2.8",
    frameworks=("central_bedfordshire",),
    recommendations=True,
    build=build_private_sector,
)
