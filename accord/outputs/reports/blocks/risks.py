"""Blocks about risk: key risks (highest band or escalated), those that arose in the period, and each
joint risk register's open risks."""

from __future__ import annotations

from ..builders import tables
from ..structure import Table
from .scope import Scope

COLUMNS = ["Reference", "Partnership", "Risk", "Title", "Band", "Escalated on"]


def _rows(scope: Scope, risks) -> list[list]:
    bands = {b.id: b.name for b in scope.ctx.framework.risk_model.bands}
    return [
        [
            r.partnership.reference,
            r.partnership.name,
            r.reference,
            r.title,
            bands.get(r.current_band, r.current_band or "Not scored"),
            r.escalated_on,
        ]
        for r in risks
    ]


def key_risks(scope: Scope) -> list[Table]:
    return [
        Table(
            "key_risks",
            "Open risks in the highest band or escalated",
            COLUMNS,
            _rows(scope, scope.key_risks),
            key=(0, 2),
            empty="No open risk is in the highest band or escalated.",
            sheet="Key risks",
        )
    ]


def new_risks(scope: Scope) -> list[Table]:
    period = scope.period
    arose = [
        r
        for r in scope.key_risks
        if r.identified_on in period or (r.escalated_on and r.escalated_on in period)
    ]
    return [
        Table(
            "new_risks",
            "High or escalated risks that arose in the period",
            COLUMNS,
            _rows(scope, arose),
            key=None,  # events of the period
            empty="No high or escalated risks arose in the period.",
            sheet="High or escalated risks",
        )
    ]


def risk_management(scope: Scope) -> list[Table]:
    return [tables.risk_management(scope.items, scope.risk_counts)]
