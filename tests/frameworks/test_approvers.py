"""Any-of and all-of approvers (schema v2, ADR 0028): the pure rule, the schema's check, and the gate."""

import pytest
import yaml

from accord.domain.lifecycle import cycle
from accord.frameworks import approvers, loader
from accord.frameworks.schema import Requirement

from .test_bundled import seeds

CITE = "002_6044d9ccbdf05958.txt Significant Partnerships"


def requirement(approve: str = "all") -> Requirement:
    return Requirement(
        id="r",
        artefact="a",
        gate="agreement",
        approvers=["cabinet", "chief_executive"],
        approve=approve,
        cite=CITE,
    )


def test_all_of_needs_every_approver():
    rule = requirement()
    assert approvers.outstanding(rule, {}) == ["cabinet", "chief_executive"]
    assert approvers.outstanding(rule, {"cabinet": "approved"}) == ["chief_executive"]
    assert approvers.is_approved(rule, {"cabinet": "approved", "chief_executive": "approved"})


def test_any_of_is_met_by_one_approval():
    rule = requirement("any")
    assert approvers.outstanding(rule, {}) == ["cabinet", "chief_executive"]
    assert approvers.outstanding(rule, {"chief_executive": "approved"}) == []
    assert approvers.is_approved(rule, {"cabinet": "approved"})


def test_a_refusal_under_any_of_leaves_the_other_to_decide():
    rule = requirement("any")
    assert approvers.outstanding(rule, {"cabinet": "refused"}) == ["cabinet", "chief_executive"]
    assert not approvers.is_approved(rule, {"cabinet": "refused"})


def test_the_approvers_in_words():
    title = {"cabinet": "Cabinet", "chief_executive": "Chief Executive"}.__getitem__
    assert approvers.joined(requirement(), title) == "Cabinet and Chief Executive"
    assert approvers.joined(requirement("any"), title) == "Cabinet or Chief Executive"


def test_outcomes_of_one_artefact():
    found = {("a", "cabinet"): "approved", ("b", "cabinet"): "refused", ("a", "chief_executive"): "refused"}
    assert approvers.outcomes_of(found, "a") == {"cabinet": "approved", "chief_executive": "refused"}


def test_an_unknown_approve_value_is_rejected():
    with pytest.raises(ValueError, match="approve"):
        requirement("either")


def test_any_of_with_one_approver_is_rejected(tmp_path):
    data = yaml.safe_load((loader.FILES_DIR / "northampton.yaml").read_text(encoding="utf-8"))
    rule = next(r for r in data["requirements"] if r["id"] == "approval_significant")
    rule["approvers"] = ["cabinet"]
    path = tmp_path / "northampton.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    problems = loader.load_path(path, seeds()).problems
    index = data["requirements"].index(rule)
    assert (
        f"northampton.yaml: requirements.{index}.approve: 'any' needs two or more approvers to choose from"
        in (problems)
    )


def test_northamptons_cabinet_and_or_chief_executive_is_any_of():
    rule = next(r for r in loader.get("northampton").requirements if r.id == "approval_significant")
    assert rule.approve == "any" and rule.approvers == ["cabinet", "chief_executive"]


def _facts(approvals):
    from accord.frameworks.facts import PartnershipFacts

    return PartnershipFacts(partnership_id=1, approvals=approvals, significance_assessed=True)


def test_the_gate_opens_on_either_approval_and_says_either_may_give_it():
    framework = loader.get("northampton")
    gaps = cycle._requirement_gaps(
        framework, next(r for r in framework.requirements if r.id == "approval_significant"), _facts({})
    )
    assert [g.text for g in gaps] == [
        "Approval of the Council's participation: needs approval by the Cabinet or the Chief Executive",
        "Approval of the Council's participation: needs approval by the Chief Executive or the Cabinet",
    ]
    approved = {("participation_approval", "chief_executive"): "approved"}
    rule = next(r for r in framework.requirements if r.id == "approval_significant")
    assert cycle._requirement_gaps(framework, rule, _facts(approved)) == []
