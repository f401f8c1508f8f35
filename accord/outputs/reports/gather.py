"""What the reports read from the register, the cycle, the obligations and the risks: each a few
bulk queries for many partnerships at once (never one query per partnership).

Every function starts from partnerships the caller was allowed to see (a queryset from
`accord.register.access.visible_partnerships`, or ids taken from one) and returns plain
dictionaries keyed by partnership id.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from django.db import IntegrityError
from django.db.models import Count, Min, Q, QuerySet, Sum

from accord.domain.lifecycle.models import Transition
from accord.domain.risks.models import Risk, RiskStatus
from accord.frameworks import assurance_rules, compliance, engine, risk_rules, store
from accord.frameworks.models import ObligationStatus
from accord.frameworks.schema import Framework
from accord.frameworks.store import LIVE_LIMIT
from accord.register.models import (
    FINISHED_STATUSES,
    Contribution,
    ContributionCategory,
    Partnership,
    PartnershipRole,
    PartnershipStatus,
    RoleType,
    Sector,
)

from .periods import Period

IN_BEING = (PartnershipStatus.ACTIVE, PartnershipStatus.UNDER_REVIEW, PartnershipStatus.LEAVING)
ENDED = (PartnershipStatus.CLOSED, PartnershipStatus.WITHDRAWN)
FEW = 50  # partnerships worked out on the spot rather than read from the kept statuses
OVERDUE_KINDS = frozenset({"review", "progress_report", "performance_report"})  # "reviews and reports"


@dataclass(frozen=True)
class Named:
    name: str
    sector: str = ""


@dataclass(frozen=True)
class Listed:
    """A partnership as the council-wide reports list it: what their tables name, read in one
    query as plain values (a thousand model instances cost more than the rest of a report)."""

    pk: int
    name: str
    reference: str
    status: str
    start_date: date | None
    proposed_end_date: date | None
    is_key_partnership: bool
    partnership_type: Named
    lead_organisation: Named


Item = Listed | Partnership  # what the shared tables list: a listed partnership, or the real one (packs)

LISTED = (
    "pk",
    "name",
    "reference",
    "status",
    "start_date",
    "proposed_end_date",
    "is_key_partnership",
    "partnership_type__name",
    "lead_organisation__name",
    "lead_organisation__sector",
)


def partnerships(visible: QuerySet[Partnership]) -> list[Listed]:
    """Every partnership the user may see, with what the reports' tables name (one query)."""
    types: dict[str, Named] = {}
    found = []
    for pk, name, reference, status, start, end, key, type_name, lead, sector in visible.order_by(
        "name", "pk"
    ).values_list(*LISTED):
        kind = types.setdefault(type_name, Named(type_name))
        found.append(Listed(pk, name, reference, status, start, end, key, kind, Named(lead, sector)))
    return found


@dataclass(frozen=True)
class Lifespan:
    joined: dict[int, date]  # when each partnership became active (first move into being)
    ended: dict[int, date]  # when it was closed or withdrawn


def lifespans(items: list[Listed]) -> Lifespan:
    """When each partnership came into being and ended, from the cycle's transitions (two queries);
    a partnership with no such move counts from its start date."""
    ids = [p.pk for p in items]
    joined = dict(
        Transition.objects.filter(partnership_id__in=ids, to_status__in=IN_BEING)
        .values("partnership_id")
        .annotate(first=Min("decided_on"))
        .values_list("partnership_id", "first")
    )
    ended = dict(
        Transition.objects.filter(partnership_id__in=ids, to_status__in=ENDED)
        .values("partnership_id")
        .annotate(first=Min("decided_on"))
        .values_list("partnership_id", "first")
    )
    for p in items:
        if p.pk not in joined and p.start_date and p.status in (*IN_BEING, *ENDED):
            joined[p.pk] = p.start_date
    return Lifespan(joined, ended)


def in_being(p: Listed, spans: Lifespan, day: date) -> bool:
    """Whether the partnership was in being (active, under review or leaving) on `day`."""
    joined, ended = spans.joined.get(p.pk), spans.ended.get(p.pk)
    if ended is not None and ended <= day:
        return False
    if joined is None:
        return p.status in IN_BEING
    return joined <= day


