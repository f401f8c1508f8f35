"""A partnership pack: one partnership's record on a page, for a board meeting or an audit.

Its register entry, members, people and contributions; its obligations under the council's
framework; its joint risk register; its indicators, milestones and budgets; its last review, the
actions still open and its assurance ratings over time; its representatives' meetings; and its
history (moves through the cycle and the changes recorded in the period).
"""

from __future__ import annotations

from datetime import datetime, time

from django.utils import timezone

from accord.frameworks import citations
from accord.frameworks.schema import Framework
from accord.kernel import clock
from accord.kernel.audit.models import AuditEvent
from accord.register.models import Partnership

from .. import gather, gather_monitoring, gather_reviews
from ..periods import TWELVE_MONTHS
from ..structure import Report, Section, Table
from . import common, pack_parts, tables
from .common import Context, ReportKind

HISTORY_LIMIT = 200  # changes listed in the pack's history, newest first


def build(ctx: Context, partnership: Partnership) -> Report:
    report = common.start(ctx, KIND, f"Partnership pack: {partnership.name} ({partnership.reference})")
    ids = [partnership.pk]
    found = gather.obligations(ctx.framework, ctx.visible, ids, ctx.today).get(partnership.pk)
    report.sections.append(pack_parts.entry(partnership, found, ctx.today))
    report.sections.append(
        Section(
            "obligations",
            "Obligations",
            [f"What the council's framework requires of this partnership, as on {common.day(ctx.today)}."],
            [_obligations(found, ctx.framework)],
        )
    )
    report.sections.append(pack_parts.risks(partnership, ctx.framework))
    performance = gather_monitoring.performance_in(ids, ctx.period)
    budgets = gather_monitoring.budgets(ids, ctx.period)
    indicators = tables.indicators([partnership], performance)
    exceptions = tables.exceptions([partnership], performance)
    report.sections.append(
        Section(
            "performance",
            "Performance",
            [
                "Indicators by the latest value reported in the period, values off target with the "
                "corrective action agreed, the delivery plan's milestones and the budget."
            ],
            [
                indicators,
                exceptions,
                pack_parts.milestones(partnership, ctx.period),
                tables.budgets([partnership], budgets),
            ],
        )
    )
    report.sections.append(_review(partnership, ids))
    report.sections.append(pack_parts.representation(partnership, ctx.period))
    report.sections.append(_history(partnership, ctx))
    return report


def _obligations(found, framework: Framework) -> Table:
    rows = [
        [r.name, r.status_label, r.due, r.evidence, citations.display(r.cite, framework)]
        for r in (found.obligations if found else ())
        if r.status != "not_applicable"
    ]
    return Table(
        "obligations",
        "Obligations and their status",
        ["Obligation", "Status", "Due", "Last done", "Clause"],
        rows,
        empty="No obligations apply to this partnership yet.",
    )


def _review(partnership: Partnership, ids: list[int]) -> Section:
    review = gather_reviews.completed_reviews(ids).get(partnership.pk)
    history = gather_reviews.ratings(ids, clock.today()).history.get(partnership.pk, [])
    actions = gather_reviews.open_actions(ids)
    paragraphs = ["No review has been completed yet."]
    if review is not None:
        confirmed = review.business_case_reconfirmed
        paragraphs = [
            f"The last review was completed on {common.day(review.completed_on)}, covering "
            f"{common.day(review.period_start)} to {common.day(review.period_end)}.",
            f"Decision: {gather_reviews.decision_name(review)}."
            + (f" {review.decision_notes}" if review.decision_notes else ""),
            "Business case re-confirmed: "
            + ("not asked." if confirmed is None else "yes." if confirmed else "no.")
            + (f" {review.business_case_notes}" if review.business_case_notes else ""),
        ]
    ratings = Table(
        "ratings",
        "Assurance ratings over time",
        ["Rated on", "Rating", "Reasons"],
        [
            [
                r.rated_on,
                gather_reviews.level_name(r.level),
                "; ".join(x.get("text", "") for x in r.reasons or []),
            ]
            for r in reversed(history)
        ],
        key=None,
        empty="Not yet rated.",
    )
    open_actions = tables.review_actions([partnership], actions)
    return Section("review", "Last review", paragraphs, [ratings, open_actions])


def _history(partnership: Partnership, ctx: Context) -> Section:
    moves = Table(
        "cycle",
        "Moves through the partnership cycle",
        ["Decided on", "Change", "Reason", "Decision reference"],
        [
            [
                m.decided_on,
                (
                    f"{common.status_name(m.from_status)} to {common.status_name(m.to_status)}"
                    if m.from_status
                    else f"Recorded as {common.status_name(m.to_status)}"
                )
                + (" (recorded retrospectively)" if m.retrospective else ""),
                m.reason,
                m.decision_reference,
            ]
            for m in partnership.transitions.order_by("decided_on", "at", "id")
        ],
        key=None,
        empty="No moves recorded.",
    )
    zone = timezone.get_current_timezone()
    start = timezone.make_aware(datetime.combine(ctx.period.start, time.min), zone)
    end = timezone.make_aware(datetime.combine(ctx.period.end, time.max), zone)
    events = AuditEvent.objects.filter(partnership=partnership, at__gte=start, at__lte=end).order_by(
        "-at", "-id"
    )
    changes = Table(
        "changes_recorded",
        "Changes recorded in the period",
        ["Date", "Who", "What"],
        [
            [
                timezone.localtime(e.at).date(),
                e.actor_name,
                f"{e.get_action_display()} {e.object_type} {e.object_label}"
                + (": " + "; ".join(c["label"] for c in e.changes[:5]) if e.changes else ""),
            ]
            for e in events[:HISTORY_LIMIT]
        ],
        key=None,
        empty="No changes were recorded in the period.",
    )
    return Section("history", "History", [], [moves, changes])


KIND = ReportKind(
    id="pack",
    title="Partnership pack",
    audience="The partnership's board, or an audit",
    cadence=TWELVE_MONTHS,
    description="One partnership's register entry, obligations, risk register, indicators, last review "
    "and history, for a board meeting or an audit.",
    cite="",
    recommendations=False,
    build=build,
    per_partnership=True,
)
