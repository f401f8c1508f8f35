"""The governing document counts only with the status and coverage the framework requires (ADR 0024):
signed where Bury 7 demands "A WRITTEN SIGNED AGREEMENT"; every heading of its template covered, or
each gap explained and accepted by the approvers the framework names — never a gap for Redditch's
significant partnerships (7) or Central Bedfordshire's Board terms of reference (2.9.1). Coverage is
shown on the approval page and enforced at the gates."""

import html

import pytest
from django.urls import reverse
from django.utils import timezone

from accord.domain.lifecycle import agreements, services
from accord.domain.lifecycle.models import Appointment
from accord.frameworks import loader
from accord.frameworks import services as significance
from tests import factories as f

pytestmark = pytest.mark.django_db
BURY_HEADS = ["a_introduction", "b_vision_objectives", "c_service_provision", "d_running_the_partnership"]
BURY_HEADS += ["e_financial_matters", "f_special_circumstances", "g_dissolution"]  # 7 of App 4's 9
BURY_APPROVERS = ("director_legal", "director_finance", "relevant_director")


@pytest.fixture
def at_the_agreement_stage(settings, users, officer_person):
    """A partnership of `framework_id` settling its agreement, led by the officer, in `tier`."""

    def make(framework_id: str, tier: str | None = None, type_name: str | None = None):
        settings.ACCORD_FRAMEWORK = framework_id
        kind = {"partnership_type": f.PartnershipTypeFactory(name=type_name)} if type_name else {}
        partnership = f.PartnershipFactory(status="agreement", is_key_partnership=True, **kind)
        f.RoleFactory(partnership=partnership, person=officer_person, role="lead_officer")
        if tier:
            significance.override(
                partnership, users["administrator"], tier, "Set for the test", framework=loader.current()
            )
        return partnership

    return make


def shortfall(partnership, artefact_id: str, target: str = "active") -> str | None:
    """The gate's missing item for the artefact itself (not its approvals), as the user reads it."""
    found = [
        m
        for m in services.check(partnership, target, framework=loader.current()).missing
        if m.artefact_id == artefact_id
    ]
    return next((m.text for m in found if not m.role_id), None)


def approve_all(users, partnership, artefact_id: str, roles) -> None:
    for role_id in roles:
        Appointment.objects.get_or_create(
            user=users["approver"], framework_id=loader.current().id, role_id=role_id
        )
        services.decide(
            users["approver"],
            partnership,
            artefact_id,
            role_id,
            "approved",
            comment="The gaps are explained",
            framework=loader.current(),
        )


def test_an_agreed_but_unsigned_agreement_does_not_pass_burys_gate(at_the_agreement_stage):
    partnership = at_the_agreement_stage("bury")
    f.agreement_in_place(partnership, timezone.localdate(), status="agreed")
    text = shortfall(partnership, "partnership_agreement")
    assert text == "Partnership Agreement: it is agreed but not signed; the framework needs it signed"
    f.agreement_in_place(partnership, timezone.localdate(), status="signed")
    assert shortfall(partnership, "partnership_agreement") is None


def test_burys_agreement_covering_7_of_9_heads_counts_only_once_each_gap_is_explained_and_accepted(
    at_the_agreement_stage, users
):
    partnership = at_the_agreement_stage("bury")
    f.agreement_in_place(partnership, timezone.localdate(), covered=BURY_HEADS)
    text = shortfall(partnership, "partnership_agreement")
    assert "covers 7 of 9 headings: H. Review and I. Other Considerations missing" in text

    reasons = {"h_review": "Reviewed under the council's 7.5 process", "i_other_considerations": "None apply"}
    f.agreement_in_place(partnership, timezone.localdate(), covered=BURY_HEADS, reasons=reasons)
    assert shortfall(partnership, "partnership_agreement") is None
    waiting = {
        m.role_id
        for m in services.check(partnership, "active", framework=loader.current()).missing
        if m.artefact_id == "partnership_agreement"
    }
    assert waiting == set(BURY_APPROVERS)  # the gaps stand only once the approvers accept them
    approve_all(users, partnership, "partnership_agreement", BURY_APPROVERS)
    assert not [
        m
        for m in services.check(partnership, "active", framework=loader.current()).missing
        if m.artefact_id == "partnership_agreement"
    ]


def test_changing_an_explained_gap_needs_the_approvers_to_accept_it_again(at_the_agreement_stage, users):
    partnership = at_the_agreement_stage("bury")
    template = agreements.coverage_template(loader.current(), partnership)
    entries = {h: f"Clause {n}" for n, h in enumerate(BURY_HEADS, start=1)}
    entries |= {
        agreements.GAP + "h_review": "Reviewed yearly",
        agreements.GAP + "i_other_considerations": "None",
    }
    f.agreement_in_place(partnership, timezone.localdate())
    agreements.save_coverage(users["officer"], partnership, template, entries)
    approve_all(users, partnership, "partnership_agreement", BURY_APPROVERS)
    entries[agreements.GAP + "h_review"] = "Not needed"
    agreements.save_coverage(users["officer"], partnership, template, entries)
    waiting = {
        m.role_id
        for m in services.check(partnership, "active", framework=loader.current()).missing
        if m.artefact_id == "partnership_agreement"
    }
    assert waiting == set(BURY_APPROVERS)


def test_a_heading_both_covered_and_explained_keeps_only_where_it_is_covered(at_the_agreement_stage, users):
    partnership = at_the_agreement_stage("bury")
    agreement = f.agreement_in_place(partnership, timezone.localdate())
    template = agreements.coverage_template(loader.current(), partnership)
    agreements.save_coverage(
        users["officer"],
        partnership,
        template,
        {"a_introduction": "Clause 1", agreements.GAP + "a_introduction": "x"},
    )
    agreement.refresh_from_db()
    assert agreement.coverage == {"a_introduction": "Clause 1"} and agreement.gap_reasons == {}


