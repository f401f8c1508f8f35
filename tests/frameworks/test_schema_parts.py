"""Schema v2's grouped questions, scale labels and leaving rules: what the checks refuse, and what
each seed framework says (issue 16)."""

from accord.frameworks import defaults, loader
from accord.frameworks.checks import check
from accord.frameworks.checks_adoption import PARTS
from accord.frameworks.schema import Leaving, LeavingReason, QuestionGroup


def problems(framework) -> dict[str, str]:
    return dict(check(framework))


def test_redditch_app_4a_groups_its_areas_and_names_its_scale_in_its_words():
    bank = next(b for b in loader.get("redditch").question_banks if b.id == "annual_review")
    assert [g.heading for g in bank.groups] == ["Governance and finance", "Performance and Delivery"]
    assert bank.groups[1].questions == ["accountability", "outcome_focused_planning"]
    assert bank.scale_labels == {
        "1": "NO – action required",
        "2": "YES – but could be improved",
        "3": "YES- working effectively",
    }


def test_groups_must_name_the_banks_questions_each_once_and_all_of_them():
    redditch = loader.get("redditch")
    banks = list(redditch.question_banks)
    index = next(i for i, b in enumerate(banks) if b.id == "annual_review")
    bank = banks[index]
    groups = [
        QuestionGroup(id="first", heading="First", questions=["formal_status", "no_such_question"]),
        QuestionGroup(id="first", heading="Again", questions=["formal_status"]),
    ]
    banks[index] = bank.model_copy(update={"groups": groups, "scale_labels": {"4": "Excellent"}})
    found = problems(redditch.model_copy(update={"question_banks": banks}))
    where = f"question_banks.{index}"
    assert found[f"{where}.groups.0.questions.1"] == "unknown question 'no_such_question'"
    assert found[f"{where}.groups"].startswith("questions in no group: composition")
    assert f"{where}.scale_labels.4" in found
    assert any(
        w == f"{where}.groups" and "more than one group" in m
        for w, m in check(redditch.model_copy(update={"question_banks": banks}))
    )


def test_each_council_has_its_own_leaving_words_and_none_adopts_the_models():
    redditch = loader.get("redditch")
    assert redditch.leaving is not None
    assert [r.id for r in redditch.leaving.reasons][:2] == ["achieved", "objectives_changed"]
    assert redditch.leaving.reasons[1].text.startswith("The objectives of the Council, the Sustainable")
    bury = loader.get("bury")
    assert bury.leaving is not None and not bury.leaving.reasons  # Bury lists no reasons
    assert [h.label for h in bury.leaving.exit_plan][:3] == [
        "Termination provisions",
        "Exit strategy (including liabilities)",
        "Final reporting",
    ]
    assert bury.cite_text(bury.leaving.exit_plan[0].cite) == "Code of Practice for Partnerships, App 4 G"
    for framework_id in ("bury", "central_bedfordshire", "chorley", "northampton", "redditch"):
        framework = loader.get(framework_id)
        assert "leaving" not in framework.adopt_from_model
        assert defaults.leaving(framework) is framework.leaving


def test_the_checks_refuse_leaving_rules_that_clash():
    chorley = loader.get("chorley")
    assert "leaving" in PARTS
    own = Leaving(
        reasons=[
            LeavingReason(id="other", text="Something else", cite="003_6cf6fd1a73ee76f7.txt Exit Strategies"),
            LeavingReason(id="failed", text="It failed", cite="003_6cf6fd1a73ee76f7.txt Exit Strategies"),
            LeavingReason(id="failed", text="Again", cite="003_6cf6fd1a73ee76f7.txt Exit Strategies"),
        ]
    )
    found = problems(chorley.model_copy(update={"leaving": own, "adopt_from_model": ["leaving"]}))
    assert "not both" in found["adopt_from_model"]
    assert found["leaving.cite"] == "say where the reasons come from"
    reasons = [m for w, m in check(chorley.model_copy(update={"leaving": own})) if w == "leaving.reasons"]
    assert "duplicate id 'failed'" in reasons
    assert "'other' is always offered; give the reason another id" in reasons
