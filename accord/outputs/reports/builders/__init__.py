"""The reports Accord writes from the live record (see `structure` for what a report is): Accord's
own, one builder each (`KINDS`, by the id used in URLs; `PACK` is the partnership pack, built for one
partnership), and the committee reports a framework declares, built by `declared` from the
framework file (ADR 0032)."""

from __future__ import annotations

from accord.frameworks import loader
from accord.frameworks.schema import Framework
from accord.register.models import Partnership

from ..structure import Report
from . import annual, declared, pack
from .common import RECOMMENDATIONS, Context, ReportKind

KINDS: dict[str, ReportKind] = {annual.KIND.id: annual.KIND}  # Accord's own council-wide reports
PACK = pack.KIND
ALL: dict[str, ReportKind] = {**KINDS, PACK.id: PACK}  # Accord's own reports


def kinds_for(framework: Framework | str, council_wide: bool = True) -> dict[str, ReportKind]:
    """The reports offered under a framework (given, or by id): Accord's own, then the committee
    reports the framework declares, in its order."""
    if isinstance(framework, str):
        framework = loader.get(framework)
    own = KINDS if council_wide else ALL
    return {**own, **{spec.id: declared.kind(spec) for spec in framework.reports}}


def build(kind: ReportKind, ctx: Context, partnership: Partnership | None = None) -> Report:
    """The report of this kind for the context's period (for a partnership, if it is a pack)."""
    if kind.per_partnership:
        if partnership is None:
            raise ValueError(f"The {kind.title.lower()} is built for one partnership")
        return kind.build(ctx, partnership)
    return kind.build(ctx)


__all__ = ["ALL", "KINDS", "PACK", "kinds_for", "RECOMMENDATIONS", "Context", "ReportKind", "build"]
