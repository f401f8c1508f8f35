"""Decisions stay valid unless what they decided on changed (issue 14, point 5; ADR 0023).

Northampton: after the Cabinet and the Chief Executive approved the Council's participation (minute
C/26/88), completing a checklist made both approvals stop counting. Bury: signing the agreement after
activation voided the approval in principle. And the cycle page never said the Appendix 1 checklist
had to come first. Each decision now keeps what it was based on, only a change to that voids it, the
pages say which change did, and an approval cannot be asked for before what it decides on is done.
"""

import html
from datetime import date, timedelta

import pytest
from django.urls import reverse

from accord.domain.lifecycle import agreements, basis, cycle, recording, services
from accord.domain.lifecycle.content import slot_for
from accord.domain.lifecycle.models import Appointment, ArtefactRecord, Decision
from accord.domain.risks import services as risk_services
from accord.frameworks import loader
from accord.frameworks import services as significance
from accord.kernel import clock
from accord.kernel.ui.formatting import govuk_date
from accord.register.models import Partnership
from tests import factories as f
from tests.clock import on_day

PARTICIPATION = "participation_approval"
CABINET, CHIEF_EXECUTIVE = "cabinet", "chief_executive"
MINUTE = "Cabinet minute C/26/88"
DETAILS = {cycle.AGREEMENT: {"reference": MINUTE}}


# Doing the work, as the officer and the approvers would ----------------------------------------


def complete(officer, partnership, artefact, summary: str = "Done") -> None:
    """Do one artefact the framework asks for, where a user would do it (again, with a new summary)."""
    if artefact.kind == "exit_strategy":
        Partnership.objects.filter(pk=partnership.pk).update(exit_strategy="Give six months' notice.")
    elif artefact.kind == "risk_register":  # a scored risk on the Risks tab (ADR 0024)
        risk = risk_services.create_risk(
            officer,
            partnership,
            {"title": "A partner withdraws", "identified_on": clock.today(), "owner": "Olive"},
        )
        risk_services.assess(officer, risk, "current", 2, 3, framework=loader.current())
    elif artefact.met_by_role:  # a holder of the role under People and roles
        f.RoleFactory(partnership=partnership, role=artefact.met_by_role)
    elif artefact.kind == "agreement":  # signed where the framework says so, covering its headings
        signed = artefact.must_be == "signed"
        values = agreement(status="signed", signed_on=clock.today()) if signed else agreement(status="agreed")
        agreements.save_agreement(officer, partnership, values)
        template = agreements.template_for(loader.current(), artefact)
        covered = {h.id: f"Clause {n}" for n, h in enumerate(template.headings, start=1)}
        agreements.save_coverage(officer, partnership, template, covered)
    else:
        recording.save_record(
            officer,
            partnership,
            slot_for(artefact),
            kind=artefact.kind,
            title="Business case" if artefact.kind == "business_case" else artefact.name,
            complete=True,
            summary=summary,
        )


def agreement(**values):
    today = clock.today()
    return {
        "document_type": "agreement",
        "title": "Partnership agreement",
        "status": "agreed",
        "agreed_on": today,
        "signed_on": None,
        "next_review_on": today + timedelta(days=300),
        "termination_notice": "6 months",
        **values,
    }


def decide(approver, partnership, artefact_id, role_id, outcome="approved"):
    framework = loader.current()
    Appointment.objects.get_or_create(user=approver, framework_id=framework.id, role_id=role_id)
    return services.decide(
        approver,
        Partnership.objects.get(pk=partnership.pk),
        artefact_id,
        role_id,
        outcome,
        comment="Content with the case" if outcome == "approved" else "Not content",
        reference=MINUTE,
        framework=loader.current(),
    )


def move_on(officer, approver, partnership, target) -> None:
    """Do what the gate into `target` needs — the work first, then the decisions — and move."""
    framework = loader.current()
    artefacts = {a.id: a for a in framework.artefacts}
    for missing in services.check(partnership, target, framework=loader.current()).missing:
        if not missing.role_id and artefacts[missing.artefact_id].kind != "registration":
            complete(officer, partnership, artefacts[missing.artefact_id])
    for missing in services.check(partnership, target, framework=loader.current()).missing:
        if missing.role_id:
            decide(approver, partnership, missing.artefact_id, missing.role_id)
    partnership.refresh_from_db()
    services.move(
        officer,
        partnership,
        target,
        expected_status=partnership.status,
        **DETAILS.get(target, {}),
        framework=loader.current(),
    )
    partnership.refresh_from_db()


