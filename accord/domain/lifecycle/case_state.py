"""The framework's view of partnerships in the cycle now: tier, facts with approvals, and slots.

`states` works for many partnerships with a fixed number of queries (the stored significance
assessments, the evidence sources' bulk reads, the artefact revisions and the decisions, the
"Is it a partnership?" results and the gate overrides), so a list such as the approver's inbox
costs the same few queries for 200 partnerships as for one; `state` is the same for one partnership.
"""

from collections.abc import Sequence
from dataclasses import replace

from django.utils import timezone

from accord.frameworks import apply, classification, engine, significance
from accord.frameworks.facts import OverrideFact
from accord.frameworks.models import SignificanceAssessment
from accord.frameworks.schema import Framework
from accord.register.models import Partnership

from . import evidence
from .content import slot_for
from .models import GateOverride
from .state import State


def slots(framework: Framework) -> dict[str, str]:
    return {a.id: slot_for(a) for a in framework.artefacts}


def latest_assessments(ids: Sequence[int], framework: Framework) -> dict[int, SignificanceAssessment]:
    """Each partnership's latest stored significance assessment under this framework."""
    latest: dict[int, SignificanceAssessment] = {}
    for assessment in SignificanceAssessment.objects.filter(
        partnership_id__in=ids, framework_id=framework.id
    ).order_by("partnership_id", "-assessed_at", "-id"):
        latest.setdefault(assessment.partnership_id, assessment)
    return latest


def states(partnerships: Sequence[Partnership], framework: Framework) -> dict[int, State]:
    """partnership id -> State. The partnerships need `partnership_type` loaded (select_related)."""
    ids = [p.pk for p in partnerships]
    stored = latest_assessments(ids, framework)
    answers = {pk: assessment.answers for pk, assessment in stored.items()}
    facts = apply.facts_for(framework, partnerships, answers=answers)
    artefact_slots = slots(framework)
    approvals = evidence.approvals_for(ids, artefact_slots)
    results = classification.latest_results(ids, framework)
    overrides = gate_overrides(ids, framework)
    found = {}
    for p in partnerships:
        result = engine.assess_significance(framework, facts[p.pk])
        tier_id, _ = significance.tier_in_force(result, stored.get(p.pk))
        with_approvals = replace(
            facts[p.pk],
            approvals=approvals.get(p.pk, {}),
            significance_assessed=significance.is_assessed(framework, stored.get(p.pk)),
            is_partnership=results[p.pk].is_partnership if p.pk in results else None,
            gate_overrides=overrides.get(p.pk, {}),
        )
        found[p.pk] = State(framework, tier_id, with_approvals, artefact_slots)
    return found


Overrides = dict[tuple[str, str], OverrideFact]  # (gate, item id) -> the latest override


def gate_overrides(ids: Sequence[int], framework: Framework) -> dict[int, Overrides]:
    """partnership id -> its overrides made under this framework."""
    found: dict[int, Overrides] = {}
    rows = GateOverride.objects.filter(partnership_id__in=ids, framework_id=framework.id).order_by("at", "id")
    for row in rows:
        found.setdefault(row.partnership_id, {})[(row.gate, row.item_id)] = override_fact(row)
    return found


def override_fact(row: GateOverride) -> OverrideFact:
    return OverrideFact(row.overridden_by_name, timezone.localdate(row.at), row.reason)


def state(partnership: Partnership, framework: Framework) -> State:
    return states([partnership], framework)[partnership.pk]
