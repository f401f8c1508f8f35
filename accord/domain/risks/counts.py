"""The council heat map's kept counts: open risks per (stage, likelihood, impact) cell.

Services move a risk's cells by ±1 in the same transaction as the change (as the compliance
dashboard's counts are kept); `rebuild` works them out afresh from the risks (after a bulk load).
"""

from collections import Counter
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Count, F

from .models import HeatCount, Risk, RiskStatus, Stage

Cell = tuple[str, int, int]  # stage, likelihood, impact (0, 0 when not scored)


def cells_of(risk: Risk) -> list[Cell]:
    """The cells an open risk occupies, one per stage."""
    if risk.status != RiskStatus.OPEN:
        return []
    return [
        (stage, getattr(risk, f"{stage}_likelihood") or 0, getattr(risk, f"{stage}_impact") or 0)
        for stage in Stage.values
    ]


def move(removed: Iterable[Cell], added: Iterable[Cell]) -> None:
    deltas: Counter = Counter()
    for cell in removed:
        deltas[cell] -= 1
    for cell in added:
        deltas[cell] += 1
    for (stage, likelihood, impact), delta in sorted(deltas.items()):
        if not delta:
            continue
        found, _ = HeatCount.objects.get_or_create(stage=stage, likelihood=likelihood, impact=impact)
        HeatCount.objects.filter(pk=found.pk).update(count=F("count") + delta)


def council_counts(stage: str) -> dict[tuple[int | None, int | None], int]:
    """Open risks per (likelihood, impact) across the council at one stage, from the kept counts."""
    rows = HeatCount.objects.filter(stage=stage, count__gt=0).values_list("likelihood", "impact", "count")
    return {(likelihood or None, impact or None): n for likelihood, impact, n in rows}


@transaction.atomic
def rebuild() -> int:
    """Work the counts out afresh from the risks; returns how many cells are filled."""
    HeatCount.objects.all().delete()
    cells = []
    for stage in Stage.values:
        rows = (
            Risk.objects.filter(status=RiskStatus.OPEN)
            .order_by()
            .values_list(f"{stage}_likelihood", f"{stage}_impact")
            .annotate(n=Count("id"))
        )
        cells += [HeatCount(stage=stage, likelihood=li or 0, impact=im or 0, count=n) for li, im, n in rows]
    HeatCount.objects.bulk_create(cells)
    return len(cells)
