"""Applying the council's framework to partnerships in the register (the Django side of the engines).

Builds `PartnershipFacts` from the register and its evidence sources, runs the pure engines and
stores results stamped with the framework id and version.
"""

from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from django.db import transaction

from accord.kernel import clock
from accord.register.evidence import ROLE_KEY  # a role holder, meeting `met_by_role` artefacts
from accord.register.models import Organisation, Partnership

from . import duty_rules, engine, tracking
from . import sources as registry
from .facts import EvidenceSource, PartnershipFacts, RatingFact, RiskFact, Shortfall
from .models import SignificanceAssessment
from .schema import Framework
from .significance import tier_in_force


class RegisterEvidence:
    """What the register itself can show: when a partnership was registered, and that an exit
    strategy has been written. Artefacts are named by kind. (When it became active is an event of
    the cycle, read by accord.domain.lifecycle.evidence; the start date typed on the record is not.)"""

    def __init__(self, partnerships: Sequence[Partnership], framework: Framework):
        del framework  # every source is given the framework; this one reads the same under any
        self._by_id = {p.pk: p for p in partnerships}

    def evidence(self, partnership_ids: Iterable[int]) -> Mapping[int, Mapping[str, tuple[date, ...]]]:
        found: dict[int, dict[str, tuple[date, ...]]] = {}
        for pk in partnership_ids:
            p = self._by_id[pk]
            kinds: dict[str, tuple[date, ...]] = {"registration": (clock.local_date(p.created_at),)}
            if p.exit_strategy.strip():
                kinds["exit_strategy"] = (clock.local_date(p.updated_at),)
            found[pk] = kinds
        return found

    def anchors(self, partnership_ids: Iterable[int]) -> Mapping[int, Mapping[str, date | None]]:
        return {pk: {"registered": clock.local_date(self._by_id[pk].created_at)} for pk in partnership_ids}


ARTEFACT_KEY = "artefact:"  # evidence for one artefact by id, as opposed to every artefact of a kind
ENDED = "ended"  # an anchor the cycle supplies: when the partnership closed, was rejected or withdrawn


def _by_artefact(
    framework: Framework, by_kind: Mapping[str, tuple[date, ...]]
) -> dict[str, tuple[date, ...]]:
    """Evidence arrives keyed by artefact kind (meeting every artefact of that kind), by
    `artefact:<id>` (meeting that one) or by `role:<role type>` (meeting the artefacts a holder of the
    role meets); the engine wants the framework's artefact ids."""
    evidence: dict[str, tuple[date, ...]] = {}
    for artefact in framework.artefacts:
        own = ARTEFACT_KEY + artefact.id
        role = ROLE_KEY + artefact.met_by_role if artefact.met_by_role else own
        dates = (*by_kind.get(artefact.kind, ()), *by_kind.get(own, ()), *by_kind.get(role, ()))
        if artefact.kind != "other" or own in by_kind or role in by_kind:
            evidence[artefact.id] = tuple(sorted(set(dates)))
    if duty_rules.REPORT_BACK in by_kind:  # read by the report-back rule, not through an artefact
        evidence[duty_rules.REPORT_BACK] = tuple(sorted(set(by_kind[duty_rules.REPORT_BACK])))
    return evidence


def risks_from(sources: Sequence[object], ids: list[int]) -> dict[int, tuple[RiskFact, ...]]:
    """Open risks by partnership, from the sources that keep risk registers (those with `risks`)."""
    risks: dict[int, tuple[RiskFact, ...]] = {}
    for source in sources:
        gather = getattr(source, "risks", None)
        if gather is not None:
            for pk, found in gather(ids).items():
                risks[pk] = (*risks.get(pk, ()), *found)
    return risks


def shortfalls_from(sources: Sequence[object], ids: list[int]) -> dict[int, dict[str, Shortfall]]:
    """Why what was recorded falls short, by partnership and artefact id, from the sources that say
    (those with `shortfalls`, ADR 0024)."""
    found: dict[int, dict[str, Shortfall]] = {}
    for source in sources:
        gather = getattr(source, "shortfalls", None)
        if gather is not None:
            for pk, by_artefact in gather(ids).items():
                found.setdefault(pk, {}).update(by_artefact)
    return found


def ratings_from(sources: Sequence[object], ids: list[int]) -> dict[int, RatingFact]:
    """Latest assurance ratings by partnership, from the sources that keep them (those with `ratings`)."""
    ratings: dict[int, RatingFact] = {}
    for source in sources:
        gather = getattr(source, "ratings", None)
        if gather is not None:
            ratings.update(gather(ids))
    return ratings


