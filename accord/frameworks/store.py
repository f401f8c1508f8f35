"""Kept results: every open partnership's obligation statuses and the counts the dashboard shows.

`refresh_all` works out the whole register (the `refresh_obligations` command, run daily);
`refresh_partnerships` redoes a few partnerships after they change, adjusting the counts by the
difference, so the dashboard stays one small query whatever the size of the register.
"""

from collections import Counter
from collections.abc import Iterable
from datetime import date

from django.db import transaction
from django.db.models import Count, F

from accord.kernel import clock
from accord.register import signals
from accord.register.models import FINISHED_STATUSES, Partnership

from . import compliance
from .models import ComplianceCount, ComplianceSnapshot, ObligationStatus
from .schema import Framework

Key = tuple[str, int, str, str, str]  # framework, directorate, tier, obligation, status
BATCH = 2000
LIVE_LIMIT = 2000  # a register this small is worked out on the spot when its figures are missing or old


def _rows(framework: Framework, queryset, today: date) -> Iterable[ObligationStatus]:
    for row in compliance.evaluate(framework, queryset, today):
        for result in row.obligations:
            yield ObligationStatus(
                partnership=row.partnership,
                directorate_id=row.partnership.directorate_id,
                framework_id=framework.id,
                framework_version=framework.version,
                tier_id=row.tier_id,
                tier_name=row.tier_name,
                overridden=row.overridden,
                obligation_id=result.obligation_id,
                status=result.status,
                due=result.due,
                evidence=result.evidence,
                computed_on=today,
            )


def _key(status: ObligationStatus) -> Key:
    return (status.framework_id, status.directorate_id, status.tier_id, status.obligation_id, status.status)


def _adjust(deltas: Counter) -> None:
    for (framework_id, directorate_id, tier_id, obligation_id, status), delta in deltas.items():
        if not delta:
            continue
        cell, _ = ComplianceCount.objects.get_or_create(
            framework_id=framework_id,
            directorate_id=directorate_id,
            tier_id=tier_id,
            obligation_id=obligation_id,
            status=status,
        )
        ComplianceCount.objects.filter(pk=cell.pk).update(count=F("count") + delta)


@transaction.atomic
def refresh_partnerships(
    partnership_ids: Iterable[int], today: date | None = None, *, framework: Framework
) -> None:
    """Work out these partnerships again and move the dashboard counts by the difference."""
    today = today or clock.today()
    ids = list(partnership_ids)
    deltas: Counter = Counter()
    old = list(ObligationStatus.objects.filter(partnership_id__in=ids))
    for status in old:
        deltas[_key(status)] -= 1
    ObligationStatus.objects.filter(partnership_id__in=ids).delete()
    open_ones = Partnership.objects.filter(pk__in=ids).exclude(status__in=FINISHED_STATUSES)
    new = list(_rows(framework, open_ones, today))
    ObligationStatus.objects.bulk_create(new)
    for status in new:
        deltas[_key(status)] += 1
    _adjust(deltas)


@transaction.atomic
def refresh_all(today: date | None = None, *, framework: Framework) -> int:
    """Work out every open partnership under the council's framework; returns how many."""
    today = today or clock.today()
    ObligationStatus.objects.all().delete()
    ComplianceCount.objects.all().delete()
    open_ones = Partnership.objects.exclude(status__in=FINISHED_STATUSES)
    batch: list[ObligationStatus] = []
    partnerships = set()
    for status in _rows(framework, open_ones, today):
        batch.append(status)
        partnerships.add(status.partnership_id)
        if len(batch) >= BATCH:
            ObligationStatus.objects.bulk_create(batch)
            batch = []
    ObligationStatus.objects.bulk_create(batch)
    counts = (
        ObligationStatus.objects.values(
            "framework_id", "directorate_id", "tier_id", "obligation_id", "status"
        )
        .annotate(n=Count("id"))
        .order_by()
    )
    ComplianceCount.objects.bulk_create([ComplianceCount(count=row.pop("n"), **row) for row in counts])
    ComplianceSnapshot.objects.update_or_create(
        framework_id=framework.id,
        defaults={
            "framework_version": framework.version,
            "refreshed_on": today,
            "partnerships": len(partnerships),
        },
    )
    ComplianceSnapshot.objects.exclude(framework_id=framework.id).delete()
    return len(partnerships)


def snapshot(framework: Framework) -> ComplianceSnapshot | None:
    """The last full refresh, if it was for this framework and version."""
    found = ComplianceSnapshot.objects.filter(framework_id=framework.id).first()
    return found if found and found.framework_version == framework.version else None


def small_enough_to_work_out_live() -> bool:
    """Whether the register is small enough to work out on the spot when its kept figures are
    missing or old (the whole council's open partnerships, whoever is asking)."""
    return Partnership.objects.exclude(status__in=FINISHED_STATUSES).count() <= LIVE_LIMIT


def partnerships_changed(partnership_ids: Iterable[int]) -> None:
    """Facts the framework reads have changed for these partnerships: say so with the register's
    signal, whose receiver (frameworks.services, a boundary) brings the council's framework to
    `refresh_changed`. The apps above call this after their writes without holding a framework."""
    signals.partnerships_changed.send(sender=Partnership, partnership_ids=list(partnership_ids))


def refresh_changed(partnership_ids: Iterable[int], *, framework: Framework) -> None:
    """Keep the kept statuses in step after a change, once the register has been worked out. Kept
    under another framework or version (a new version came into force, ADR 0035), they are all
    worked out again when the register is small enough; otherwise the daily refresh does it."""
    kept = ComplianceSnapshot.objects.first()
    if kept is None:
        return
    if (kept.framework_id, kept.framework_version) != (framework.id, framework.version):
        if small_enough_to_work_out_live():
            refresh_all(framework=framework)
        return
    refresh_partnerships(partnership_ids, framework=framework)


def refresh_if_kept(*, framework: Framework) -> None:
    """After a council-wide change (the day tracking began), work the whole register out again if
    its statuses are kept."""
    if ComplianceSnapshot.objects.exists():
        refresh_all(framework=framework)
