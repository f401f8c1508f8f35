"""The joint risk register's pages: adding risks (blank or from the library), changing them, scoring,
reviewing, closing and escalating, controls and actions, who may do what, and the register's filters."""

import html
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accord.domain.risks import services
from accord.domain.risks.models import Assessment, Control, Risk, RiskAction
from accord.frameworks import loader
from accord.frameworks.durations import parse


def when(name: str, day: date) -> dict:
    return {f"{name}-day": day.day, f"{name}-month": day.month, f"{name}-year": day.year}


def risk_data(**overrides) -> dict:
    data = {
        "reference": "",
        "kind": "risk",
        "title": "Funding ends",
        "objective": "Reduce antisocial behaviour",
        "category_id": "financial",
        "cause": "Grant is annual",
        "event": "The Home Office grant stops",
        "consequence": "Patrols cut",
        "owner": "Olive Officer",
        "lead_officers": "Olive Officer",
        "strategy_id": "reduce",
        "contingency_plan": "",
        **when("identified_on", date(2026, 1, 5)),
    }
    data.update(overrides)
    return data


def make_risk(partnership, reference="R-01", **fields) -> Risk:
    values = {"title": "Funding ends", "identified_on": date(2026, 1, 5), "owner": "Olive", **fields}
    return Risk.objects.create(partnership=partnership, reference=reference, **values)


def page(response) -> str:
    return html.unescape(response.content.decode())


@pytest.fixture
def officer(client, users):
    client.force_login(users["officer"])
    return client


def risk_url(name, risk, *args):
    return reverse(name, args=[risk.partnership_id, risk.pk, *args])


# Adding and changing a risk


@pytest.mark.django_db
def test_officer_adds_a_risk_numbered_automatically_with_its_partners(officer, own_partnership, users):
    police = users["partner"].organisation
    response = officer.post(reverse("risk-add", args=[own_partnership.pk]), risk_data(partners=[police.pk]))
    risk = Risk.objects.get()
    assert response.status_code == 302
    assert response["Location"] == risk_url("risk", risk)
    assert risk.reference == "R-01"
    assert risk.category_id == "financial" and risk.strategy_id == "reduce"
    assert list(risk.partners.all()) == [police]
    detail = page(officer.get(risk_url("risk", risk)))
    assert "Funding ends" in detail and "Lancashire Constabulary" in detail


@pytest.mark.django_db
def test_a_risk_without_title_owner_or_date_is_refused_and_nothing_saved(officer, own_partnership):
    data = risk_data(
        title="", owner="", **{"identified_on-day": "", "identified_on-month": "", "identified_on-year": ""}
    )
    response = officer.post(reverse("risk-add", args=[own_partnership.pk]), data)
    text = page(response)
    assert response.status_code == 200
    assert "There is a problem" in text
    assert "Enter the title of the risk" in text
    assert "Enter the risk owner" in text
    assert "Enter the date the risk was identified" in text
    assert not Risk.objects.exists()


@pytest.mark.django_db
def test_a_reference_already_used_is_refused(officer, own_partnership):
    make_risk(own_partnership, "R-07")
    response = officer.post(reverse("risk-add", args=[own_partnership.pk]), risk_data(reference="r-07"))
    assert "Reference R-07 is already used" in page(response)
    assert Risk.objects.count() == 1


@pytest.mark.django_db
def test_changing_a_risk_saves_it_and_a_stale_edit_is_refused(officer, own_partnership, users):
    risk = make_risk(own_partnership)
    url = risk_url("risk-edit", risk)
    assert officer.get(url).status_code == 200
    response = officer.post(url, risk_data(title="Grant ends in March", version=risk.version))
    assert response.status_code == 302
    risk.refresh_from_db()
    assert risk.title == "Grant ends in March"
    opened_at = risk.version
    services.assess(
        users["administrator"], risk, "current", 2, 2, framework=loader.current()
    )  # someone else scores it meanwhile
    response = officer.post(url, risk_data(title="Lost edit", version=opened_at))
    assert response.status_code == 200
    assert "Someone else changed this record while you were editing it" in page(response)
    risk.refresh_from_db()
    assert risk.title == "Grant ends in March"


# Scoring


@pytest.mark.django_db
def test_scoring_stores_the_score_and_band_on_the_assessment_and_the_risk(officer, own_partnership):
    risk = make_risk(own_partnership)
    url = risk_url("risk-score", risk, "current")
    form = page(officer.get(url))
    assert "4×4" in form and "Very likely" in form
    response = officer.post(url, {"likelihood": "3", "impact": "4", "note": "Grant not renewed yet"})
    assert response.status_code == 302
    assessment = Assessment.objects.get()
    assert (assessment.stage, assessment.score, assessment.band_id, assessment.matrix) == (
        "current",
        12,
        "high",
        "4×4",
    )
    risk.refresh_from_db()
    assert (risk.current_likelihood, risk.current_impact, risk.current_score, risk.current_band) == (
        3,
        4,
        12,
        "high",
    )
    assert risk.next_review_on == parse("P1M").after(timezone.localdate())