def facts_for(
    framework: Framework,
    partnerships: Sequence[Partnership],
    sources: Sequence[EvidenceSource] = (),
    answers: Mapping[int, Mapping[str, bool]] | None = None,
) -> dict[int, PartnershipFacts]:
    configured = [source(partnerships, framework) for source in registry.sources()]  # registered by the apps
    sources = [RegisterEvidence(partnerships, framework), *configured, *sources]
    ids = [p.pk for p in partnerships]
    evidence: dict[int, dict[str, tuple[date, ...]]] = {pk: {} for pk in ids}
    anchors: dict[int, dict[str, date | None]] = {pk: {} for pk in ids}
    for source in sources:
        for pk, kinds in source.evidence(ids).items():
            for kind, dates in kinds.items():
                evidence[pk][kind] = (*evidence[pk].get(kind, ()), *dates)
        for pk, dated in source.anchors(ids).items():
            anchors[pk].update({k: v for k, v in dated.items() if v is not None or k not in anchors[pk]})
    answers = answers or {}
    risks = risks_from(sources, ids)
    ratings = ratings_from(sources, ids)
    shortfalls = shortfalls_from(sources, ids)
    tracking_from = tracking.tracking_from()
    last_done = tracking.last_done_for(ids)
    council_id = Organisation.objects.filter(is_council=True).values_list("pk", flat=True).first()
    facts = {}
    for p in partnerships:
        duration = None
        if p.start_date and p.proposed_end_date:
            duration = (p.proposed_end_date - p.start_date).days / 365.25
        facts[p.pk] = PartnershipFacts(
            partnership_id=p.pk,
            register_type=p.partnership_type.name,
            subtype=p.subtype,
            statutory=p.statutory_status == "statutory",
            council_contribution=p.latest_year_contribution,
            council_role=p.council_role,
            duration_years=duration,
            key_partnership=p.is_key_partnership,
            answers=answers.get(p.pk, {}),
            evidence=_by_artefact(framework, evidence[p.pk]),
            anchors=anchors[p.pk],
            risks=risks.get(p.pk, ()),
            rating=ratings.get(p.pk),
            status=p.status,
            ended_on=anchors[p.pk].get(ENDED),
            tracking_from=tracking_from,
            last_done=last_done.get(p.pk, {}),
            shortfalls=shortfalls.get(p.pk, {}),
            conditions={
                "council_is_accountable_body": p.council_role == "accountable_body"
                or (p.accountable_body_id is not None and p.accountable_body_id == council_id),
                "has_procurement_functions": p.has_procurement_functions,
                "works_with_children": p.works_with_children,
            },
        )
    return facts


def latest_assessment(partnership: Partnership, framework: Framework) -> SignificanceAssessment | None:
    return (
        SignificanceAssessment.objects.filter(partnership=partnership, framework_id=framework.id)
        .order_by("-assessed_at", "-id")
        .first()
    )


def significance(partnership: Partnership, framework: Framework):
    """(the engine's result on today's facts, the latest stored assessment or None)."""
    stored = latest_assessment(partnership, framework)
    answers = {partnership.pk: stored.answers} if stored else None
    facts = facts_for(framework, [partnership], answers=answers)[partnership.pk]
    return engine.assess_significance(framework, facts), stored


@transaction.atomic
def record_assessment(
    partnership: Partnership, user, answers: Mapping[str, bool], *, framework: Framework
) -> SignificanceAssessment:
    facts = facts_for(framework, [partnership], answers={partnership.pk: dict(answers)})[partnership.pk]
    result = engine.assess_significance(framework, facts)
    return SignificanceAssessment.objects.create(
        partnership=partnership,
        framework_id=framework.id,
        framework_version=framework.version,
        answers=dict(answers),
        tier_id=result.tier_id,
        tier_name=result.tier_name,
        reasons=[{"text": r.text, "cite": r.cite} for r in result.reasons],
        assessed_by=user if getattr(user, "pk", None) else None,
    )


def record_assessments(
    partnerships: Sequence[Partnership], user, *, framework: Framework
) -> list[SignificanceAssessment]:
    """`record_assessment` with no answers, for many partnerships at once (the facts read in bulk)."""
    facts = facts_for(framework, partnerships, answers={p.pk: {} for p in partnerships})
    assessments = []
    for partnership in partnerships:
        result = engine.assess_significance(framework, facts[partnership.pk])
        assessments.append(
            SignificanceAssessment(
                partnership=partnership,
                framework_id=framework.id,
                framework_version=framework.version,
                answers={},
                tier_id=result.tier_id,
                tier_name=result.tier_name,
                reasons=[{"text": r.text, "cite": r.cite} for r in result.reasons],
                assessed_by=user if getattr(user, "pk", None) else None,
            )
        )
    return SignificanceAssessment.objects.bulk_create(assessments, batch_size=500)


def obligations_for(partnership: Partnership, today: date | None = None, *, framework: Framework):
    result, stored = significance(partnership, framework)
    tier_id, _ = tier_in_force(result, stored)
    facts = facts_for(framework, [partnership], answers={partnership.pk: stored.answers} if stored else None)
    return engine.obligations(framework, facts[partnership.pk], today or clock.today(), tier_id=tier_id)
