"""For each council's framework: a significant partnership walks the whole cycle, from proposal to
active and on to closed, and every gate refuses while one of its artefacts or approvals is missing."""

import pytest

from accord.domain.lifecycle import agreements, cycle, recording, services
from accord.domain.lifecycle.content import slot_for
from accord.domain.lifecycle.models import Appointment, Transition
from accord.domain.risks import services as risk_services
from accord.frameworks import loader
from accord.frameworks import services as significance
from accord.kernel import clock
from accord.register.models import Partnership
from tests import factories as f

FRAMEWORKS = ["bury", "central_bedfordshire", "chorley", "northampton", "redditch"]
ALWAYS_MET = {"registration"}  # being in the register is registration
WALK = [
    cycle.BUSINESS_CASE,
    cycle.AWAITING_APPROVAL,
    cycle.AGREEMENT,
    cycle.ACTIVE,
    cycle.LEAVING,
    cycle.CLOSED,
]
DETAILS = {
    cycle.AGREEMENT: {"reference": "Executive Cabinet minute 23/45"},
    cycle.LEAVING: {"reason": "The partnership's work is done", "reference": "Executive minute 45/2026"},
    cycle.CLOSED: {"reason": "Final report received"},
}


def busiest_type(framework) -> str:
    """The framework type most requirements are specific to, so type rules are walked too."""
    counts = {t.id: sum(t.id in r.types for r in framework.requirements) for t in framework.types}
    best = max(framework.types, key=lambda t: counts[t.id])
    return best.name


def satisfy(officer, partnership, framework, artefact):
    """Do what the artefact needs where a user would: its natural place, or its record in the cycle."""
    if artefact.kind == "exit_strategy":
        Partnership.objects.filter(pk=partnership.pk).update(exit_strategy="Give six months' notice.")
        return
    if artefact.kind == "risk_register":  # a scored risk on the Risks tab
        risk = risk_services.create_risk(
            officer,
            partnership,
            {"title": "A partner withdraws", "identified_on": clock.today(), "owner": "Olive"},
        )
        risk_services.assess(officer, risk, "current", 2, 3, framework=loader.current())
        return
    if artefact.met_by_role:  # a holder of the role under People and roles
        f.RoleFactory(partnership=partnership, role=artefact.met_by_role)
        return
    if artefact.id == agreements.agreement_artefact(framework, partnership).id:  # the agreement page
        f.agreement_in_place(partnership, clock.today())
        return
    period = {"start": "2026-04-01", "end": "2026-09-30"}
    recording.save_record(
        officer,
        partnership,
        slot_for(artefact),
        kind=artefact.kind,
        title=artefact.name,
        complete=True,
        summary="Done for the walk",
        answers={"period": period} if artefact.kind in ("progress_report", "performance_report") else None,
        produced_on=None,
    )


def approve(approver, partnership, framework, artefact_id, role_id):
    Appointment.objects.get_or_create(user=approver, framework_id=framework.id, role_id=role_id)
    services.decide(
        approver,
        Partnership.objects.get(pk=partnership.pk),
        artefact_id,
        role_id,
        "approved",
        comment="Content with the case",
        reference="Record of Delegated Decision 2026/112",
        framework=loader.current(),
    )


@pytest.mark.django_db
@pytest.mark.parametrize("framework_id", FRAMEWORKS)
def test_a_significant_partnership_walks_the_cycle_and_every_gate_refuses_until_met(
    framework_id, settings, users, officer_person
):
    settings.ACCORD_FRAMEWORK = framework_id
    framework = loader.get(framework_id)
    top_tier = framework.significance.tiers[0]
    partnership = f.PartnershipFactory(
        status="proposed",
        partnership_type=f.PartnershipTypeFactory(name=busiest_type(framework)),
    )
    f.RoleFactory(partnership=partnership, person=officer_person, role="lead_officer")
    significance.override(
        partnership,
        users["administrator"],
        top_tier.id,
        "A significant partnership",
        framework=loader.current(),
    )
    officer, approver = users["officer"], users["approver"]
    artefacts = {a.id: a for a in framework.artefacts}
    refusals = 0
    for target in WALK:
        partnership.refresh_from_db()
        current = partnership.status
        check = services.check(partnership, target, framework=loader.current())
        assert check.allowed, f"{current} → {target} should exist"
        # The case is completed first, then approved: changing it afterwards would need approving again.
        for missing in sorted(check.missing, key=lambda m: bool(m.role_id)):
            artefact = artefacts[missing.artefact_id]
            if artefact.kind in ALWAYS_MET:
                continue
            now_missing = services.check(partnership, target, framework=loader.current()).missing
            if (missing.artefact_id, missing.role_id) not in {
                (m.artefact_id, m.role_id) for m in now_missing
            }:
                continue  # met meanwhile: another approver of an any-of requirement has approved (ADR 0028)
            # Still missing: the move is refused, names what is missing, and nothing changes.
            with pytest.raises(services.GateRefused) as refused:
                services.move(
                    officer,
                    partnership,
                    target,
                    expected_status=current,
                    **DETAILS.get(target, {}),
                    framework=loader.current(),
                )
            assert missing.artefact_id in {m.artefact_id for m in refused.value.check.missing}
            partnership.refresh_from_db()
            assert partnership.status == current
            refusals += 1
            if missing.role_id:
                approve(approver, partnership, framework, missing.artefact_id, missing.role_id)
            elif services.check(partnership, target, framework=loader.current()).missing and any(
                m.artefact_id == missing.artefact_id and not m.role_id
                for m in services.check(partnership, target, framework=loader.current()).missing
            ):
                satisfy(officer, partnership, framework, artefact)
        services.move(
            officer,
            partnership,
            target,
            expected_status=current,
            **DETAILS.get(target, {}),
            framework=loader.current(),
        )
        partnership.refresh_from_db()
        assert partnership.status == target
        moved = Transition.objects.filter(partnership=partnership).latest("id")
        assert (moved.from_status, moved.to_status) == (current, target)
        assert {g["id"] for g in moved.gates} == {
            r.id
            for r in cycle.gate_requirements(
                framework,
                top_tier.id,
                partnership.partnership_type.name,
                target,
                services.state(partnership, framework).facts.conditions,  # `when` (ADR 0028)
            )
        }
    assert refusals >= 5, "the walk should have met refusals at the gates"
    partnership.refresh_from_db()
    assert partnership.is_finished
    assert Transition.objects.filter(partnership=partnership).count() == len(WALK)


