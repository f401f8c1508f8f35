"""What is approved is what was seen, and nobody can get round a gate: regression tests for the
ways a gate could open wrongly (found in review)."""

from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse

from accord.domain.lifecycle import appointments, recording, services
from accord.domain.lifecycle.models import Agreement, Appointment, ArtefactRecord, Decision
from accord.frameworks import apply, loader
from accord.kernel.audit.models import AuditEvent
from accord.register import services as register
from accord.register.models import Partnership
from tests import factories as f

CABINET = ("executive_cabinet_approval", "executive_cabinet")


@pytest.fixture
def key_proposal(users, officer_person):
    """A Chorley key partnership awaiting Executive Cabinet's decision, its business case written."""
    partnership = f.PartnershipFactory(status="proposed", is_key_partnership=True)
    f.RoleFactory(partnership=partnership, person=officer_person, role="lead_officer")
    write_case(users["officer"], partnership, "Safer streets for young people")
    services.move(
        users["officer"], partnership, "business_case", expected_status="proposed", framework=loader.current()
    )
    services.move(
        users["officer"],
        partnership,
        "awaiting_approval",
        expected_status="business_case",
        framework=loader.current(),
    )
    Appointment.objects.create(user=users["approver"], framework_id="chorley", role_id="executive_cabinet")
    partnership.refresh_from_db()
    return partnership


def write_case(actor, partnership, aims: str):
    recording.save_record(
        actor,
        partnership,
        "business_case",
        kind="business_case",
        title="Business case",
        complete=True,
        answers={"sections": {"aims": {"answer": aims, "evidence": ""}}},
    )


def approve(user, partnership, artefact_id, role_id, **extra):
    return services.decide(
        user,
        partnership,
        artefact_id,
        role_id,
        "approved",
        comment="Content",
        reference="EC 1/26",
        **extra,
        framework=loader.current(),
    )


@pytest.mark.django_db
def test_a_business_case_artefacts_questions_cannot_be_answered_as_a_checklist(client, users, key_proposal):
    client.force_login(users["officer"])
    url = reverse("checklist", args=[key_proposal.pk, "executive_cabinet_report", "partnership_tests"])
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_changing_the_case_after_approval_needs_approving_again(users, key_proposal):
    approve(users["approver"], key_proposal, *CABINET)
    assert services.check(key_proposal, "agreement", framework=loader.current()).ok
    write_case(users["officer"], key_proposal, "Rewritten after the decision")
    missing = services.check(key_proposal, "agreement", framework=loader.current()).missing
    assert [(m.artefact_id, m.role_id) for m in missing] == [CABINET]


@pytest.mark.django_db
def test_a_decision_on_a_version_the_approver_did_not_see_is_refused(users, key_proposal):
    now = services.state(key_proposal, loader.current())
    seen = services.revision_of(key_proposal, now, CABINET[0])
    write_case(users["officer"], key_proposal, "Changed while the approver was reading")
    with pytest.raises(services.CycleError, match="changed since you opened"):
        approve(users["approver"], key_proposal, *CABINET, seen_revision=seen)
    assert not Decision.objects.filter(partnership=key_proposal).exists()


@pytest.mark.django_db
def test_changing_the_agreements_coverage_or_signatories_needs_approving_again(users, own_partnership):
    from accord.domain.lifecycle import agreements

    own_partnership.is_key_partnership = True
    own_partnership.save()
    Partnership.objects.filter(pk=own_partnership.pk).update(status="agreement")
    own_partnership.refresh_from_db()
    agreements.save_agreement(
        users["officer"],
        own_partnership,
        {
            "document_type": "mou",
            "title": "CSP MoU",
            "status": "signed",
            "agreed_on": date(2026, 10, 1),
            "signed_on": date(2026, 10, 2),
            "next_review_on": date(2027, 10, 1),
            "termination_notice": "6 months",
        },
    )
    template = agreements.coverage_template(loader.current(), own_partnership)
    every = {h.id: f"Clause {n}" for n, h in enumerate(template.headings, start=1)}
    agreements.save_coverage(users["officer"], own_partnership, template, every)
    admin = users["administrator"]
    Appointment.objects.create(user=admin, framework_id="chorley", role_id="head_of_governance")
    approve(admin, own_partnership, "memorandum_of_understanding", "head_of_governance")
    approved = ("memorandum_of_understanding", "head_of_governance")
    assert approved not in {
        (m.artefact_id, m.role_id)
        for m in services.check(own_partnership, "active", framework=loader.current()).missing
    }
    first = template.headings[0].id
    left_out = {**every, first: "", agreements.GAP + first: "Covered by the partners' own constitutions"}
    agreements.save_coverage(users["officer"], own_partnership, template, left_out)
    assert approved in {
        (m.artefact_id, m.role_id)
        for m in services.check(own_partnership, "active", framework=loader.current()).missing
    }
    assert Agreement.objects.get(partnership=own_partnership).coverage


