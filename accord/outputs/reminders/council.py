"""The council calendar: reviews and reports (or every obligation) due per month across the
partnerships a user may see, from the kept obligation statuses (accord.frameworks.store), so the
page is a few grouped queries whatever the size of the register."""

from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth

from accord.frameworks import engine, store
from accord.frameworks.models import ComplianceSnapshot, ObligationStatus
from accord.frameworks.schema import Framework
from accord.frameworks.store import LIVE_LIMIT
from accord.kernel.ui import charts
from accord.register.access import visible_partnerships

from .gather import open_partnerships

MONTHS_AHEAD = 12
EARLIER = "earlier"
# Artefact kinds the calendar counts as "reviews and reports".
REVIEWS_AND_REPORTS = frozenset({"review", "progress_report", "performance_report", "exit_report"})
WHAT = {"reviews": "Reviews and reports", "all": "Every obligation"}
OPEN = (engine.OVERDUE, engine.DUE_SOON, engine.NOT_YET_DUE)


def fresh_snapshot(framework: Framework, today: date) -> ComplianceSnapshot | None:
    """The kept statuses, worked out on the spot (as the compliance dashboard does) for a register
    small enough when they are missing or from an earlier day."""
    snapshot = store.snapshot(framework)
    if snapshot is None or snapshot.refreshed_on < today:
        if open_partnerships().count() <= LIVE_LIMIT:
            try:
                store.refresh_all(today, framework=framework)
            except IntegrityError:
                pass  # another request refreshed at the same moment
            snapshot = store.snapshot(framework)
    return snapshot


def _month_after(start: date, k: int = 1) -> date:
    index = start.month - 1 + k
    return date(start.year + index // 12, index % 12 + 1, 1)


def month_starts(today: date, ahead: int = MONTHS_AHEAD) -> list[date]:
    first = today.replace(day=1)
    return [_month_after(first, k) for k in range(ahead)]


def obligation_ids(framework: Framework, what: str) -> list[str]:
    if what == "all":
        return [o.id for o in engine.definitions(framework)]
    kinds = {a.id: a.kind for a in framework.artefacts}
    return [o.id for o in framework.obligations if kinds.get(o.artefact) in REVIEWS_AND_REPORTS]


def scheduled(user, framework: Framework, what: str, today: date) -> QuerySet[ObligationStatus]:
    """Obligations with a date still to meet (overdue, due, or the next round of a recurring one),
    on the partnerships this user may see."""
    return ObligationStatus.objects.filter(
        framework_id=framework.id,
        obligation_id__in=obligation_ids(framework, what),
        partnership__in=visible_partnerships(user),
        due__isnull=False,
    ).filter(Q(status__in=OPEN) | Q(status=engine.MET, due__gte=today))


@dataclass(frozen=True)
class Month:
    key: str  # "2026-11", or EARLIER
    label: str  # "November 2026"
    short: str  # "Nov 2026"
    overdue: int
    due: int

    @property
    def total(self) -> int:
        return self.overdue + self.due


def per_month(rows: QuerySet[ObligationStatus], today: date) -> list[Month]:
    """Counts by month of the due date: overdue (past and unmet) and due; everything due before
    this month is gathered as "Earlier"."""
    starts = month_starts(today)
    counts: dict[date, dict[str, int]] = {}
    grouped = (
        rows.filter(due__lt=_month_after(starts[-1]))
        .annotate(month=TruncMonth("due"))
        .values("month")
        .annotate(
            overdue=Count("id", filter=Q(status=engine.OVERDUE)),
            due=Count("id", filter=~Q(status=engine.OVERDUE)),
        )
        .order_by()
    )
    earlier = {"overdue": 0, "due": 0}
    for row in grouped:
        month = row["month"].date() if hasattr(row["month"], "date") else row["month"]
        target = earlier if month < starts[0] else counts.setdefault(month, {"overdue": 0, "due": 0})
        target["overdue"] += row["overdue"]
        target["due"] += row["due"]
    months = [Month(EARLIER, "Before this month", "Earlier", earlier["overdue"], earlier["due"])]
    for start in starts:
        found = counts.get(start, {"overdue": 0, "due": 0})
        months.append(
            Month(
                start.strftime("%Y-%m"),
                start.strftime("%B %Y"),
                start.strftime("%b %Y"),
                found["overdue"],
                found["due"],
            )
        )
    return months


def chart(months: list[Month], what: str) -> charts.Chart:
    return charts.bar_chart(
        "obligations-per-month",
        f"{WHAT[what]} due per month",
        [m.short for m in months],
        [
            charts.Series("Overdue", [m.overdue for m in months]),
            charts.Series("Due", [m.due for m in months]),
        ],
        stacked=True,
        category_label="Month due",
        value_label="Obligations",
    )


def in_month(rows: QuerySet[ObligationStatus], key: str, today: date) -> QuerySet[ObligationStatus] | None:
    """The rows due in one month ("2026-11") or before this month (EARLIER); None for a bad key."""
    first = today.replace(day=1)
    if key == EARLIER:
        return rows.filter(due__lt=first)
    try:
        year, month = (int(part) for part in key.split("-"))
        start = date(year, month, 1)
    except (ValueError, TypeError):
        return None
    if start not in month_starts(today):
        return None
    return rows.filter(due__gte=start, due__lt=_month_after(start))
