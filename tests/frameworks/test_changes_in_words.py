"""The versions preview says what changes in the framework in plain words: rule names, not ids;
durations and tiers in words; a structure that changed is said to have changed, not dumped."""

from accord.frameworks import changes_in_words, loader


def _changed(framework_id: str, edit) -> list[str]:
    old = loader.get(framework_id)
    data = old.model_dump(mode="json")
    edit(data)
    return list(changes_in_words.changes(old, type(old).model_validate(data)))


def test_the_same_framework_has_no_changes():
    framework = loader.get("redditch")
    assert list(changes_in_words.changes(framework, framework)) == []


def test_a_duty_applying_to_other_tiers_names_the_tiers():
    def edit(data):
        duty = data["obligations"][0]
        duty["tiers"] = [data["significance"]["tiers"][0]["id"]]
        duty["due_soon"] = "P2W"

    framework = loader.get("northampton")
    duty, tier = framework.obligations[0], framework.significance.tiers[0]
    lines = _changed("northampton", edit)
    assert f"Duty '{duty.name}': tiers it applies to {tier.name} (was none)." in lines or any(
        line.startswith(f"Duty '{duty.name}': tiers it applies to {tier.name} (was ") for line in lines
    )
    assert f"Duty '{duty.name}': shown as due soon 2 weeks (was 1 month)." in lines
    assert not any(tier.id in line for line in lines if tier.id != tier.name)


def test_rules_added_removed_and_reworded():
    def edit(data):
        removed = data["roles"].pop()
        data["roles"].append({**removed, "id": "new_role", "title": "Partnerships Manager"})
        data["question_banks"][0]["questions"][0]["text"] = "A reworded question?"

    framework = loader.get("bury")
    lines = _changed("bury", edit)
    assert f"Role '{framework.roles[-1].title}' is no longer in the framework." in lines
    assert "New role: 'Partnerships Manager'." in lines
    assert f"Checklist '{framework.question_banks[0].name}': its questions changed." in lines


def test_risk_bands_that_change_are_listed_by_name():
    def edit(data):
        data["risk_model"]["bands"][0]["max"] = data["risk_model"]["bands"][0]["max"] - 1
        data["risk_model"]["bands"][1]["min"] = data["risk_model"]["bands"][1]["min"] - 1

    lines = _changed("model", edit)
    assert len([line for line in lines if line.startswith("The risk bands changed: ")]) == 1