@pytest.mark.django_db
def test_anyone_who_ever_worked_on_the_case_cannot_decide_on_it(users, key_proposal):
    admin = users["administrator"]
    Appointment.objects.create(user=admin, framework_id="chorley", role_id="executive_cabinet")
    write_case(admin, key_proposal, "The administrator helped write it")
    write_case(users["officer"], key_proposal, "Then the officer changed it again")
    record = ArtefactRecord.objects.get(partnership=key_proposal, slot="business_case")
    assert record.updated_by == users["officer"]  # the administrator is no longer the last editor
    assert services.is_own_case(admin, key_proposal)
    with pytest.raises(services.CycleError, match="prepared or lead"):
        approve(admin, key_proposal, *CABINET)


@pytest.mark.django_db
def test_appointments_are_kept_in_the_history(users):
    admin, approver = users["administrator"], users["approver"]
    made = appointments.appoint(admin, approver, "chorley", "head_of_governance", "Head of Governance")
    appointments.end(admin, made, "Head of Governance")
    events = AuditEvent.objects.filter(object_type="appointment").order_by("id")
    assert [e.action for e in events] == ["created", "removed"]
    assert all(e.actor == admin for e in events)
    with pytest.raises(appointments.AlreadyAppointed):
        appointments.appoint(admin, approver, "chorley", "executive_cabinet", "Executive Cabinet")
        appointments.appoint(admin, approver, "chorley", "executive_cabinet", "Executive Cabinet")


@pytest.mark.django_db
def test_a_proposal_added_through_the_register_can_be_recorded_retrospectively(users, own_partnership):
    values = {
        field: getattr(own_partnership, field)
        for field in ("description", "partnership_type", "statutory_status", "incorporation")
    }
    values.update(
        name="Older partnership",
        reference="OLD-01",
        lead_organisation=own_partnership.lead_organisation,
        council_role="lead",
        directorate=own_partnership.directorate,
        status="proposed",
    )
    created = register.create(users["officer"], Partnership, values)
    services.record_retrospectively(
        users["administrator"],
        created,
        "active",
        reason="Approved in 2019",
        decided_on=date(2019, 5, 1),
        framework=loader.current(),
    )
    assert Partnership.objects.get(pk=created.pk).status == "active"


@pytest.mark.django_db
def test_a_review_recorded_as_a_cycle_record_counts_for_no_review(users, own_partnership):
    """A review counts only when carried out on the Reviews pages (ADR 0024), so a record in the
    cycle meets neither it nor another review of the same kind."""
    own_partnership.is_key_partnership = True
    own_partnership.save()
    framework = loader.get("chorley")
    recording.save_record(
        users["officer"], own_partnership, "review", kind="review", title="Review", complete=True, answers={}
    )
    evidence = apply.facts_for(framework, [own_partnership])[own_partnership.pk].evidence
    assert not evidence["review"] and not evidence["governance_check"]


@pytest.mark.django_db
def test_a_finished_partnerships_significance_cannot_be_changed(client, users, own_partnership):
    Partnership.objects.filter(pk=own_partnership.pk).update(status="withdrawn")
    client.force_login(users["administrator"])
    url = reverse("significance-override", args=[own_partnership.pk])
    before = list(own_partnership.significance_assessments.values())
    assert client.post(url, {"tier": "key", "reason": "Because"}).status_code == 403
    assert list(own_partnership.significance_assessments.values()) == before


@pytest.mark.django_db
def test_the_obligations_command_leaves_out_withdrawn_partnerships(
    users, own_partnership, other_partnership, capsys
):
    import json

    Partnership.objects.filter(pk=other_partnership.pk).update(status="withdrawn")
    call_command("obligations", "--format", "json")
    listed = {row["partnership_reference"] for row in json.loads(capsys.readouterr().out)["obligations"]}
    assert own_partnership.reference in listed
    assert other_partnership.reference not in listed
