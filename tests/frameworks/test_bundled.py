"""The five seed frameworks and the model: valid, precise when broken, right on the seeds' own examples."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from accord.frameworks import engine, loader
from accord.frameworks.facts import PartnershipFacts

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
SEED_FRAMEWORKS = ["bury", "central_bedfordshire", "chorley", "northampton", "redditch"]
BUNDLED = [p.stem for p in loader.framework_paths()]


def seeds():
    return SEEDS if SEEDS.is_dir() else None


@pytest.mark.parametrize("framework_id", BUNDLED)
def test_every_bundled_framework_is_valid(framework_id):
    result = loader.load_path(loader.FILES_DIR / f"{framework_id}.yaml", seeds())
    assert result.problems == []
    assert result.framework.id == framework_id


def test_one_file_for_each_seed():
    assert set(SEED_FRAMEWORKS) <= set(BUNDLED)
    documents = {loader.get(f).source.document for f in SEED_FRAMEWORKS}
    assert documents == {
        "000_b25245c80d994d06.txt",
        "001_c825c913872835d1.txt",
        "002_6044d9ccbdf05958.txt",
        "003_6cf6fd1a73ee76f7.txt",
        "004_0d99c29b5f1d20f0.txt",
    }


def _broken(tmp_path, framework_id, breaker) -> list[str]:
    data = yaml.safe_load((loader.FILES_DIR / f"{framework_id}.yaml").read_text(encoding="utf-8"))
    breaker(data)
    path = tmp_path / f"{framework_id}.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return loader.load_path(path, seeds()).problems


def _overlap_bands(data):
    bands = sorted(data["risk_model"]["bands"], key=lambda b: b["min"])
    bands[0]["max"] = bands[1]["min"]


def _unknown_reference(data):
    data["obligations"][0]["artefact"] = "no_such_artefact"


def _bad_cadence(data):
    data["obligations"][0]["first_due"] = "six months"


@pytest.mark.parametrize("framework_id", BUNDLED)
def test_a_broken_copy_of_each_framework_is_rejected_precisely(tmp_path, framework_id):
    overlap = _broken(tmp_path, framework_id, _overlap_bands)
    assert any(": risk_model.bands: bands '" in p and "overlap at" in p for p in overlap), overlap
    unknown = _broken(tmp_path, framework_id, _unknown_reference)
    assert f"{framework_id}.yaml: obligations.0.artefact: unknown artefact 'no_such_artefact'" in " ".join(
        unknown
    )
    cadence = _broken(tmp_path, framework_id, _bad_cadence)
    assert f"{framework_id}.yaml: obligations.0.first_due: 'six months' is not a duration" in " ".join(
        cadence
    )


def test_bury_resolves_its_overlapping_bands_explicitly():
    bury = loader.get("bury")
    band_for_4 = [b.id for b in bury.risk_model.bands if b.min <= 4 <= b.max]
    assert len(band_for_4) == 1
    assert "4" in bury.risk_model.bands_note
    assert [p.value for p in bury.risk_model.likelihood] == [1, 2, 3, 4]


def answers_for(framework, yes_to_exclusion: str | None = None) -> dict[str, bool]:
    answers = {q.id: True for q in framework.definition.criteria}
    answers.update({q.id: q.id == yes_to_exclusion for q in framework.definition.exclusions})
    return answers


@pytest.mark.parametrize(
    ("framework_id", "exclusion", "example_words"),
    [
        ("northampton", "contract_for_services", "Community Centre"),  # run by an external management company
        ("northampton", "network_or_forum", "benchmark"),  # a benchmarking group of councils
        ("northampton", "single_external_body", "nominations"),  # nominations to a single outside body
        ("bury", "commercial_partnership", ""),  # 3.3 commercial partnerships for profit
        ("bury", "informal_consultation_group", "consultation"),  # 3.3 informal consultation groups
        ("redditch", "grant_funding_agreement", ""),
        ("redditch", "service_level_agreement", ""),
    ],
)
def test_the_seeds_non_partnerships_are_not_partnerships(framework_id, exclusion, example_words):
    framework = loader.get(framework_id)
    question = next(q for q in framework.definition.exclusions if q.id == exclusion)
    assert example_words.lower() in (question.example + question.wording + question.text).lower()
    result = engine.classify(framework, answers_for(framework, exclusion))
    assert not result.is_partnership
    assert result.reasons[0].cite == question.cite


def test_northamptons_waste_example_is_a_partnership():
    framework = loader.get("northampton")
    text = " ".join(q.example + q.wording for q in framework.definition.criteria).lower()
    assert "waste" in text
    result = engine.classify(framework, answers_for(framework))
    assert result.is_partnership
    assert result.reasons[0].cite == framework.definition.cite


def test_a_statutory_partnership_is_significant_under_redditch():
    framework = loader.get("redditch")
    result = engine.assess_significance(framework, PartnershipFacts(partnership_id=1, statutory=True))
    assert result.tier_id == "significant"
    assert any(r.cite.startswith("004_0d99c29b5f1d20f0.txt") for r in result.reasons)
    other = engine.assess_significance(
        framework, PartnershipFacts(partnership_id=2, council_contribution=Decimal(10))
    )
    assert other.tier_id == "other"


def test_redditch_first_progress_report_within_six_months_and_exit_form_within_three():
    framework = loader.get("redditch")
    facts = PartnershipFacts(
        partnership_id=1,
        statutory=True,
        anchors={"activated": date(2026, 1, 1), "decided_to_leave": date(2026, 10, 1)},
    )
    results = engine.obligations(framework, facts, date(2026, 2, 1))
    by_artefact = {r.artefact: r for r in results}
    assert by_artefact["progress_report"].due == date(2026, 7, 1)
    leaving = [r for r in results if r.anchor == "decided_to_leave"]
    assert leaving and all(r.due == date(2027, 1, 1) for r in leaving)
    assert all(r.due is None or r.due >= r.anchor_date for r in results)


def test_bury_agreement_reviewed_at_least_annually():
    framework = loader.get("bury")
    review = next(o for o in framework.obligations if o.artefact == "agreement_review")
    assert review.repeat == "P1Y" and review.cite.startswith("001_c825c913872835d1.txt 7")


def test_chorley_reviews_key_partnerships_three_yearly_and_reports_twice_a_year():
    framework = loader.get("chorley")
    cadences = {o.repeat for o in framework.obligations}
    assert {"P3Y", "P6M"} <= cadences


def test_the_command_lists_shows_and_compares_frameworks():
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("framework", "list", stdout=out)
    assert all(framework_id in out.getvalue() for framework_id in BUNDLED)
    out = StringIO()
    call_command("framework", "show", "bury", stdout=out)
    assert yaml.safe_load(out.getvalue())["id"] == "bury"
    out = StringIO()
    call_command("framework", "diff", "chorley", "redditch", stdout=out)
    lines = out.getvalue().splitlines()
    assert any(line.startswith("- obligations.") and "(only in chorley)" in line for line in lines)
    assert any(line.startswith("+ obligations.") and "(only in redditch)" in line for line in lines)
    assert lines[-1].endswith("differences")
    out = StringIO()
    call_command("framework", "diff", "bury", "bury", stdout=out)
    assert out.getvalue().strip() == "0 differences"