@pytest.mark.django_db
def test_a_score_off_the_scale_or_a_stage_that_does_not_exist_is_refused(officer, own_partnership):
    risk = make_risk(own_partnership)
    response = officer.post(risk_url("risk-score", risk, "current"), {"likelihood": "9", "impact": ""})
    text = page(response)
    assert "Select the impact" in text and "Select likelihood from the list" in text
    assert officer.get(risk_url("risk-score", risk, "residual")).status_code == 404
    assert not Assessment.objects.exists()


@pytest.mark.django_db
def test_a_re_score_keeps_both_assessments_including_one_made_on_an_older_matrix(officer, own_partnership):
    risk = make_risk(own_partnership)
    Assessment.objects.create(
        risk=risk,
        stage="current",
        likelihood=5,
        impact=5,
        score=25,
        band_id="high",
        band_name="Red",
        likelihood_name="Almost certain",
        impact_name="Catastrophic",
        matrix="5×5",
        framework_id="chorley",
        framework_version="0.9",
        assessed_by_name="Former officer",
    )
    officer.post(risk_url("risk-score", risk, "current"), {"likelihood": "3", "impact": "4", "note": "First"})
    officer.post(
        risk_url("risk-score", risk, "current"), {"likelihood": "1", "impact": "2", "note": "Second"}
    )
    assert Assessment.objects.filter(risk=risk).count() == 3
    detail = page(officer.get(risk_url("risk", risk)))
    assert "First" in detail and "Second" in detail
    assert "5×5 (earlier matrix)" in detail and "Catastrophic" in detail and "chorley version 0.9" in detail


# Reviews, closing, escalation and the framework's warnings


@pytest.mark.django_db
def test_a_review_sets_the_next_review_from_the_bands_cadence(officer, own_partnership, users):
    risk = make_risk(own_partnership)
    services.assess(users["officer"], risk, "current", 1, 2, framework=loader.current())  # low: six-monthly
    today = timezone.localdate()
    url = risk_url("risk-review", risk)
    assert "Leave blank to use the framework's cadence" in page(officer.get(url))
    response = officer.post(url, {**when("reviewed_on", today), "notes": "Grant confirmed"})
    assert response.status_code == 302
    risk.refresh_from_db()
    assert risk.next_review_on == parse("P6M").after(today)
    chosen = today + timedelta(days=10)
    officer.post(url, {**when("reviewed_on", today), "notes": "Again", **when("next_review_on", chosen)})
    risk.refresh_from_db()
    assert risk.next_review_on == chosen
    assert risk.reviews.count() == 2


@pytest.mark.django_db
def test_a_review_needs_notes_and_an_unscored_risk_needs_its_next_review_date(officer, own_partnership):
    risk = make_risk(own_partnership)
    response = officer.post(risk_url("risk-review", risk), {**when("reviewed_on", timezone.localdate())})
    text = page(response)
    assert "Enter what the review found" in text and "Enter the date of the next review" in text
    assert not risk.reviews.exists()


@pytest.mark.django_db
def test_closing_a_risk_needs_a_reason(officer, own_partnership):
    risk = make_risk(own_partnership)
    url = risk_url("risk-close", risk)
    response = officer.post(url, {"reason": "  "})
    assert "Enter the reason for closing the risk" in page(response)
    risk.refresh_from_db()
    assert risk.status == "open"
    assert officer.post(url, {"reason": "Grant renewed for three years"}).status_code == 302
    risk.refresh_from_db()
    assert (risk.status, risk.closed_reason) == ("closed", "Grant renewed for three years")
    register = page(officer.get(reverse("risks", args=[own_partnership.pk])))
    assert "Funding ends" not in register
    assert "Funding ends" in page(officer.get(reverse("risks", args=[own_partnership.pk]) + "?status=all"))


@pytest.mark.django_db
def test_a_high_risk_is_flagged_for_escalation_until_it_is_escalated(
    officer, own_partnership, settings, users
):
    settings.ACCORD_FRAMEWORK = "bury"
    risk = make_risk(own_partnership)
    services.assess(users["officer"], risk, "current", 4, 4, framework=loader.current())
    detail = page(officer.get(risk_url("risk", risk)))
    assert (
        "Escalate to the Partnership Board and departmental risk register "
        "(Code of Practice for Partnerships, App 10)" in detail
    )
    url = risk_url("risk-escalate", risk)
    assert "Enter where the risk was escalated to" in page(
        officer.post(url, {**when("escalated_on", date(2026, 2, 1))})
    )
    response = officer.post(
        url, {"note": "Board 3 February; DMT register entry 12", **when("escalated_on", date(2026, 2, 1))}
    )
    assert response.status_code == 302
    risk.refresh_from_db()
    assert risk.escalated_on == date(2026, 2, 1)
    assert "Escalate to the Partnership Board" not in page(officer.get(risk_url("risk", risk)))