def proposal(users, officer_person, tier_id: str) -> Partnership:
    partnership = f.PartnershipFactory(name="Northampton Town Centre Partnership", status="proposed")
    f.RoleFactory(partnership=partnership, person=officer_person, role="lead_officer")
    f.MembershipFactory(partnership=partnership)
    significance.override(
        partnership,
        users["administrator"],
        tier_id,
        "Assessed by the Partnerships Officer",
        framework=loader.current(),
    )
    return partnership


def artefact(artefact_id: str):
    return next(a for a in loader.current().artefacts if a.id == artefact_id)


def standing(partnership, artefact_id: str, role_id: str) -> basis.Standing:
    found = [
        s
        for d, s in basis.standings(partnership, services.state(partnership, loader.current()))
        if d.role_id == role_id
    ]
    assert found, f"no decision by {role_id}"
    return found[-1]


def page(client, name: str, partnership) -> str:
    return html.unescape(client.get(reverse(name, args=[partnership.pk])).content.decode())


@pytest.fixture
def northampton(settings, users, officer_person):
    """A significant Northampton partnership awaiting approval: its evaluation written and approved by
    the Section 151 Officer; the Appendix 1 checklist not yet worked through."""
    settings.ACCORD_FRAMEWORK = "northampton"
    partnership = proposal(users, officer_person, "significant")
    for target in (cycle.BUSINESS_CASE, cycle.AWAITING_APPROVAL):
        move_on(users["officer"], users["approver"], partnership, target)
    return partnership


def approve_participation(users, partnership) -> None:
    complete(users["officer"], partnership, artefact("setting_up_checklist"))
    decide(users["approver"], partnership, PARTICIPATION, CABINET)  # "and/or": one is enough (approve: any)


# Northampton -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_approval_to_take_part_cannot_be_asked_for_until_the_appendix_1_checklist_is_done(
    client, users, northampton
):
    approver = users["approver"]
    Appointment.objects.create(user=approver, framework_id="northampton", role_id=CABINET)
    assert services.pending_for(approver, northampton, framework=loader.current()) == []
    with pytest.raises(services.CycleError, match="nothing waiting"):
        decide(approver, northampton, PARTICIPATION, CABINET)
    assert not Decision.objects.filter(partnership=northampton, artefact_id=PARTICIPATION).exists()

    checklist = artefact("setting_up_checklist")
    checklist_url = reverse("checklist", args=[northampton.pk, checklist.id, checklist.banks[0]])
    # The cycle page says the checklist comes first, and links to it.
    client.force_login(users["officer"])
    cycle_page = page(client, "cycle", northampton)
    assert "Cannot start yet" in cycle_page
    assert (
        f'Complete these first: <a class="govuk-link" href="{checklist_url}">{checklist.name}</a>.'
        in cycle_page
    )
    # So do the approver's pages.
    client.force_login(approver)
    decide_page = html.unescape(
        client.get(reverse("decide", args=[northampton.pk, PARTICIPATION, CABINET])).content.decode()
    )
    assert f"This cannot be decided yet. Complete these first: {checklist.name}." in decide_page
    assert 'name="outcome"' not in decide_page
    assert "Complete these first" in page(client, "approvals", northampton)

    complete(users["officer"], northampton, checklist)
    assert [
        (a.id, role) for a, role, _ in services.pending_for(approver, northampton, framework=loader.current())
    ] == [(PARTICIPATION, CABINET)]
    client.force_login(users["officer"])
    assert "Complete these first" not in page(client, "cycle", northampton)


@pytest.mark.django_db
def test_the_cycle_page_lists_later_approvals_with_what_must_be_done_first(
    settings, client, users, officer_person
):
    settings.ACCORD_FRAMEWORK = "northampton"
    partnership = proposal(users, officer_person, "significant")
    move_on(users["officer"], users["approver"], partnership, cycle.BUSINESS_CASE)
    client.force_login(users["officer"])
    shown = page(client, "cycle", partnership)
    assert "Approvals still to come" in shown
    assert "Approval of the Council's participation, by the Cabinet or Chief Executive" in shown
    assert "Complete these first:" in shown and artefact("setting_up_checklist").name in shown


