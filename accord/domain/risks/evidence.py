"""Joint risk registers as a source of facts for the framework engines (an `EvidenceSource` with
`risks`): each partnership's open risks, for the risk rules (accord.frameworks.risk_rules), and the
register itself as evidence (ADR 0024): a risk scored on the Risks tab meets every artefact of kind
`risk_register` (Bury App 10's risk assessment, a joint risk register), dated the day the register
first had a scored risk, so nobody records the same fact again as a free-text record.

One query each for any number of partnerships, reading only the columns the rules need.
"""

from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from django.db.models import BooleanField, Case, Min, Value, When
from django.db.models.functions import Trim

from accord.frameworks.facts import RiskFact
from accord.frameworks.schema import Framework
from accord.kernel import clock
from accord.register.models import Partnership

from .models import Assessment, Kind, Risk, RiskStatus

CHUNK = 2000
RISK_REGISTER = "risk_register"  # the artefact kind a scored risk meets


def open_risks(partnership_ids: Iterable[int]) -> dict[int, tuple[RiskFact, ...]]:
    """partnership id -> its open risks and opportunities, by reference."""
    ids = list(partnership_ids)
    found: dict[int, list[RiskFact]] = {}
    if not ids:
        return {}
    rows = (
        Risk.objects.filter(partnership_id__in=ids, status=RiskStatus.OPEN)
        .annotate(
            plan=Trim("contingency_plan"),
            has_plan=Case(When(plan="", then=Value(False)), default=Value(True), output_field=BooleanField()),
        )
        .order_by("partnership_id", "reference")
        .values_list(
            "partnership_id",
            "reference",
            "current_band",
            "current_impact",
            "inherent_impact",
            "has_plan",
            "escalated_on",
            "next_review_on",
            "identified_on",
            "kind",
        )
    )
    for (
        pk,
        reference,
        band,
        current,
        inherent,
        has_plan,
        escalated_on,
        review_on,
        identified,
        kind,
    ) in rows.iterator(chunk_size=CHUNK):
        found.setdefault(pk, []).append(
            RiskFact(
                reference=reference,
                current_band=band,
                current_impact=current,
                inherent_impact=inherent,
                has_contingency_plan=bool(has_plan),
                escalated=escalated_on is not None,
                next_review_on=review_on,
                identified_on=identified,
                opportunity=kind == Kind.OPPORTUNITY,
            )
        )
    return {pk: tuple(risks) for pk, risks in found.items()}


def first_scored(partnership_ids: Iterable[int]) -> dict[int, date]:
    """partnership id -> the day its register first had a scored risk (an opportunity is not one)."""
    ids = list(partnership_ids)
    if not ids:
        return {}
    rows = (
        Assessment.objects.filter(risk__partnership_id__in=ids, risk__kind=Kind.RISK)
        .values_list("risk__partnership_id")
        .annotate(first=Min("at"))
        .order_by()
    )
    return {pk: clock.local_date(first) for pk, first in rows.iterator(chunk_size=CHUNK)}


class RiskEvidence:
    """Registered with accord.frameworks.sources (AppConfig.ready()): the register as evidence of kind
    `risk_register`, and `risks` for the risk rules. No anchors."""

    def __init__(self, partnerships: Sequence[Partnership], framework: Framework):
        del framework  # every source is given the framework; this one reads the same under any
        """Made with the partnerships like every source; the methods name the ones wanted."""

    def evidence(self, partnership_ids: Iterable[int]) -> Mapping[int, Mapping[str, tuple[date, ...]]]:
        return {pk: {RISK_REGISTER: (day,)} for pk, day in first_scored(partnership_ids).items()}

    def anchors(self, partnership_ids: Iterable[int]) -> Mapping[int, Mapping[str, date | None]]:
        return {}

    def risks(self, partnership_ids: Iterable[int]) -> Mapping[int, tuple[RiskFact, ...]]:
        return open_risks(partnership_ids)