@pytest.mark.django_db
def test_a_high_impact_risk_without_a_contingency_plan_is_flagged(officer, own_partnership, settings, users):
    settings.ACCORD_FRAMEWORK = "redditch"
    risk = make_risk(own_partnership)
    services.assess(users["officer"], risk, "inherent", 1, 3, framework=loader.current())
    assert (
        "A contingency plan is needed: high impact (Partnership Governance Framework and Toolkit, App 8 3.8)"
        in page(officer.get(risk_url("risk", risk)))
    )
    Risk.objects.filter(pk=risk.pk).update(contingency_plan="Reserve fund")
    assert "A contingency plan is needed" not in page(officer.get(risk_url("risk", risk)))


# Controls and actions


@pytest.mark.django_db
def test_controls_are_added_changed_and_removed_with_a_reason(officer, own_partnership, users):
    risk = make_risk(own_partnership)
    police = users["partner"].organisation
    add = risk_url("risk-child-add", risk, "control")
    response = officer.post(
        add, {"description": "Quarterly budget report", "status": "in_place", "partners": [police.pk]}
    )
    assert response.status_code == 302
    control = Control.objects.get()
    assert list(control.partners.all()) == [police]
    change = risk_url("risk-child-change", risk, "control", control.pk)
    officer.post(change, {"description": "Monthly budget report", "status": "planned"})
    control.refresh_from_db()
    assert (control.description, control.status, control.partners.count()) == (
        "Monthly budget report",
        "planned",
        0,
    )
    remove = risk_url("risk-child-remove", risk, "control", control.pk)
    assert "Enter the reason for removing it" in page(officer.post(remove, {"reason": ""}))
    assert Control.objects.exists()
    officer.post(remove, {"reason": "Duplicated"})
    assert not Control.objects.exists()
    assert officer.get(risk_url("risk-child-add", risk, "hazard")).status_code == 404


@pytest.mark.django_db
def test_actions_are_added_changed_and_removed(officer, own_partnership):
    risk = make_risk(own_partnership)
    due = date(2026, 9, 30)
    response = officer.post(
        risk_url("risk-child-add", risk, "action"),
        {
            "description": "Find match funding",
            "owner": "Olive",
            "status": "not_started",
            **when("due_on", due),
        },
    )
    assert response.status_code == 302
    action = RiskAction.objects.get()
    officer.post(
        risk_url("risk-child-change", risk, "action", action.pk),
        {"description": "Find match funding", "owner": "Olive", "status": "done", **when("due_on", due)},
    )
    action.refresh_from_db()
    assert action.status == "done" and action.completed_on == timezone.localdate()
    officer.post(risk_url("risk-child-remove", risk, "action", action.pk), {"reason": "Not needed"})
    assert not RiskAction.objects.exists()


# The framework's library


@pytest.mark.django_db
def test_a_library_risk_arrives_with_its_suggested_controls_as_planned_controls(
    officer, own_partnership, settings
):
    settings.ACCORD_FRAMEWORK = "bury"
    library = page(officer.get(reverse("risk-library", args=[own_partnership.pk])))
    assert "Strategic risks" in library and "Legal risks" in library
    assert "Poorly defined shared vision and objectives" in library
    url = reverse("risk-add", args=[own_partnership.pk]) + "?library=strategic_01"
    form = page(officer.get(url))
    assert 'value="Poorly defined shared vision and objectives"' in form
    response = officer.post(
        url, risk_data(title="Shared vision not agreed", category_id="strategic", strategy_id="control")
    )
    assert response.status_code == 302
    risk = Risk.objects.get()
    assert (risk.library_id, risk.category_id) == ("strategic_01", "strategic")
    control = risk.controls.get()
    assert control.status == "planned"
    assert control.description.startswith("Corporate objectives of all partners")
    assert officer.get(reverse("risk-add", args=[own_partnership.pk]) + "?library=nothing").status_code == 404


@pytest.mark.django_db
def test_the_library_offers_the_risk_allocation_questions(officer, own_partnership, settings):
    settings.ACCORD_FRAMEWORK = "redditch"
    library = page(officer.get(reverse("risk-library", args=[own_partnership.pk])))
    assert "Who should manage this risk?" in library
    assert "Lack of buy in from all partners" in library
