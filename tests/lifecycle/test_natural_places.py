"""What a user records in its natural place counts wherever the framework needs it, so nobody records
the same fact twice (ADR 0024): a role holder under People and roles, a scored risk on the Risks tab,
the exit plan written with the decision to leave. The cycle links those items to where they are
recorded, and every artefact an obligation names has a page where it is recorded."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accord.domain.lifecycle import leaving, services
from accord.domain.lifecycle.models import ArtefactRecord
from accord.domain.lifecycle.where import artefact_url
from accord.domain.risks import services as risk_services
from accord.frameworks import apply, engine, loader
from accord.register.models import Partnership
from tests import factories as f
from tests.clock import on_day

pytestmark = pytest.mark.django_db
FULL_PLAN = {h.id: f"Written: {h.label}" for h in leaving.exit_plan(loader.get("northampton"))}


@pytest.fixture
def partnership_of(settings, officer_person):
    """A partnership of `framework_id` in `status`, led by the officer."""

    def make(framework_id: str, status: str = "agreement", **extra):
        settings.ACCORD_FRAMEWORK = framework_id
        partnership = f.PartnershipFactory(status=status, **extra)
        f.RoleFactory(partnership=partnership, person=officer_person, role="lead_officer")
        return partnership

    return make


def missing(partnership, target: str) -> set[str]:
    return {
        m.artefact_id
        for m in services.check(partnership, target, framework=loader.current()).missing
        if not m.role_id
    }


def evidence(partnership) -> dict:
    return apply.facts_for(loader.current(), [partnership])[partnership.pk].evidence


def test_a_sponsoring_officer_added_under_people_and_roles_meets_northamptons_requirement(
    partnership_of, users, client
):
    partnership = partnership_of("northampton")
    assert "sponsoring_officer_allocation" in missing(partnership, "active")
    head = f.PersonFactory(name="Hana Head", job_title="Head of Communities")
    client.force_login(users["officer"])
    response = client.post(
        reverse("child-add", args=[partnership.pk, "people"]),
        {
            "person": head.pk,
            "role": "sponsoring_officer",
            "start_date-day": "3",
            "start_date-month": "3",
            "start_date-year": "2025",
            "version": Partnership.objects.get(pk=partnership.pk).version,
        },
    )
    assert response.status_code == 302
    assert "sponsoring_officer_allocation" not in missing(partnership, "active")
    assert evidence(partnership)["sponsoring_officer_allocation"] == (
        date(2025, 3, 3),
    )  # when they took it on


def test_the_cycle_links_the_sponsoring_officer_to_people_and_roles_not_a_separate_record(
    partnership_of, users, client
):
    partnership = partnership_of("northampton")
    client.force_login(users["officer"])
    page = client.get(reverse("cycle", args=[partnership.pk])).content.decode()
    assert reverse("partnership", args=[partnership.pk]) + "#people" in page
    url = reverse("artefact-record", args=[partnership.pk, "sponsoring_officer_allocation"])
    assert client.get(url).status_code == 404
    assert not ArtefactRecord.objects.filter(partnership=partnership).exists()


def test_a_sponsoring_officer_whose_role_has_ended_no_longer_meets_it(partnership_of):
    partnership = partnership_of("northampton")
    today = timezone.localdate()
    f.RoleFactory(
        partnership=partnership,
        role="sponsoring_officer",
        start_date=today - timedelta(days=400),
        end_date=today - timedelta(days=1),
    )
    assert "sponsoring_officer_allocation" in missing(partnership, "active")


def test_a_role_recorded_without_a_start_date_counts_from_when_it_was_recorded(partnership_of):
    partnership = partnership_of("bury")
    role = f.RoleFactory(partnership=partnership, role="budget_holder")
    assert role.created_at is not None
    assert evidence(partnership)["budget_holder_appointment"] == (timezone.localdate(role.created_at),)
    assert "budget_holder_appointment" not in missing(partnership, "active")


def test_a_scored_risk_on_the_risks_tab_meets_burys_risk_assessment(partnership_of, users, client):
    partnership = partnership_of("bury", status="business_case")
    assert "risk_assessment" in missing(partnership, "awaiting_approval")
    risk = risk_services.create_risk(
        users["officer"],
        partnership,
        {
            "title": "The lead partner withdraws",
            "identified_on": timezone.localdate(),
            "owner": "Olive Officer",
        },
    )
    assert "risk_assessment" in missing(partnership, "awaiting_approval")  # identified, not yet scored
    scored_on = timezone.localdate() - timedelta(days=3)
    with on_day(scored_on):
        risk_services.assess(users["officer"], risk, "current", 3, 3, framework=loader.current())
    assert "risk_assessment" not in missing(partnership, "awaiting_approval")
    assert evidence(partnership)["risk_assessment"] == (scored_on,)  # the day it first had a scored risk

    client.force_login(users["officer"])
    page = client.get(reverse("cycle", args=[partnership.pk])).content.decode()
    assert reverse("risks", args=[partnership.pk]) in page
    assert client.get(reverse("artefact-record", args=[partnership.pk, "risk_assessment"])).status_code == 404


def test_an_opportunity_alone_is_not_a_risk_assessment(partnership_of, users):
    partnership = partnership_of("bury", status="business_case")
    opportunity = risk_services.create_risk(
        users["officer"],
        partnership,
        {
            "title": "Shared office",
            "identified_on": timezone.localdate(),
            "owner": "Olive",
            "kind": "opportunity",
        },
    )
    risk_services.assess(users["officer"], opportunity, "current", 3, 3, framework=loader.current())
    assert "risk_assessment" in missing(partnership, "awaiting_approval")


def test_the_exit_plan_on_the_decision_to_leave_form_meets_northamptons_exit_strategy(partnership_of, users):
    partnership = partnership_of("northampton", status="leaving", exit_strategy="")
    assert "exit_strategy" in missing(partnership, "closed")
    decision = {
        "decided_on": (timezone.localdate() - timedelta(days=5)).isoformat(),
        "decided_by": "Cabinet",
        "reference": "Cabinet minute C/26/90",
        "reason": "achieved",
        "planned": "planned",
        "continues": "yes",
    }
    leaving.save_exit_decision(
        users["officer"],
        partnership,
        {**decision, "plan": {"termination": "Clause 9"}},
        framework=loader.current(),
    )
    assert "exit_strategy" in missing(partnership, "closed")  # a plan with parts unwritten is not one yet
    leaving.save_exit_decision(
        users["officer"], partnership, {**decision, "plan": FULL_PLAN}, framework=loader.current()
    )
    assert "exit_strategy" not in missing(partnership, "closed")
    assert artefact_url(partnership, loader.current(), _artefact("exit_strategy")) == reverse(
        "leaving", args=[partnership.pk]
    )


def test_the_register_field_still_meets_an_exit_strategy(partnership_of):
    partnership = partnership_of("bury", exit_strategy="Six months' notice; assets return to the council.")
    assert "exit_strategy" not in missing(partnership, "active")


def _artefact(artefact_id: str):
    return next(a for a in loader.current().artefacts if a.id == artefact_id)


def test_cbcs_audit_and_scrutiny_reports_link_to_where_they_are_recorded(
    settings, users, officer_person, client
):
    """2.13.4 ("the Board considers audit, inspection and scrutiny reports") showed Overdue, but
    nothing linked to where it is recorded."""
    settings.ACCORD_FRAMEWORK = "central_bedfordshire"
    partnership = f.PartnershipFactory(
        status="active",
        start_date=timezone.localdate() - timedelta(days=200),
        partnership_type=f.PartnershipTypeFactory(name="Public sector strategic"),
    )
    f.RoleFactory(partnership=partnership, person=officer_person, role="lead_officer")
    f.track_from(timezone.localdate() - timedelta(days=400))  # Accord has tracked it all along
    duty = next(
        r
        for r in apply.obligations_for(partnership, framework=loader.current())
        if r.obligation_id == "audit_and_scrutiny"
    )
    assert duty.status == engine.OVERDUE
    record = reverse("artefact-record", args=[partnership.pk, "audit_scrutiny_reports"])
    client.force_login(users["officer"])
    page = client.get(reverse("partnership", args=[partnership.pk])).content.decode()
    assert f'href="{record}"' in page
    assert client.get(record).status_code == 200
    done = timezone.localdate() - timedelta(days=2)
    response = client.post(
        record,
        {
            "produced_on-day": done.day,
            "produced_on-month": done.month,
            "produced_on-year": done.year,
            "summary": "Internal audit's report on the partnership considered by the Board, minute 12.",
        },
    )
    assert response.status_code == 302
    duty = next(
        r
        for r in apply.obligations_for(partnership, framework=loader.current())
        if r.obligation_id == "audit_and_scrutiny"
    )
    assert duty.evidence == done


@pytest.mark.parametrize(
    "framework_id", ["bury", "central_bedfordshire", "chorley", "northampton", "redditch"]
)
def test_every_artefact_an_obligation_names_has_a_page_where_it_is_recorded(
    settings, users, framework_id, client
):
    settings.ACCORD_FRAMEWORK = framework_id
    framework = loader.get(framework_id)
    client.force_login(users["administrator"])
    for type_rule in framework.types:
        partnership = f.PartnershipFactory(
            status="active", partnership_type=f.PartnershipTypeFactory(name=type_rule.register_names[0])
        )
        for obligation in framework.obligations:
            artefact = next(a for a in framework.artefacts if a.id == obligation.artefact)
            url = artefact_url(partnership, framework, artefact)
            assert client.get(url).status_code == 200, (framework_id, type_rule.id, obligation.id, url)
