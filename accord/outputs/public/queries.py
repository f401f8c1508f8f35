"""The public's view of the register: every query the published register and open data make.

`published_partnerships()` is the public's scope, as `visible_partnerships(user)` is a signed-in
user's: public views start from it and read only the allow-listed values (accord.outputs.public.fields).
"""

from collections.abc import Iterator
from datetime import date, datetime
from itertools import groupby
from operator import itemgetter

from django.db import connection
from django.db.models import Case, CharField, Max, QuerySet, Sum, Value, When
from django.db.models.functions import Cast, Concat, Replace, Substr

from accord.domain.monitoring.models import ProgressReport, ReportStatus
from accord.kernel import clock
from accord.kernel.audit.models import AuditEvent
from accord.register.access import current
from accord.register.models import Contribution, Membership, Partnership, PartnershipRole

from .fields import (
    CONTRIBUTION_VALUES,
    MEMBERSHIP_VALUES,
    PARTNERSHIP_DATES,
    PARTNERSHIP_VALUES,
    PUBLISHED_STATUSES,
    REPORT_VALUES,
    REPRESENTATIVE_ROLES,
    REPRESENTATIVE_VALUES,
)

CHUNK = 5000  # partnerships per step of a download: bounds memory, keeps the number of queries small


def published_partnerships() -> QuerySet[Partnership]:
    """Partnerships the council has published and that are past the draft stages (ADR 0012)."""
    return Partnership.objects.filter(is_published=True, status__in=PUBLISHED_STATUSES)


# A partnership row as `row_chunks` and `published_row` give it: a tuple of these values in this order.
ROW_KEYS: tuple[str, ...] = (*PARTNERSHIP_VALUES, *PARTNERSHIP_DATES)


def _iso_text(column: str):
    """A date as 'YYYY-MM-DD', or a UTC timestamp as 'YYYY-MM-DDTHH:MM:SSZ', made by the database
    from the text it writes them as ('2026-11-22 04:42:23.5' on SQLite, '...+00' on PostgreSQL)."""
    text = Cast(column, CharField())
    if Partnership._meta.get_field(column).get_internal_type() == "DateTimeField":  # never null
        return Concat(
            Replace(Substr(text, 1, 19), Value(" "), Value("T")), Value("Z"), output_field=CharField()
        )
    return Substr(text, 1, 10)


def public_values(queryset: QuerySet[Partnership]) -> QuerySet:
    """The allow-listed values of each partnership as tuples in `ROW_KEYS` order, dates as ISO text."""
    dates = {alias: _iso_text(column) for alias, column in PARTNERSHIP_DATES.items()}
    return queryset.annotate(**dates).values_list(*ROW_KEYS)


def published_row(reference: str) -> tuple | None:
    """One published partnership's allow-listed values (`ROW_KEYS`), or None."""
    rows = _tuples(public_values(published_partnerships().filter(reference=reference))[:1])
    return rows[0] if rows else None


def row_chunks(queryset: QuerySet[Partnership] | None = None, size: int = CHUNK) -> Iterator[list[tuple]]:
    """The published partnerships' allow-listed values (`ROW_KEYS` tuples) in the order they were
    added, `size` at a time.

    Each step is its own query from the last id seen (keyset paging on the primary key), so however
    large the register only one chunk is held at once, and every database gives the same order.
    """
    queryset = published_partnerships() if queryset is None else queryset
    last = 0
    while True:
        rows = _tuples(public_values(queryset.filter(pk__gt=last).order_by("pk"))[:size])
        if not rows:
            return
        yield rows
        last = rows[-1][0]  # "id" comes first


def _among(queryset: QuerySet, ids: list[int]) -> QuerySet:
    """Rows of the partnerships `ids`: a range of ids, not a long IN list, as a chunk's ids are
    consecutive published ones (callers keep only rows whose partnership is in `ids`)."""
    return queryset.filter(partnership_id__gte=min(ids), partnership_id__lte=max(ids))


def _tuples(queryset: QuerySet) -> list[tuple]:
    """The queryset's rows as the database returns them. Only for columns that need no conversion
    (ids, text, dates made text): skipping Django's per-row machinery matters when a download reads
    400,000 rows."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _grouped(queryset: QuerySet, ids: list[int]) -> dict[int, list[tuple]]:
    """The queryset's rows (partnership id first, ordered by it) grouped by partnership, kept only
    for the partnerships `ids`."""
    if not ids:
        return {}
    wanted = set(ids)
    return {pk: list(rows) for pk, rows in groupby(_tuples(queryset), itemgetter(0)) if pk in wanted}


def partners(ids: list[int], today: date) -> dict[int, list[tuple]]:
    """Each partnership's current member organisations, by name: (partnership id, name, org-id, role)."""
    rows = current(_among(Membership.objects.all(), ids or [0]), today)
    return _grouped(
        rows.order_by("partnership_id", "organisation__name").values_list(*MEMBERSHIP_VALUES), ids
    )


REPRESENTATIVE_ORDER = Case(*(When(role=role, then=Value(n)) for n, role in enumerate(REPRESENTATIVE_ROLES)))


def representatives(ids: list[int], today: date) -> dict[int, list[tuple]]:
    """Each partnership's current council representatives, substitutes and lead officers:
    (partnership id, name, role)."""
    rows = current(_among(PartnershipRole.objects.filter(role__in=REPRESENTATIVE_ROLES), ids or [0]), today)
    rows = rows.order_by("partnership_id", REPRESENTATIVE_ORDER, "person__name")
    return _grouped(rows.values_list(*REPRESENTATIVE_VALUES), ids)


def contribution_totals(ids: list[int]) -> dict[int, list[tuple]]:
    """The council's costed contribution per financial year, latest year first: (partnership id,
    year, total) with the total as the database gives it (an int or float on SQLite, a Decimal on
    PostgreSQL), to be formatted as pounds."""
    rows = (
        _among(Contribution.objects.filter(amount__isnull=False), ids or [0])
        .values(*CONTRIBUTION_VALUES)
        .annotate(total=Sum("amount"))
        .order_by("partnership_id", "-year")
        .values_list("partnership_id", "year", "total")
    )
    return _grouped(rows, ids)


def latest_reports(ids: list[int]) -> dict[int, dict]:
    """Each partnership's latest progress report that is both submitted and published."""
    found: dict[int, dict] = {}
    if not ids:
        return found
    wanted = set(ids)
    rows = _among(
        ProgressReport.objects.filter(status=ReportStatus.SUBMITTED, is_published=True), ids
    ).order_by("partnership_id", "-period_end", "-id")
    for row in rows.values(*REPORT_VALUES):
        if row["partnership_id"] in wanted:
            found.setdefault(row["partnership_id"], row)
    return found


def last_updated() -> datetime | None:
    """When anything in the register last changed: the latest entry in the audit trail or the latest
    save of a partnership, whichever is later. Both are indexed, so this is cheap. It is deliberately
    register-wide: unpublishing a partnership changes the published data too."""
    times = [
        AuditEvent.objects.aggregate(latest=Max("at"))["latest"],
        Partnership.objects.aggregate(latest=Max("updated_at"))["latest"],
    ]
    known = [t for t in times if t is not None]
    return max(known) if known else None


def today() -> date:
    return clock.today()
