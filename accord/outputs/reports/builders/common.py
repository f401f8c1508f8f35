"""What every report builder shares: the context it is built in, the report's opening, and small
helpers for the columns many tables have."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from accord.frameworks.schema import Framework
from accord.kernel import clock
from accord.register.models import Partnership, PartnershipStatus

from ..periods import Period
from ..structure import Report, Section

RECOMMENDATIONS = "recommendations"  # the id of the section administrators write when issuing


@dataclass
class Context:
    """What a report is built from: the partnerships the user may see, the period, the framework."""

    visible: QuerySet[Partnership]
    period: Period
    framework: Framework
    now: datetime
    council: str

    @property
    def today(self) -> date:
        return timezone.localdate(self.now)

    @classmethod
    def make(
        cls,
        visible: QuerySet[Partnership],
        period: Period,
        now: datetime | None = None,
        *,
        framework: Framework,
    ) -> Context:
        return cls(visible, period, framework, now or clock.now(), settings.COUNCIL_NAME)


@dataclass(frozen=True)
class ReportKind:
    id: str  # the slug in URLs and the snapshot's kind
    title: str  # e.g. "Annual partnerships report"
    audience: str
    cadence: str  # periods.YEAR, periods.HALF_YEAR or periods.TWELVE_MONTHS
    description: str  # one or two sentences for the list of reports
    cite: str  # the clause the report answers
    recommendations: bool  # whether administrators write recommendations when issuing it
    build: Callable[..., Report]  # (context) -> Report, or (context, partnership) for a partnership's
    per_partnership: bool = False


def framework_label(framework: Framework) -> str:
    return f"{framework.name} ({framework.council}), version {framework.version}"


def start(ctx: Context, kind: ReportKind, title: str | None = None) -> Report:
    return Report(
        kind=kind.id,
        title=title or f"{kind.title}: {ctx.period.label.split(' (')[0]}",
        council=ctx.council,
        audience=kind.audience,
        period_start=ctx.period.start,
        period_end=ctx.period.end,
        generated_at=ctx.now,
        framework=framework_label(ctx.framework),
    )


def recommendations(suggested: list[str]) -> Section:
    """The recommendations section: suggested from the record on the live report, replaced by the
    administrator's own words when the report is issued."""
    paragraphs = [
        "Suggested from the record. The administrator who issues the report confirms or rewrites them.",
        *suggested,
    ]
    return Section(RECOMMENDATIONS, "Recommendations", paragraphs)


def written(text: str) -> list[str]:
    """An administrator's recommendations as paragraphs: one per block of text between blank lines."""
    blocks = [" ".join(line.strip() for line in block.splitlines()).strip() for block in text.split("\n\n")]
    return [b for b in blocks if b]


def day(value: date | None) -> str:
    return value.strftime("%-d %B %Y") if value else "not recorded"


def plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def status_name(status: str) -> str:
    return PartnershipStatus(status).label if status in PartnershipStatus.values else status
