"""The reports Accord writes from the live record, one builder each (see `structure` for what a
report is). `KINDS` lists the council-wide reports by the id used in URLs; `PACK` is the
partnership pack, built for one partnership."""

from __future__ import annotations

from accord.register.models import Partnership

from ..structure import Report
from . import annual, central_bedfordshire, chorley, pack
from .common import RECOMMENDATIONS, Context, ReportKind

KINDS: dict[str, ReportKind] = {
    k.id: k
    for k in (
        annual.KIND,
        chorley.KIND,
        central_bedfordshire.ANNUAL_REVIEW,
        central_bedfordshire.PRIVATE_SECTOR,
    )
}
PACK = pack.KIND
ALL: dict[str, ReportKind] = {**KINDS, PACK.id: PACK}


def kinds_for(framework_id: str, council_wide: bool = True) -> dict[str, ReportKind]:
    """The reports offered under a framework: Accord's own, and the council's own reports only under
    that council's framework."""
    kinds = KINDS if council_wide else ALL
    return {k: kind for k, kind in kinds.items() if kind.offered_under(framework_id)}


def build(kind: ReportKind, ctx: Context, partnership: Partnership | None = None) -> Report:
    """The report of this kind for the context's period (for a partnership, if it is a pack)."""
    if kind.per_partnership:
        if partnership is None:
            raise ValueError(f"The {kind.title.lower()} is built for one partnership")
        return kind.build(ctx, partnership)
    return kind.build(ctx)


__all__ = ["ALL", "KINDS", "PACK", "kinds_for", "RECOMMENDATIONS", "Context", "ReportKind", "build"]
