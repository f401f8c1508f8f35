"""Conditional requirements and obligations (`when`, schema v2, ADR 0028): the pure rule, the
schema's errors, the gate and the obligation engine, and the facts the register supplies."""

from datetime import date

import pytest
import yaml

from accord.domain.lifecycle import cycle
from accord.frameworks import apply, loader, obligation_status
from accord.frameworks.facts import PartnershipFacts
from accord.frameworks.schema import Condition
from tests import factories as f

from .test_bundled import seeds


def test_a_condition_is_met_only_while_its_fact_holds():
    when = Condition(fact="has_procurement_functions")
    assert when.met({"has_procurement_functions": True})
    assert not when.met({"has_procurement_functions": False})
    assert not when.met({})  # not recorded: it does not hold
    assert when.met(None)  # nothing known here: the rule is not silently dropped
    unless = Condition(fact="works_with_children", holds=False)
    assert unless.met({"works_with_children": False}) and not unless.met({"works_with_children": True})


def test_an_unknown_condition_fact_is_rejected(tmp_path):
    data = yaml.safe_load((loader.FILES_DIR / "central_bedfordshire.yaml").read_text(encoding="utf-8"))
    index = next(i for i, r in enumerate(data["requirements"]) if r["id"] == "req_procurement_rules")
    data["requirements"][index]["when"] = {"fact": "has_a_canteen"}
    path = tmp_path / "central_bedfordshire.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    problems = loader.load_path(path, seeds()).problems
    assert any(f"requirements.{index}.when.fact" in p and "fact must be one of" in p for p in problems), (
        problems
    )


def _facts(**conditions) -> PartnershipFacts:
    return PartnershipFacts(partnership_id=1, register_type="Public sector strategic", conditions=conditions)


def test_central_bedfordshires_procurement_rules_apply_only_with_procurement_functions():
    framework = loader.get("central_bedfordshire")
    tier = framework.significance.tiers[0].id

    def needed(facts) -> bool:
        found = cycle.gate_requirements(framework, tier, facts.register_type, "active", facts.conditions)
        return "req_procurement_rules" in {r.id for r in found}

    assert not needed(_facts(has_procurement_functions=False))
    assert needed(_facts(has_procurement_functions=True))
    check = cycle.check_move(framework, _facts(has_procurement_functions=False), tier, "agreement", "active")
    assert "procurement_rules" not in {m.artefact_id for m in check.missing}


def test_chorleys_safeguarding_assurance_is_a_gate_only_where_the_work_involves_children():
    framework = loader.get("chorley")
    rule = next(r for r in framework.requirements if r.id == "safeguarding_assured")
    assert rule.when == Condition(fact="works_with_children")
    assert cycle.applies(rule, "key", None, {"works_with_children": True})
    assert not cycle.applies(rule, "key", None, {"works_with_children": False})


def test_a_conditional_obligation_is_not_due_where_the_fact_does_not_hold():
    framework = loader.get("chorley")
    base = next(o for o in framework.obligations if o.id == "bi_annual_performance_report")
    conditional = base.model_copy(update={"when": Condition(fact="council_is_accountable_body")})
    facts = PartnershipFacts(partnership_id=1, anchors={"activated": date(2026, 1, 1)}, status="active")
    status = obligation_status.evaluate(conditional, facts, "key", None, date(2027, 1, 1))
    assert status.status == obligation_status.NOT_APPLICABLE
    holds = PartnershipFacts(
        partnership_id=1,
        anchors={"activated": date(2026, 1, 1)},
        status="active",
        conditions={"council_is_accountable_body": True},
    )
    assert obligation_status.evaluate(conditional, holds, "key", None, date(2027, 1, 1)).status != (
        obligation_status.NOT_APPLICABLE
    )


@pytest.mark.django_db
def test_the_register_supplies_the_condition_facts(council):
    framework = loader.get("central_bedfordshire")
    partnership = f.PartnershipFactory(has_procurement_functions=True, accountable_body=council)
    facts = apply.facts_for(framework, [partnership])[partnership.pk]
    assert facts.conditions == {
        "council_is_accountable_body": True,
        "has_procurement_functions": True,
        "works_with_children": False,
    }
