"""Schema v2: each framework declares its own business case (ADR 0028) — the rules a file must keep,
the errors a broken one gets, and what the pure rules make of answers and the register's values."""

import pytest
import yaml

from accord.domain.lifecycle import content
from accord.frameworks import loader

from .test_bundled import SEED_FRAMEWORKS, seeds


def _broken(tmp_path, framework_id, breaker) -> list[str]:
    data = yaml.safe_load((loader.FILES_DIR / f"{framework_id}.yaml").read_text(encoding="utf-8"))
    breaker(data)
    path = tmp_path / f"{framework_id}.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return loader.load_path(path, seeds()).problems


def test_an_unknown_prefill_fact_is_rejected(tmp_path):
    def breaker(data):
        data["business_case"]["parts"][0]["questions"][0]["prefill"] = "shoe_size"

    problems = _broken(tmp_path, "redditch", breaker)
    assert any(
        "business_case.parts.0.questions.0.prefill" in p and "prefill must be one of" in p for p in problems
    )


def test_a_question_asked_twice_is_rejected(tmp_path):
    def breaker(data):
        parts = data["business_case"]["parts"]
        parts[1]["questions"].append(dict(parts[0]["questions"][0]))

    problems = _broken(tmp_path, "redditch", breaker)
    assert "redditch.yaml: business_case: duplicate question id 'nature'" in problems


def test_a_business_case_artefact_without_the_frameworks_business_case_is_rejected(tmp_path):
    problems = _broken(tmp_path, "chorley", lambda data: data.pop("business_case"))
    assert any("an artefact of kind business_case needs the framework's business_case" in p for p in problems)


def test_a_business_case_nothing_gates_on_is_rejected(tmp_path):
    def breaker(data):
        for artefact in data["artefacts"]:
            if artefact.get("kind") == "business_case":
                artefact["kind"] = "other"

    problems = _broken(tmp_path, "central_bedfordshire", breaker)
    assert "central_bedfordshire.yaml: business_case: no artefact of kind business_case uses it" in problems


def test_a_part_without_questions_is_rejected(tmp_path):
    def breaker(data):
        data["business_case"]["parts"][0]["questions"] = []

    assert any("business_case.parts.0.questions" in p for p in _broken(tmp_path, "chorley", breaker))


@pytest.mark.parametrize("framework_id", SEED_FRAMEWORKS)
def test_each_seed_framework_has_its_own_business_case_citing_its_own_document(framework_id):
    framework = loader.get(framework_id)
    case = framework.business_case
    assert case is not None
    own = framework.source.document
    assert case.cite.startswith(own)
    for part in case.parts:
        assert part.cite.startswith(own)
        assert all(q.cite.startswith(own) for q in part.questions), (framework_id, part.id)


def test_no_framework_borrows_the_models_tests():
    # Bury's 8.5 information has no tests; the model's questions before setting up are not added to it.
    assert content.business_case_banks(loader.get("bury")) == []
    assert content.bank(loader.get("bury"), "factors_against") is None
    assert [b.id for b in content.business_case_banks(loader.get("chorley"))] == ["partnership_tests"]


def test_the_frameworks_own_questions():
    ids = {f: {q.id for q in loader.get(f).business_case.questions()} for f in SEED_FRAMEWORKS}
    assert {"consultation_procurement", "risk_and_liabilities", "insurable_risks"} <= ids["chorley"]
    assert {"payback", "local_needs", "costs_and_benefits"} <= ids["central_bedfordshire"]
    assert "fit_with_plans" in ids["redditch"] and "Sustainable Community Strategy" in next(
        q.text for q in loader.get("redditch").business_case.questions() if q.id == "fit_with_plans"
    )
    assert len(ids["bury"]) == 14  # the fourteen items of 8.5
    assert ids["northampton"] == set()  # its evaluation is its two question banks


def test_gaps_count_what_the_register_answers_as_answered():
    framework = loader.get("redditch")
    case = framework.business_case
    everything = {q.id: {"answer": q.choices[0].id if q.choices else "Written"} for q in case.questions()}
    banks = {
        b.id: {q.id: {"answer": "no" if b.purpose == "factors_against" else "yes"} for q in b.questions}
        for b in content.business_case_banks(framework)
    }
    assert content.business_case_gaps(framework, {"sections": everything, "banks": banks}) == []
    without = {k: v for k, v in everything.items() if k != "statutory"}
    answers = {"sections": without, "banks": banks}
    assert content.business_case_gaps(framework, answers) == ["Is the partnership statutory?"]
    assert content.business_case_gaps(framework, answers, prefilled={"statutory"}) == []
    nature = case.part("nature")
    assert not content.part_complete(nature, answers)
    assert content.part_complete(nature, answers, prefilled={"statutory"})
    blank = {"sections": {**everything, "aims": {"answer": "   "}}, "banks": banks}
    assert content.business_case_gaps(framework, blank) == [
        "What are the key aims and objectives of the partnership?"
    ]