@pytest.mark.django_db
def test_northampton_approvals_still_count_when_a_checklist_they_did_not_decide_on_is_completed(
    client, users, northampton
):
    approve_participation(users, northampton)
    decision = Decision.objects.get(partnership=northampton, role_id=CABINET)
    assert set(decision.basis) == {PARTICIPATION, "business_case", "setting_up_checklist"}
    # 'Arrangements in place' is needed before the partnership is active, not for taking part.
    complete(users["officer"], northampton, artefact("arrangements_checklist"))
    assert services.check(northampton, cycle.AGREEMENT, framework=loader.current()).ok
    assert standing(northampton, PARTICIPATION, CABINET).text == "Yes"
    client.force_login(users["officer"])
    assert "No longer counts" not in page(client, "approvals", northampton)


@pytest.mark.django_db
def test_changing_the_business_case_after_approval_voids_the_approvals_and_the_pages_say_so(
    client, users, northampton
):
    approve_participation(users, northampton)
    decided_on = clock.today()
    later = decided_on + timedelta(days=2)
    with on_day(later):
        complete(users["officer"], northampton, artefact("evaluation"), summary="Costs revised")
    missing = {
        (m.artefact_id, m.role_id)
        for m in services.check(northampton, cycle.AGREEMENT, framework=loader.current()).missing
    }
    assert {(PARTICIPATION, CABINET), (PARTICIPATION, CHIEF_EXECUTIVE)} <= missing
    why = f"the business case was changed on {govuk_date(later)} after this decision"
    assert standing(northampton, PARTICIPATION, CABINET).text == f"No longer counts: {why}"

    client.force_login(users["officer"])
    approvals = page(client, "approvals", northampton)
    assert approvals.count(f"No longer counts: {why}") >= 1  # the Cabinet's
    cycle_page = page(client, "cycle", northampton)
    assert f"The Cabinet's approval of {govuk_date(decided_on)} no longer counts: {why}." in cycle_page
    # The approvers can decide again on the changed case.
    assert (PARTICIPATION, CABINET) in {
        (a.id, role)
        for a, role, _ in services.pending_for(users["approver"], northampton, framework=loader.current())
    }


@pytest.mark.django_db
def test_saving_the_business_case_again_unchanged_leaves_the_approvals_standing(users, northampton):
    approve_participation(users, northampton)
    before = ArtefactRecord.objects.get(partnership=northampton, slot="business_case")
    with on_day(clock.today() + timedelta(days=2)):
        complete(users["officer"], northampton, artefact("evaluation"))  # the same content, saved again
    after = ArtefactRecord.objects.get(partnership=northampton, slot="business_case")
    assert (after.revision, after.produced_on) == (before.revision, before.produced_on)
    assert standing(northampton, PARTICIPATION, CABINET).text == "Yes"


@pytest.mark.django_db
def test_going_back_for_approval_after_being_sent_back_starts_approvals_afresh(users, northampton):
    complete(users["officer"], northampton, artefact("setting_up_checklist"))
    decide(users["approver"], northampton, PARTICIPATION, CABINET, outcome="refused")
    northampton.refresh_from_db()
    assert northampton.status == cycle.BUSINESS_CASE
    resubmitted = clock.today() + timedelta(days=1)
    with on_day(resubmitted):
        services.move(
            users["officer"],
            northampton,
            cycle.AWAITING_APPROVAL,
            expected_status=cycle.BUSINESS_CASE,
            framework=loader.current(),
        )
    went_back = f"the partnership went back for approval on {govuk_date(resubmitted)}"
    assert (
        standing(northampton, PARTICIPATION, CABINET).text
        == f"No longer counts: {went_back} after this decision"
    )


@pytest.mark.django_db
def test_a_change_after_the_partnership_moved_on_with_a_decision_does_not_void_it(users, northampton):
    approve_participation(users, northampton)
    move_on(users["officer"], users["approver"], northampton, cycle.AGREEMENT)
    later = clock.today() + timedelta(days=3)
    with on_day(later):
        complete(users["officer"], northampton, artefact("evaluation"), summary="Costs revised")
    shown = standing(northampton, PARTICIPATION, CABINET)
    assert shown.counts
    assert shown.text == (
        f"Yes: the partnership moved on with it on {govuk_date(clock.today())}; "
        f"since then the business case was changed on {govuk_date(later)}"
    )
    assert (
        services.state(northampton, loader.current()).facts.approvals[(PARTICIPATION, CABINET)] == "approved"
    )


