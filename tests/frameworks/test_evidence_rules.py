"""A framework file cannot name an evidence rule that cannot be met (ADR 0024): a role People and roles
does not have, a governing document with no template, gaps to be "explained and accepted" with nobody
to accept them, a review with no questions, a tier that does not exist."""

import pytest

from accord.frameworks import loader
from accord.frameworks.checks import check
from accord.frameworks.evidence_rules import check_evidence_rules, governing_artefact

pytestmark = pytest.mark.django_db  # the role types come from the register


def changed(framework_id: str, artefact_id: str, **update):
    framework = loader.get(framework_id)
    artefacts = [a.model_copy(update=update) if a.id == artefact_id else a for a in framework.artefacts]
    return framework.model_copy(update={"artefacts": artefacts})


def messages(framework) -> list[str]:
    return [f"{where}: {what}" for where, what in check_evidence_rules(framework)]


@pytest.mark.parametrize(
    "framework_id", ["bury", "central_bedfordshire", "chorley", "model", "northampton", "redditch"]
)
def test_every_bundled_framework_sets_evidence_rules_that_can_be_met(framework_id):
    assert messages(loader.get(framework_id)) == []


def test_a_role_people_and_roles_does_not_have_is_refused():
    found = messages(changed("northampton", "sponsoring_officer_allocation", met_by_role="sponsor"))
    assert any("met_by_role: unknown role 'sponsor'" in m and "sponsoring_officer" in m for m in found)


def test_an_agreement_without_a_template_is_refused():
    found = messages(changed("bury", "partnership_agreement", template=None))
    assert any(
        m.endswith("a governing document needs the template whose headings it must cover") for m in found
    )


def test_gaps_nobody_can_accept_are_refused():
    framework = loader.get("bury")
    requirements = [
        r.model_copy(update={"approvers": []}) if r.artefact == "partnership_agreement" else r
        for r in framework.requirements
    ]
    found = messages(framework.model_copy(update={"requirements": requirements}))
    assert any("names nobody to accept them" in m for m in found)


def test_a_tier_that_does_not_exist_is_refused():
    found = messages(changed("redditch", "memorandum_of_understanding", complete_in_tiers=["key"]))
    assert any("complete_in_tiers.0: unknown tier 'key'" in m for m in found)


def test_a_review_with_no_questions_is_refused():
    found = messages(changed("redditch", "annual_review", banks=[]))
    assert any("a review is carried out by answering a question bank" in m for m in found)


def test_a_status_rule_on_something_that_is_not_a_governing_document_is_refused():
    found = messages(changed("northampton", "action_plan", must_be="signed"))
    assert any("must_be: `must_be` is checked only on a partnership's governing document" in m for m in found)


def test_the_problems_are_part_of_the_frameworks_validation():
    found = check(changed("northampton", "sponsoring_officer_allocation", met_by_role="sponsor"))
    assert any(where.endswith("met_by_role") for where, _ in found)


def test_central_bedfordshires_public_sector_partnerships_are_governed_by_their_terms_of_reference():
    framework = loader.get("central_bedfordshire")
    assert governing_artefact(framework, "public_sector_strategic").id == "terms_of_reference"
    assert governing_artefact(framework, "public_sector_delivery").id == "terms_of_reference"
    assert governing_artefact(framework, "private_sector").id == "private_sector_contract"
