"""The one builder of the reports a framework declares (ADR 0032): a `ReportSpec` from the framework
file becomes a `ReportKind` whose report is the summary and sections in the council's words, each
section's building blocks (accord.outputs.reports.blocks) built for the partnerships the report
covers, and the recommendations suggested from the record."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import partial

from accord.frameworks.schema import ReportSpec
from accord.frameworks.schema_reports import PLACEHOLDER

from .. import blocks, gather, periods
from ..structure import Report, Section, Table
from . import common
from .common import Context, ReportKind

CADENCES = {"year": periods.YEAR, "half_year": periods.HALF_YEAR, "twelve_months": periods.TWELVE_MONTHS}
KEYS = ("key", "key_or_key_tier")


def kind(spec: ReportSpec) -> ReportKind:
    return ReportKind(
        id=spec.id,
        title=spec.title,
        audience=spec.audience,
        cadence=CADENCES[spec.cadence],
        description=spec.description,
        cite=spec.cite,
        recommendations=spec.recommendations,
        build=partial(build, spec),
    )


def covered(ctx: Context, covers: str) -> list[gather.Listed]:
    """The partnerships the report covers: in being at the end of the period (key ones also if they
    ended in it), chosen by the spec's `covers`."""
    period = ctx.period
    items = gather.partnerships(ctx.visible)
    spans = gather.lifespans(items)
    if covers in KEYS:
        current = [
            p
            for p in items
            if gather.in_being(p, spans, period.end) or ((e := spans.ended.get(p.pk)) and e in period)
        ]
        tiers = (
            gather.obligations(ctx.framework, ctx.visible, [p.pk for p in current], ctx.today)
            if covers == "key_or_key_tier"
            else {}
        )
        return [
            p for p in current if p.is_key_partnership or (p.pk in tiers and tiers[p.pk].tier_id == "key")
        ]
    listed = [p for p in items if gather.in_being(p, spans, period.end)]
    if covers == "all":
        return listed
    private = covers == "private_sector"
    return [p for p in listed if gather.is_private_sector(p, ctx.framework) == private]


def words(text: str, scope: blocks.Scope) -> str:
    """The council's words with the placeholders filled from the record."""

    def fill(match: re.Match[str]) -> str:
        name = match["name"]
        if name == "period":
            return scope.period.label.split(" (")[0]
        if name == "council":
            return scope.ctx.council
        n = len(scope.items) if name == "count" else scope.count(name)
        if match["one"] is None:
            return f"{n:,}"
        return common.plural(n, match["one"], match["many"])

    return PLACEHOLDER.sub(fill, text)


def _tables(scope: blocks.Scope, block) -> list[Table]:
    found = blocks.BLOCKS[block.block](scope)
    return [
        replace(
            table,
            id=block.table or table.id if len(found) == 1 else table.id,
            caption=block.caption or table.caption,
            empty=block.empty or table.empty,
        )
        for table in found
    ]


def build(spec: ReportSpec, ctx: Context) -> Report:
    report = common.start(ctx, kind(spec))
    scope = blocks.Scope(ctx, covered(ctx, spec.covers))
    if spec.summary:
        report.sections.append(Section("summary", "Summary", [words(p, scope) for p in spec.summary]))
    for section in spec.sections:
        report.sections.append(
            Section(
                section.id,
                section.heading,
                [words(p, scope) for p in section.paragraphs],
                [table for block in section.blocks for table in _tables(scope, block)],
            )
        )
    if spec.recommendations:
        suggested = [words(s.text, scope) for s in spec.suggested if not s.when or scope.count(s.when) > 0]
        report.sections.append(common.recommendations(suggested))
    return report