@pytest.mark.django_db
def test_a_gate_is_refused_when_its_approval_is_missing_or_refused(settings, users, officer_person):
    settings.ACCORD_FRAMEWORK = "chorley"
    framework = loader.get("chorley")
    partnership = f.PartnershipFactory(status="proposed", is_key_partnership=True)
    f.RoleFactory(partnership=partnership, person=officer_person, role="lead_officer")
    officer, approver = users["officer"], users["approver"]
    services.move(
        officer, partnership, "business_case", expected_status="proposed", framework=loader.current()
    )
    with pytest.raises(services.GateRefused):
        services.move(
            officer,
            partnership,
            "awaiting_approval",
            expected_status="business_case",
            framework=loader.current(),
        )
    report = next(a for a in framework.artefacts if a.id == "executive_cabinet_report")
    satisfy(officer, partnership, framework, report)
    services.move(
        officer, partnership, "awaiting_approval", expected_status="business_case", framework=loader.current()
    )
    Appointment.objects.create(user=approver, framework_id="chorley", role_id="executive_cabinet")
    services.decide(
        approver,
        partnership,
        "executive_cabinet_approval",
        "executive_cabinet",
        "refused",
        comment="The risks to the council are not assessed",
        reference="Executive Cabinet minute 23/46",
        framework=loader.current(),
    )
    partnership.refresh_from_db()
    assert partnership.status == "business_case"  # a refusal sends it back
    back = Transition.objects.filter(partnership=partnership).latest("id")
    assert "The risks to the council are not assessed" in back.reason
    services.move(
        officer, partnership, "awaiting_approval", expected_status="business_case", framework=loader.current()
    )
    with pytest.raises(services.GateRefused) as refused:
        services.move(
            officer,
            partnership,
            "agreement",
            expected_status="awaiting_approval",
            reference="minute 1",
            framework=loader.current(),
        )
    assert [m.role_id for m in refused.value.check.missing] == ["executive_cabinet"]


@pytest.mark.django_db
def test_a_stale_move_is_refused(users, own_partnership):
    with pytest.raises(services.StaleMove):
        services.move(
            users["officer"],
            own_partnership,
            "under_review",
            expected_status="proposed",
            reason="x",
            framework=loader.current(),
        )
    own_partnership.refresh_from_db()
    assert own_partnership.status == "active"
    assert not Transition.objects.filter(partnership=own_partnership).exists()


@pytest.mark.django_db
def test_transitions_cannot_be_changed_or_deleted(users, own_partnership):
    from accord.kernel.audit.models import ImmutableError

    moved = services.move(
        users["officer"],
        own_partnership,
        "under_review",
        expected_status="active",
        reason="Annual review",
        framework=loader.current(),
    )
    with pytest.raises(ImmutableError):
        moved.save()
    with pytest.raises(ImmutableError):
        Transition.objects.filter(pk=moved.pk).delete()
    from django.db import connection, transaction
    from django.db.utils import DatabaseError

    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE lifecycle_transition SET reason = 'rewritten' WHERE id = %s", [moved.pk])


@pytest.mark.django_db
def test_an_existing_partnership_is_recorded_retrospectively(users, officer_person):
    from datetime import date

    partnership = f.PartnershipFactory(status="proposed")
    services.record_retrospectively(
        users["administrator"],
        partnership,
        "active",
        reason="Approved by Executive Cabinet in 2019",
        reference="EC minute 19/12",
        decided_on=date(2019, 6, 1),
        framework=loader.current(),
    )
    partnership.refresh_from_db()
    assert partnership.status == "active"
    moved = Transition.objects.get(partnership=partnership)
    assert moved.retrospective and moved.decided_on == date(2019, 6, 1)
    with pytest.raises(services.CycleError):
        services.record_retrospectively(
            users["administrator"],
            partnership,
            "active",
            reason="again",
            decided_on=date(2019, 6, 1),
            framework=loader.current(),
        )


@pytest.mark.django_db
def test_only_an_administrator_records_an_existing_partnership_retrospectively(client, users):
    """Recording a proposal as already active passes every gate on someone's word: like a gate
    override, an officer cannot do it, and the page is not offered to them."""
    from datetime import date

    from django.urls import reverse

    partnership = f.PartnershipFactory(status="proposed")
    f.RoleFactory(partnership=partnership, person=users["officer"].person, role="lead_officer")
    with pytest.raises(services.CycleError, match="Only an administrator"):
        services.record_retrospectively(
            users["officer"],
            partnership,
            "active",
            reason="Approved in 2019",
            decided_on=date(2019, 6, 1),
            framework=loader.current(),
        )
    client.force_login(users["officer"])
    assert (
        "Record it as active, retrospectively"
        not in client.get(reverse("cycle", args=[partnership.pk])).content.decode()
    )
    assert client.get(reverse("cycle-retrospective", args=[partnership.pk])).status_code == 403
    partnership.refresh_from_db()
    assert partnership.status == "proposed" and not Transition.objects.filter(retrospective=True).exists()
