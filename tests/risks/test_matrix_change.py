"""A change of matrix keeps history: a risk scored on the council's 4×4 matrix and re-scored after
the council moves to a 5×5 matrix (framework version 2.0) keeps both assessments, each readable on
the matrix, version and bands it was made on, and both show on the risk's page."""

import html
import sys
from datetime import date

import pytest
from django.urls import reverse

from accord.domain.risks import scoring, services
from accord.domain.risks.models import Assessment, Risk
from accord.frameworks import checks, loader
from accord.frameworks.schema import Band, Framework, ScalePoint

LIKELIHOOD = ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"]
IMPACT = ["Negligible", "Minor", "Moderate", "Major", "Catastrophic"]
BANDS_5X5 = [
    Band(id="minimal", name="Minimal", min=1, max=4, review_every="P1Y"),
    Band(id="tolerable", name="Tolerable", min=5, max=9, review_every="P6M"),
    Band(id="serious", name="Serious", min=10, max=14, review_every="P3M"),
    Band(id="extreme", name="Extreme", min=15, max=25, review_every="P1M"),
]


def five_by_five(framework: Framework) -> Framework:
    """The council's framework, version 2.0, with a 5×5 likelihood × impact matrix and new bands."""
    risk_model = framework.risk_model.model_copy(
        update={
            "likelihood": [ScalePoint(value=i + 1, name=n) for i, n in enumerate(LIKELIHOOD)],
            "impact": [ScalePoint(value=i + 1, name=n) for i, n in enumerate(IMPACT)],
            "grid": None,
            "bands": BANDS_5X5,
            "escalate_bands": [],
        }
    )
    changed = framework.model_copy(update={"version": "2.0", "risk_model": risk_model})
    assert list(checks.check_risk_model(changed)) == []  # a matrix the validator would accept
    return changed


def use_framework(monkeypatch, framework: Framework) -> None:
    """Make `framework` the council's framework, wherever `loader.current` is called from."""
    original = loader.current
    monkeypatch.setattr(loader, "current", lambda: framework)
    for name, module in list(sys.modules.items()):
        if name.startswith("accord.") and getattr(module, "current", None) is original:
            monkeypatch.setattr(module, "current", lambda: framework)


FROZEN = [
    "stage",
    "likelihood",
    "impact",
    "score",
    "band_id",
    "band_name",
    "likelihood_name",
    "impact_name",
    "matrix",
    "framework_id",
    "framework_version",
    "note",
]


def frozen(assessment: Assessment) -> dict:
    return {name: getattr(assessment, name) for name in FROZEN}


@pytest.fixture
def scored_then_rescored(monkeypatch, users, own_partnership):
    admin = users["administrator"]
    old_framework = loader.current()
    risk = services.create_risk(
        admin,
        own_partnership,
        {"title": "Partner funding ends early", "identified_on": date(2026, 1, 12), "owner": "Olive Officer"},
    )
    first = services.assess(
        admin, risk, "current", 3, 3, "First scoring, before the change", framework=loader.current()
    )
    before = frozen(first)
    new_framework = five_by_five(old_framework)
    use_framework(monkeypatch, new_framework)
    second = services.assess(
        admin, risk, "current", 5, 4, "Re-scored after the change", framework=loader.current()
    )
    return {
        "risk": risk,
        "first": first,
        "before": before,
        "second": second,
        "old": old_framework,
        "new": new_framework,
    }


@pytest.mark.django_db
def test_a_rescore_after_a_matrix_change_is_a_new_assessment_and_the_first_is_unchanged(scored_then_rescored):
    s = scored_then_rescored
    old = s["old"]
    assert Assessment.objects.filter(risk=s["risk"]).count() == 2
    first = Assessment.objects.get(pk=s["first"].pk)
    assert frozen(first) == s["before"]
    assert (first.matrix, first.framework_id, first.framework_version) == ("4×4", old.id, "1.0")
    assert (first.score, first.band_id) == (9, "high")
    assert first.band_name == scoring.score(old.risk_model, 3, 3).band_name
    second = Assessment.objects.get(pk=s["second"].pk)
    assert (second.matrix, second.framework_id, second.framework_version) == ("5×5", old.id, "2.0")
    assert (second.score, second.band_id, second.band_name) == (20, "extreme", "Extreme")
    assert (second.likelihood_name, second.impact_name) == ("Almost certain", "Major")


@pytest.mark.django_db
def test_the_risk_keeps_the_new_score_as_its_current_one(scored_then_rescored):
    risk = Risk.objects.get(pk=scored_then_rescored["risk"].pk)
    assert (risk.current_likelihood, risk.current_impact) == (5, 4)
    assert (risk.current_score, risk.current_band) == (20, "extreme")


@pytest.mark.django_db
def test_the_new_matrix_accepts_scores_the_old_one_refused(users, own_partnership, monkeypatch):
    admin = users["administrator"]
    risk = services.create_risk(
        admin,
        own_partnership,
        {"title": "Data sharing breach", "identified_on": date(2026, 2, 1), "owner": "O"},
    )
    with pytest.raises(services.RiskError):
        services.assess(admin, risk, "inherent", 5, 5, framework=loader.current())
    use_framework(monkeypatch, five_by_five(loader.current()))
    assert services.assess(admin, risk, "inherent", 5, 5, framework=loader.current()).score == 25


@pytest.mark.django_db
def test_the_risk_page_shows_both_assessments_with_their_own_matrix(client, users, scored_then_rescored):
    s = scored_then_rescored
    client.force_login(users["administrator"])
    response = client.get(reverse("risk", args=[s["risk"].partnership_id, s["risk"].pk]))
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert "4×4" in page and "5×5" in page
    assert f"{s['old'].id} version 1.0" in page and f"{s['old'].id} version 2.0" in page
    assert s["first"].band_name in page and "Extreme" in page
    assert "First scoring, before the change" in page and "Re-scored after the change" in page
