"""Exceptions for the annual report: gate requirements an administrator overrode in the period
(accord.domain.lifecycle.overrides), each with the partnership, what was missing, who, when and why."""

from __future__ import annotations

from django.utils import timezone

from accord.domain.lifecycle.models import GateOverride
from accord.register.models import PartnershipStatus

from ..periods import Period
from ..structure import Section, Table

COLUMNS = ["Reference", "Partnership", "Requirement", "To move to", "Overridden by", "On", "Reason"]


def in_period(items, period: Period) -> list[list]:
    """One row per override of a partnership in `items` made during `period`."""
    by_pk = {p.pk: p for p in items}
    rows = GateOverride.objects.filter(
        partnership_id__in=list(by_pk), at__date__gte=period.start, at__date__lte=period.end
    ).order_by("at", "id")
    return [
        [
            by_pk[row.partnership_id].reference,
            by_pk[row.partnership_id].name,
            row.item_text,
            PartnershipStatus(row.gate).label if row.gate in PartnershipStatus.values else row.gate,
            row.overridden_by_name,
            timezone.localdate(row.at),
            row.reason,
        ]
        for row in rows
    ]


def section(rows: list[list]) -> Section:
    return Section(
        "gate_overrides",
        "Gate requirements overridden",
        [
            "Exceptions: requirements of the council's framework that an administrator let a partnership "
            "move on without, each with the written reason recorded at the time."
        ],
        [
            Table(
                "gate_overrides",
                "Gate requirements overridden in the period",
                COLUMNS,
                rows,
                key=None,  # events of the period
                empty="No gate requirement was overridden in the period.",
                sheet="Gate overrides",
            )
        ],
    )