# Bury ------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_bury_changing_the_agreement_after_activation_does_not_void_the_approval_in_principle(
    settings, client, users, officer_person
):
    """Bury 7 needs the agreement signed before the partnership is active (ADR 0024); re-signing it
    later (a new version) leaves the approval in principle standing."""
    settings.ACCORD_FRAMEWORK = "bury"
    partnership = proposal(users, officer_person, "other")
    for target in (cycle.BUSINESS_CASE, cycle.AWAITING_APPROVAL, cycle.AGREEMENT, cycle.ACTIVE):
        move_on(users["officer"], users["approver"], partnership, target)
    in_principle = Decision.objects.get(partnership=partnership, artefact_id="approval_in_principle")
    assert "agreement" not in in_principle.basis and "sign_off" not in in_principle.basis

    signed = clock.today() + timedelta(days=5)
    with on_day(signed):
        agreements.save_agreement(users["officer"], partnership, agreement(status="signed", signed_on=signed))
    assert standing(partnership, "approval_in_principle", "relevant_director").text == "Yes"
    client.force_login(users["officer"])
    assert "No longer counts" not in page(client, "approvals", partnership)


# Decisions recorded before bases were kept -------------------------------------------------------


@pytest.mark.django_db
def test_a_decision_recorded_before_bases_were_kept_counts_while_its_own_record_is_unchanged(
    users, northampton
):
    complete(users["officer"], northampton, artefact("setting_up_checklist"))
    ArtefactRecord.objects.create(
        partnership=northampton, slot=PARTICIPATION, kind="approval", title="Approval", complete=True
    )
    legacy = Decision.objects.create(
        partnership=northampton,
        artefact_id=PARTICIPATION,
        role_id=CABINET,
        role_title="Cabinet",
        revision=1,
        outcome="approved",
        comment="Approved before Accord kept bases",
        decided_on=clock.today(),
        decided_by_name="Democratic Services",
        framework_id="northampton",
        framework_version="1.0",
    )
    assert legacy.basis == {}
    complete(users["officer"], northampton, artefact("evaluation"))  # no blanket voiding any more
    assert standing(northampton, PARTICIPATION, CABINET).text == "Yes"
    recording.new_revision(northampton, [PARTICIPATION])
    assert standing(northampton, PARTICIPATION, CABINET).text == (
        "No longer counts: the case was changed after this decision"
    )


# The rules themselves (pure) ---------------------------------------------------------------------


def test_a_basis_is_void_only_where_one_of_its_own_records_changed():
    basis_read = {"participation_approval": 1, "business_case": 3, "setting_up_checklist": 2}
    now = {"participation_approval": 1, "business_case": 3, "setting_up_checklist": 2, "arrangements": 5}
    assert basis.changed_slots(1, basis_read, "participation_approval", now) == []
    assert basis.changed_slots(1, basis_read, "participation_approval", {**now, "business_case": 4}) == [
        "business_case"
    ]
    # Before bases were kept: its own record only (no record yet is revision 1).
    assert basis.changed_slots(1, {}, "approval", {"business_case": 9}) == []
    assert basis.changed_slots(1, {}, "approval", {"approval": 2}) == ["approval"]


def test_a_move_relies_on_the_latest_decision_before_it_until_the_partnership_goes_back():
    def at(hour: int):
        return clock.now().replace(hour=hour, minute=0, second=0, microsecond=0)

    day = date(2026, 12, 1)
    submitted = basis.Move("business_case", "awaiting_approval", at(10), day, frozenset({"evaluation"}))
    sent_back = basis.Move("awaiting_approval", "business_case", at(12), day, frozenset())
    assert basis.relied_on("evaluation", at(9), [], [submitted]) == submitted
    assert basis.relied_on("evaluation", at(11), [], [submitted]) is None  # decided after the move
    assert basis.relied_on("evaluation", at(8), [at(9)], [submitted]) is None  # a later decision was used
    assert basis.relied_on("evaluation", at(9), [], [submitted, sent_back]) is None


def test_names_read_as_plain_english():
    assert basis.the("Business case") == "the business case"
    assert basis.the("Partnership Registration Form") == "the Partnership Registration Form"
    assert basis.the("CSP MoU") == "the CSP MoU"
    assert basis.joined(["a", "b", "c"]) == "a, b and c"


def test_an_approval_rests_on_the_work_of_its_gate_and_the_gates_before_it():
    framework = loader.get("northampton")
    needed = cycle.groundwork(framework, "significant", "Strategic partnership", cycle.AGREEMENT)
    assert [r.artefact for r in needed] == ["evaluation", "setting_up_checklist"]
    leaving = cycle.groundwork(framework, "significant", "Strategic partnership", cycle.CLOSED)
    assert {r.artefact for r in leaving} == {"withdrawal_decision", "exit_strategy"}