class Due(NamedTuple):
    """One obligation's standing for one partnership, from the kept statuses or worked out live."""

    obligation_id: str
    name: str
    artefact: str  # the framework artefact id, or the artefact kind for rule-made obligations
    cite: str
    status: str
    due: date | None
    evidence: date | None

    @property
    def status_label(self) -> str:
        return engine.STATUS_LABELS[self.status]


@dataclass(frozen=True)
class Standing:
    tier_id: str
    tier_name: str
    obligations: tuple[Due, ...]


def obligations(
    framework: Framework, visible: QuerySet[Partnership], ids: Iterable[int], today: date
) -> dict[int, Standing]:
    """Each open partnership's tier and obligations on `today`.

    A few partnerships are worked out on the spot by the compliance engine. For many, they are
    read from the statuses the compliance dashboard keeps (one query), worked out afresh first when
    they are from an earlier day and the register is small enough, as the dashboard does; failing
    that, evaluated in bulk by the compliance engine."""
    ids = list(ids)
    if len(ids) <= FEW:
        return _live(framework, visible, ids, today)
    snapshot = store.snapshot(framework)
    if snapshot is None or snapshot.refreshed_on < today:
        open_ones = Partnership.objects.exclude(status__in=FINISHED_STATUSES).count()
        if open_ones <= LIVE_LIMIT:
            try:
                store.refresh_all(today, framework=framework)
            except IntegrityError:
                pass  # another request worked them out at the same moment
            snapshot = store.snapshot(framework)
    if snapshot is not None and snapshot.refreshed_on == today:
        return _kept(framework, ids)
    return _live(framework, visible, ids, today)


def _live(
    framework: Framework, visible: QuerySet[Partnership], ids: list[int], today: date
) -> dict[int, Standing]:
    chosen = visible.filter(pk__in=ids).exclude(status__in=FINISHED_STATUSES)  # as the kept ones
    return {
        row.partnership.pk: Standing(
            row.tier_id,
            row.tier_name,
            tuple(
                Due(r.obligation_id, r.name, r.artefact, r.cite, r.status, r.due, r.evidence)
                for r in row.obligations
            ),
        )
        for row in compliance.evaluate(framework, chosen, today)
    }


def _artefacts(framework: Framework) -> dict[str, str]:
    """What each obligation the engine reports is about: the framework's artefact, or the kind of
    artefact a rule is about."""
    found = {o.id: o.artefact for o in framework.obligations}
    for rule in engine.definitions(framework):
        found.setdefault(rule.id, assurance_rules.ARTEFACT if rule.id == assurance_rules.REREVIEW else "")
    for rule in risk_rules.rules(framework):
        found[rule.id] = risk_rules.ARTEFACT
    return found


def _kept(framework: Framework, ids: list[int]) -> dict[int, Standing]:
    names = {d.id: (d.name, d.cite) for d in engine.definitions(framework)}
    artefacts = _artefacts(framework)
    rank = {status: n for n, status in enumerate(engine.STATUSES)}
    rows: dict[int, tuple[str, str, list[Due]]] = {}
    for pk, tier_id, tier_name, obligation_id, status, due, evidence in ObligationStatus.objects.filter(
        framework_id=framework.id, partnership_id__in=ids
    ).values_list("partnership_id", "tier_id", "tier_name", "obligation_id", "status", "due", "evidence"):
        name, cite = names.get(obligation_id, (obligation_id, ""))
        found = rows.setdefault(pk, (tier_id, tier_name, []))
        found[2].append(
            Due(obligation_id, name, artefacts.get(obligation_id, ""), cite, status, due, evidence)
        )
    return {
        pk: Standing(
            tier_id,
            tier_name,
            tuple(sorted(dues, key=lambda d: (rank[d.status], d.due or date.max, d.obligation_id))),
        )
        for pk, (tier_id, tier_name, dues) in rows.items()
    }


def overdue(rows: dict[int, Standing], framework: Framework):
    """(partnership id, obligation) for each overdue review or report."""
    kinds = {a.id: a.kind for a in framework.artefacts}
    for pk, row in rows.items():
        for result in row.obligations:
            kind = kinds.get(result.artefact, result.artefact)
            if result.status == engine.OVERDUE and kind in OVERDUE_KINDS:
                yield pk, result


