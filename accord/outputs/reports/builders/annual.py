"""Accord's own annual partnerships report to the Corporate Management Team, the Executive and Audit
Committee, offered under every framework (so it names no council and answers no one council's clause).

A joint annual report on the overall impact of the council's involvement in partnerships, with
recommendations on any actions required; in the style of the assurance reports councils now take to
Audit Committee each year: partnerships added and ended, assurance ratings that went up or down, every
partnership rated Limited or Weak, overdue reviews and reports, the resources the council committed,
key risks, recommendations. A council's own committee reports are declared by its framework file
(`declared`, ADR 0032).
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from accord.frameworks import citations
from accord.frameworks.assurance import LEVELS

from .. import gather, gather_reviews
from ..periods import YEAR, financial_years, fy_label
from ..structure import Cell, Report, Section, Table
from . import common, overrides
from .common import Context, ReportKind, plural


def build(ctx: Context) -> Report:
    report = common.start(ctx, KIND)
    period = ctx.period
    items = gather.partnerships(ctx.visible)
    spans = gather.lifespans(items)
    ids = [p.pk for p in items]
    listed = [p for p in items if gather.in_being(p, spans, period.end)]
    added = [
        p for p in items if (j := spans.joined.get(p.pk)) and j in period and gather.in_being(p, spans, j)
    ]
    ended = [p for p in items if (e := spans.ended.get(p.pk)) and e in period]
    ratings = gather_reviews.ratings(ids, period.end)
    tiers = gather.obligations(ctx.framework, ctx.visible, [p.pk for p in listed], ctx.today)
    years = financial_years(period)
    money = gather.resources([p.pk for p in listed], years)
    risks = gather.key_risks([p.pk for p in listed], ctx.framework)
    by_pk = {p.pk: p for p in listed}
    overdue = sorted(
        ((by_pk[pk], due) for pk, due in gather.overdue(tiers, ctx.framework) if pk in by_pk),
        key=lambda item: (item[0].name, item[0].pk, item[1].name),
    )
    actions = gather_reviews.open_actions([p.pk for p in listed])
    exceptions = overrides.in_period(items, period)

    at_end = {p.pk: ratings.on(p.pk, period.end) for p in listed}
    moves = [(p, *ratings.movement(p.pk, period)) for p in listed]
    up = [m for m in moves if m[3] > 0]
    down = [m for m in moves if m[3] < 0]
    low = [p for p in listed if (rating := at_end[p.pk]) and rating.level in ("limited", "weak")]
    levels = Counter(r.level if r else "" for r in at_end.values())
    total = sum(money.by_partnership.values(), Decimal(0))
    year_label = " and ".join(fy_label(y) for y in years)

    by_level: list[list[Cell]] = [
        [f"Rated {gather_reviews.level_name(level)}", levels[level]] for level in LEVELS
    ]
    figures = Table(
        "figures",
        "The year in figures",
        ["Measure", "Number"],
        [
            ["Partnerships at the end of the period", len(listed)],
            ["Partnerships added in the period", len(added)],
            ["Partnerships ended in the period", len(ended)],
            *by_level,
            ["Not yet rated", levels[""]],
            ["Ratings that went up", len(up)],
            ["Ratings that went down", len(down)],
            ["Reviews and reports overdue", len(overdue)],
            ["Gate requirements overridden", len(exceptions)],
            ["Key risks (highest band or escalated)", len(risks)],
            ["Council resources committed in the period (£)", total.quantize(Decimal(1))],
        ],
        numeric=(1,),
    )
    report.sections.append(
        Section(
            "summary",
            "Summary",
            [
                f"{ctx.council} was part of {plural(len(listed), 'partnership')} at the end of the period "
                f"({common.day(period.end)}).",
                f"{plural(len(added), 'partnership')} started and {plural(len(ended), 'partnership')} ended "
                f"during the period. {plural(len(low), 'partnership is', 'partnerships are')} rated Limited "
                f"or Weak; {plural(len(overdue), 'review or report is', 'reviews and reports are')} overdue.",
            ],
            [figures],
        )
    )
    report.sections.append(_register(listed, tiers, at_end))
    report.sections.append(_changes(added, ended, spans))
    report.sections.append(_ratings(up, down, low, at_end, actions))
    report.sections.append(_overdue(overdue, ctx))
    report.sections.append(overrides.section(exceptions))
    report.sections.append(_resources(listed, money, year_label))
    report.sections.append(_risks(risks, ctx))
    report.sections.append(common.recommendations(_suggest(low, overdue, risks, down, exceptions)))
    return report


def _register(listed, tiers, at_end) -> Section:
    rows = [
        [
            p.reference,
            p.name,
            p.partnership_type.name,
            tiers[p.pk].tier_name if p.pk in tiers else "",
            common.status_name(p.status),
            gather_reviews.level_name(at_end[p.pk].level if at_end[p.pk] else None),
        ]
        for p in listed
    ]
    return Section(
        "register",
        "Partnerships in the register",
        [
            "Every partnership the council was part of at the end of the period, with its tier under the "
            "framework and its assurance rating then."
        ],
        [
            Table(
                "register",
                "Partnerships at the end of the period",
                [
                    "Reference",
                    "Partnership",
                    "Type",
                    "Tier",
                    "Status",
                    "Assurance rating",
                ],
                rows,
                empty="The council was part of no partnerships at the end of the period.",
                sheet="Register at end of period",
            )
        ],
    )


def _changes(added, ended, spans) -> Section:
    return Section(
        "added_ended",
        "Partnerships added and ended",
        [],
        [
            Table(
                "added",
                "Partnerships added in the period",
                ["Reference", "Partnership", "Type", "Started on"],
                [[p.reference, p.name, p.partnership_type.name, spans.joined[p.pk]] for p in added],
                key=None,  # events of the period: the register table shows what changed since
                empty="No partnerships started in the period.",
                sheet="Added in the period",
            ),
            Table(
                "ended",
                "Partnerships ended in the period",
                ["Reference", "Partnership", "Status", "Ended on"],
                [[p.reference, p.name, common.status_name(p.status), spans.ended[p.pk]] for p in ended],
                key=None,
                empty="No partnerships ended in the period.",
                sheet="Ended in the period",
            ),
        ],
    )


def _ratings(up, down, low, at_end, actions) -> Section:
    def moved(rows):
        return [
            [
                p.reference,
                p.name,
                gather_reviews.level_name(before.level),
                gather_reviews.level_name(after.level),
                after.rated_on,
            ]
            for p, before, after, _ in rows
        ]

    columns = ["Reference", "Partnership", "Rating before", "Rating now", "Rated on"]
    return Section(
        "ratings",
        "Assurance ratings",
        [
            "Each significant partnership's governance is rated Substantial, Reasonable, Limited or Weak at "
            "its review. A rating below Substantial brings the next review forward."
        ],
        [
            Table(
                "ratings_up", "Ratings that went up", columns, moved(up), key=None, empty="No rating went up."
            ),
            Table(
                "ratings_down",
                "Ratings that went down",
                columns,
                moved(down),
                key=None,
                empty="No rating went down.",
            ),
            Table(
                "limited_weak",
                "Partnerships rated Limited or Weak",
                ["Reference", "Partnership", "Rating", "Rated on", "Why", "Open review actions"],
                [
                    [
                        p.reference,
                        p.name,
                        gather_reviews.level_name(at_end[p.pk].level),
                        at_end[p.pk].rated_on,
                        "; ".join(r.get("text", "") for r in (at_end[p.pk].reasons or [])[:3]),
                        len(actions.get(p.pk, [])),
                    ]
                    for p in low
                ],
                numeric=(5,),
                empty="No partnership is rated Limited or Weak.",
                sheet="Rated Limited or Weak",
            ),
        ],
    )


def _overdue(overdue, ctx: Context) -> Section:
    rows = [
        [p.reference, p.name, due.name, due.due, citations.display(due.cite, ctx.framework)]
        for p, due in overdue
    ]
    return Section(
        "overdue",
        "Overdue reviews and reports",
        [f"Reviews and reports the framework requires that were overdue on {common.day(ctx.today)}."],
        [
            Table(
                "overdue",
                "Overdue reviews and reports",
                ["Reference", "Partnership", "What is overdue", "Was due", "Clause"],
                rows,
                key=(0, 2),
                empty="No reviews or reports are overdue.",
            )
        ],
    )


def _resources(listed, money, year_label) -> Section:
    by_partnership = [
        [p.reference, p.name, money.by_partnership[p.pk], money.hours.get(p.pk, 0)]
        for p in listed
        if p.pk in money.by_partnership
    ]
    by_partnership.sort(key=lambda row: (-row[2], row[1]))
    return Section(
        "resources",
        "Resources committed by the council",
        [
            f"What the council put into its partnerships in {year_label}, as recorded in the register: "
            "money, and officer time and other resources at their costed value."
        ],
        [
            Table(
                "resources_by_category",
                "Council resources by kind",
                ["Kind of resource", "Amount (£)", "Partnerships"],
                [[label, amount, count] for label, (amount, count) in money.by_category.items()],
                numeric=(1, 2),
                money=(1,),
                totals=True,
                empty="No contributions are recorded for the period.",
            ),
            Table(
                "resources_by_partnership",
                "Council resources by partnership",
                ["Reference", "Partnership", "Amount (£)", "Officer hours a year"],
                by_partnership,
                key=None,  # amounts move every year: the totals above say what changed
                numeric=(2, 3),
                money=(2,),
                totals=True,
                empty="No contributions are recorded for the period.",
                sheet="Resources by partnership",
            ),
        ],
    )


def _risks(risks, ctx: Context) -> Section:
    bands = {b.id: b.name for b in ctx.framework.risk_model.bands}
    rows = [
        [
            r.partnership.reference,
            r.partnership.name,
            r.reference,
            r.title,
            r.current_score,
            bands.get(r.current_band, r.current_band or "Not scored"),
            r.escalated_on,
            r.owner,
        ]
        for r in risks
    ]
    return Section(
        "risks",
        "Key risks",
        [
            f"Open risks on the partnerships' joint risk registers on {common.day(ctx.today)} that are in "
            "the highest band of the council's risk matrix or have been escalated."
        ],
        [
            Table(
                "key_risks",
                "Key risks",
                [
                    "Reference",
                    "Partnership",
                    "Risk",
                    "Title",
                    f"{ctx.framework.risk_model.scores.current} score",
                    "Band",
                    "Escalated on",
                    "Owner",
                ],
                rows,
                key=(0, 2),
                numeric=(4,),
                empty="No open risks are in the highest band or escalated.",
            )
        ],
    )


def _suggest(low, overdue, risks, down, exceptions) -> list[str]:
    suggested = []
    if low:
        suggested.append(
            f"That the lead officers of the {plural(len(low), 'partnership')} rated Limited or Weak report "
            "their improvement actions to the Corporate Management Team within three months."
        )
    if overdue:
        suggested.append(
            f"That the {plural(len(overdue), 'overdue review or report', 'overdue reviews and reports')} be "
            "completed before the next report."
        )
    if down:
        suggested.append(f"That the reasons for the {plural(len(down), 'rating')} that went down be noted.")
    if risks:
        suggested.append(
            f"That the {plural(len(risks), 'key risk')} be noted and their owners' actions monitored."
        )
    if exceptions:
        suggested.append(
            f"That the {plural(len(exceptions), 'gate requirement')} overridden, and the reasons given, "
            "be noted."
        )
    suggested.append("That the report be noted.")
    return suggested


KIND = ReportKind(
    id="annual",
    title="Annual partnerships report",
    audience="Corporate Management Team, Executive and Audit Committee",
    cadence=YEAR,
    description="The year's partnerships: those added and ended, assurance ratings that went up or down, "
    "every partnership rated Limited or Weak, overdue reviews and reports, the resources the council "
    "committed, key risks and recommendations.",
    cite="",  # Accord's own: no council's clause
    recommendations=True,
    build=build,
)