def test_redditchs_significant_partnership_may_leave_no_heading_out_even_explained(at_the_agreement_stage):
    framework = loader.get("redditch")
    template = next(t for t in framework.templates if t.id == "memorandum_of_understanding")
    covered = [h.id for h in template.headings if h.id not in ("termination", "review_and_alteration")]
    left_out = [h for h in template.headings if h.id not in covered]
    reasons = {h.id: "Agreed separately by the partners" for h in left_out}

    significant = at_the_agreement_stage("redditch", tier="significant")
    f.agreement_in_place(significant, timezone.localdate(), status="agreed", covered=covered, reasons=reasons)
    text = shortfall(significant, "memorandum_of_understanding")
    assert (
        text is not None
        and f"covers 10 of 12 headings: {left_out[0].text} and {left_out[1].text} missing" in text
    )
    assert "no heading may be left out for a significant partnership" in text

    other = at_the_agreement_stage("redditch", tier="other")
    f.agreement_in_place(other, timezone.localdate(), status="agreed", covered=covered, reasons=reasons)
    assert shortfall(other, "memorandum_of_understanding") is None  # adapted, with reasons to accept


def test_the_approval_page_shows_the_mous_coverage_and_each_gap(at_the_agreement_stage, users, client):
    partnership = at_the_agreement_stage("chorley", tier="key")
    template = next(t for t in loader.get("chorley").templates if t.id == "memorandum_of_understanding")
    five = [h.id for h in template.headings[:5]]
    f.agreement_in_place(partnership, timezone.localdate(), status="agreed", covered=five)
    client.force_login(users["approver"])
    page = html.unescape(client.get(reverse("approvals", args=[partnership.pk])).content.decode())
    assert "5 of 15 headings of the" in page
    assert "It does not count yet: covers 5 of 15 headings" in page
    assert template.headings[5].text in page  # each heading left out is named

    reasons = {h.id: f"Not relevant: {h.id}" for h in template.headings[5:]}
    f.agreement_in_place(partnership, timezone.localdate(), status="agreed", covered=five, reasons=reasons)
    Appointment.objects.create(user=users["approver"], framework_id="chorley", role_id="head_of_governance")
    decide = reverse("decide", args=[partnership.pk, "memorandum_of_understanding", "head_of_governance"])
    page = html.unescape(client.get(decide).content.decode())
    assert "5 of 15 headings of the" in page
    assert f"Not relevant: {template.headings[5].id}" in page
    assert "Approving it accepts the reasons given for each heading it leaves out" in page


def test_cbc_terms_of_reference_are_checked_against_2_9_1(at_the_agreement_stage, users, client):
    partnership = at_the_agreement_stage(
        "central_bedfordshire", tier="key", type_name="Public sector strategic"
    )
    framework = loader.current()
    governing = agreements.agreement_artefact(framework, partnership)
    assert governing.id == "terms_of_reference"
    template = agreements.coverage_template(framework, partnership)
    assert template.id == "terms_of_reference" and len(template.headings) == 15

    client.force_login(users["officer"])
    page = html.unescape(client.get(reverse("agreement", args=[partnership.pk])).content.decode())
    assert "0 of 15 headings covered" in page and "Contract monitoring" not in page
    cycle_page = client.get(reverse("cycle", args=[partnership.pk])).content.decode()
    assert reverse("agreement", args=[partnership.pk]) in cycle_page
    assert (
        client.get(reverse("artefact-record", args=[partnership.pk, "terms_of_reference"])).status_code == 404
    )

    f.agreement_in_place(
        partnership,
        timezone.localdate(),
        status="agreed",
        covered=[h.id for h in template.headings[:14]],
        reasons={template.headings[14].id: "The Board votes by consensus"},
    )
    text = shortfall(partnership, "terms_of_reference")
    assert "covers 14 of 15 headings" in text and "no heading may be left out" in text  # 2.9.1: "to include"
    f.agreement_in_place(partnership, timezone.localdate(), status="agreed")
    assert shortfall(partnership, "terms_of_reference") is None


def test_cbc_private_sector_contracts_are_still_checked_against_the_contract_headings(at_the_agreement_stage):
    partnership = at_the_agreement_stage("central_bedfordshire", tier="key", type_name="Private sector")
    framework = loader.current()
    assert agreements.agreement_artefact(framework, partnership).id == "private_sector_contract"
    assert agreements.coverage_template(framework, partnership).id == "private_sector_contract"


def test_the_agreement_page_says_whether_a_gap_may_be_explained_for_the_partnerships_tier(
    at_the_agreement_stage, users, client
):
    framework = loader.get("redditch")
    template = next(t for t in framework.templates if t.id == "memorandum_of_understanding")
    covered = [h.id for h in template.headings[:-1]]
    reasons = {template.headings[-1].id: "Reviewed under the Executive's own timetable"}
    client.force_login(users["officer"])
    for tier, counts in (("other", True), ("significant", False)):
        partnership = at_the_agreement_stage("redditch", tier=tier)
        f.agreement_in_place(
            partnership, timezone.localdate(), status="agreed", covered=covered, reasons=reasons
        )
        page = html.unescape(client.get(reverse("agreement", args=[partnership.pk])).content.decode())
        assert ("It does not count yet" not in page) is counts, tier
        coverage = html.unescape(
            client.get(reverse("agreement-coverage", args=[partnership.pk])).content.decode()
        )
        assert ("If it is not covered, why not?" in coverage) is counts, tier