@dataclass(frozen=True)
class Resources:
    by_partnership: dict[int, Decimal]
    hours: dict[int, int]
    by_category: dict[str, tuple[Decimal, int]]  # category label -> (amount, partnerships)


def resources(ids: list[int], years: list[int]) -> Resources:
    """The council's contributions in the given financial years: two aggregate queries."""
    rows = Contribution.objects.filter(partnership_id__in=ids, year__in=years)
    by_partnership: dict[int, Decimal] = {}
    hours: dict[int, int] = {}
    for pk, amount, hour_total in (
        rows.values("partnership_id")
        .annotate(a=Sum("amount"), h=Sum("hours"))
        .values_list("partnership_id", "a", "h")
    ):
        by_partnership[pk] = amount or Decimal(0)
        if hour_total:
            hours[pk] = hour_total
    labels = dict(ContributionCategory.choices)
    by_category = {
        labels.get(category, category): (amount or Decimal(0), count)
        for category, amount, count in rows.values("category")
        .annotate(a=Sum("amount"), n=Count("partnership_id", distinct=True))
        .values_list("category", "a", "n")
        .order_by("category")
    }
    return Resources(by_partnership, hours, by_category)


def key_risks(ids: list[int], framework: Framework) -> list[Risk]:
    """Open risks in the framework's highest band, or escalated, on these partnerships (one query)."""
    top = max(framework.risk_model.bands, key=lambda b: b.min).id
    return list(
        Risk.objects.filter(partnership_id__in=ids, status=RiskStatus.OPEN)
        .filter(Q(current_band=top) | Q(escalated_on__isnull=False))
        .select_related("partnership")
        .only(
            "reference",
            "title",
            "current_score",
            "current_band",
            "escalated_on",
            "owner",
            "next_review_on",
            "identified_on",
            "partnership__name",
            "partnership__reference",
        )
        .order_by("partnership__name", "partnership_id", "reference")
    )


@dataclass(frozen=True)
class RiskCounts:
    open: int = 0
    high: int = 0
    overdue_review: int = 0


def risk_counts(ids: list[int], framework: Framework, today: date) -> dict[int, RiskCounts]:
    """Open risks per partnership, how many in the highest band, how many past their review date."""
    top = max(framework.risk_model.bands, key=lambda b: b.min).id
    found: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
    for pk, band, review in Risk.objects.filter(partnership_id__in=ids, status=RiskStatus.OPEN).values_list(
        "partnership_id", "current_band", "next_review_on"
    ):
        counts = found[pk]
        counts[0] += 1
        counts[1] += band == top
        counts[2] += bool(review and review < today)
    return {pk: RiskCounts(*c) for pk, c in found.items()}


def lead_officers(ids: list[int], today: date) -> dict[int, str]:
    """The current lead officer's name on each partnership (one query)."""
    roles = (
        PartnershipRole.objects.filter(partnership_id__in=ids, role=RoleType.LEAD_OFFICER)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=today))
        .order_by("partnership_id", "start_date")
        .values_list("partnership_id", "person__name")
    )
    return {pk: name for pk, name in roles}


def is_private_sector(p: Listed, framework: Framework) -> bool:
    """A private sector partnership (private companies in a contract with the council for a
    considerable period, as a framework may name it). The framework's private sector type where it
    has one, else a register type that says so (private sector, private finance initiative), or a
    private-sector lead."""
    type_id = engine.framework_type(framework, p.partnership_type.name) or ""
    named = "private" in type_id or "private" in p.partnership_type.name.lower()
    return named or p.lead_organisation.sector == Sector.PRIVATE


def transitions(ids: list[int], period: Period) -> dict[int, list[Transition]]:
    """The cycle's moves decided in the period, by partnership (one query)."""
    found: dict[int, list[Transition]] = defaultdict(list)
    for move in Transition.objects.filter(
        partnership_id__in=ids, decided_on__gte=period.start, decided_on__lte=period.end
    ).order_by("decided_on", "at", "id"):
        found[move.partnership_id].append(move)
    return found
