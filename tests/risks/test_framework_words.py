"""Risk wording from the council's framework: the names of the three scores (Northampton's
"Inherent, actual and residual risk scores") and how a score the band table puts in two bands is
banded (Bury App 10's 4), shown on the scoring page, the risk page, the heat map and the export."""

import html
from datetime import date

import pytest
from django.urls import reverse

from accord.domain.risks import exports, heatmap, scoring, services
from accord.domain.risks.models import Risk
from accord.frameworks import loader
from accord.kernel.audit.models import AuditEvent

BURY_NOTE = "A score of 4 is Medium Risk."


def page(response) -> str:
    assert response.status_code == 200
    return html.unescape(response.content.decode())


@pytest.fixture
def officer(client, users):
    client.force_login(users["officer"])
    return client


@pytest.fixture
def risk(own_partnership):
    return Risk.objects.create(
        partnership=own_partnership,
        reference="R-01",
        title="Funding ends",
        owner="Olive",
        identified_on=date(2026, 1, 5),
    )


def test_score_names_are_the_frameworks():
    assert scoring.stage_names(loader.get("northampton").risk_model) == [
        ("inherent", "Inherent"),
        ("current", "Actual"),
        ("target", "Residual"),
    ]
    assert [name for _, name in scoring.stage_names(loader.get("bury").risk_model)] == [
        "Inherent",
        "Current",
        "Target",
    ]


def test_the_heat_map_carries_the_stage_name_and_the_band_note():
    grid = heatmap.build(loader.get("northampton").risk_model, {}, "target")
    assert (grid.stage_name, grid.bands_note) == ("Residual", "")
    bury = heatmap.build(loader.get("bury").risk_model, {}, "current")
    assert bury.bands_note.startswith(BURY_NOTE)


def test_the_export_explains_the_columns_in_the_frameworks_score_names():
    rows = [" ".join(str(c) for c in row) for row in exports.scoring_rows(loader.get("northampton"))]
    assert (
        "Inherent, actual and residual risk scores The inherent score (before any controls), the actual "
        "score (with the controls in place) and the residual score (where the planned controls should "
        "bring it)." in rows
    )
    assert not any("current score" in row for row in rows)


@pytest.mark.django_db
def test_northamptons_scoring_form_and_risk_page_say_actual_and_residual(officer, risk, settings):
    settings.ACCORD_FRAMEWORK = "northampton"
    form = page(officer.get(reverse("risk-score", args=[risk.partnership_id, risk.pk, "current"])))
    assert "Actual score" in form and "Current score" not in form
    assert "Residual score" in page(
        officer.get(reverse("risk-score", args=[risk.partnership_id, risk.pk, "target"]))
    )
    detail = page(officer.get(reverse("risk", args=[risk.partnership_id, risk.pk])))
    assert "Actual" in detail and "Residual" in detail and "Target" not in detail
    register = page(officer.get(reverse("risks", args=[risk.partnership_id])))
    assert "Actual score" in register and "Residual score" in register
    hm = page(officer.get(reverse("risk-heatmap", args=[risk.partnership_id]) + "?stage=target"))
    assert "Residual scores" in hm and "Target scores" not in hm


@pytest.mark.django_db
def test_burys_scoring_page_risk_page_and_heat_map_explain_the_band_of_4(officer, risk, settings, users):
    settings.ACCORD_FRAMEWORK = "bury"
    services.assess(users["officer"], risk, "current", 2, 2, framework=loader.current())
    form = page(officer.get(reverse("risk-score", args=[risk.partnership_id, risk.pk, "current"])))
    assert BURY_NOTE in form
    assert BURY_NOTE in page(officer.get(reverse("risk", args=[risk.partnership_id, risk.pk])))
    assert BURY_NOTE in page(officer.get(reverse("risk-heatmap", args=[risk.partnership_id])))


@pytest.mark.django_db
def test_a_framework_without_a_band_note_shows_none(officer, risk, settings):
    settings.ACCORD_FRAMEWORK = "chorley"
    form = page(officer.get(reverse("risk-score", args=[risk.partnership_id, risk.pk, "current"])))
    assert 'data-testid="bands-note"' not in form
    assert "seed" not in form.lower() and "Default scale" not in form


@pytest.mark.django_db
def test_history_names_a_score_in_the_frameworks_words(risk, settings, users):
    settings.ACCORD_FRAMEWORK = "northampton"
    services.assess(users["officer"], risk, "current", 2, 2, framework=loader.current())
    event = AuditEvent.objects.filter(object_type="risk assessment").latest("id")
    assert event.object_label == "R-01 actual score: 4 Medium (4×4)"
    assert event.changes[0]["label"] == "Actual score"


# Bury App 10's register asks how each objective fits Team Bury's ambitions: asked on the risk form
# under Bury only (its own risk register layout), kept with the risk, shown and exported.

AMBITIONS = "How does the objective fit with ‘Team Bury’s’ ambitions?"


def test_only_burys_register_layout_has_a_column_the_risk_form_must_ask():
    assert [h.id for h in exports.asked(loader.get("bury"))] == ["fit_with_ambitions"]
    for other in ("chorley", "redditch", "northampton", "central_bedfordshire", "model"):
        assert exports.asked(loader.get(other)) == []


@pytest.mark.parametrize("framework_id", ["chorley", "redditch", "northampton", "central_bedfordshire"])
def test_no_other_council_is_asked_about_team_burys_ambitions(
    officer, own_partnership, settings, framework_id
):
    settings.ACCORD_FRAMEWORK = framework_id
    form = page(officer.get(reverse("risk-add", args=[own_partnership.pk])))
    assert "ambitions" not in form.lower()


def test_under_bury_the_risk_form_asks_the_fit_with_its_ambitions_and_keeps_it(
    officer, own_partnership, settings, risk
):
    from tests.risks.test_register_views import risk_data

    settings.ACCORD_FRAMEWORK = "bury"
    url = reverse("risk-edit", args=[own_partnership.pk, risk.pk])
    form = page(officer.get(url))
    assert AMBITIONS in form and "Healthiest Borough in the North West" in form  # its guidance as the hint
    data = risk_data(
        category_id="political",
        strategy_id="control",
        column_fit_with_ambitions="Healthiest Borough: fewer hospital admissions",
        version=risk.version,
    )
    data.pop("reference")
    response = officer.post(url, data)
    assert response.status_code == 302, page(response)
    risk.refresh_from_db()
    assert risk.framework_answers == {"fit_with_ambitions": "Healthiest Borough: fewer hospital admissions"}
    shown = page(officer.get(reverse("risk", args=[own_partnership.pk, risk.pk])))
    assert AMBITIONS in shown and "fewer hospital admissions" in shown
    header, row = list(exports.rows(Risk.objects.filter(pk=risk.pk), loader.get("bury")))
    assert row[header.index(AMBITIONS)] == "Healthiest Borough: fewer hospital admissions"
