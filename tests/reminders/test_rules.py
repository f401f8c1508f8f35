"""The reminder rules in the framework files: every bundled framework says who is reminded, when an
overdue item is escalated and to whom, citing its seed, and says so where the seed is silent."""

import pytest
import yaml
from pydantic import ValidationError

from accord.frameworks import loader
from accord.frameworks.schema import REMINDER_ROLES, Reminders
from accord.register.models import RoleType

BUNDLED = [p.stem for p in loader.framework_paths()]


@pytest.mark.parametrize("framework_id", BUNDLED)
def test_every_bundled_framework_has_cited_reminder_rules(framework_id):
    rules = loader.get(framework_id).reminders
    assert rules is not None
    assert rules.cite.split()[0] == loader.get(framework_id).source.document or framework_id == "model"
    assert rules.escalate_after == "P14D"
    assert "accountable_head_of_service" in rules.escalate_to
    assert not rules.specified and "14 days" in rules.note  # no seed gives a figure: the default, said so


def test_redditch_reminds_the_officer_representative_first():
    assert loader.get("redditch").reminders.owners == ["link_officer", "lead_officer"]


def test_northampton_also_escalates_to_the_sponsoring_officer():
    assert loader.get("northampton").reminders.escalate_to == [
        "accountable_head_of_service",
        "sponsoring_officer",
    ]


def test_reminder_roles_are_roles_the_register_records():
    assert set(REMINDER_ROLES) <= set(RoleType.values)


def rules(**changes) -> dict:
    return {"cite": "004_0d99c29b5f1d20f0.txt 7", "specified": False, **changes}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"escalate_to": ["chief_executive"]}, "unknown register role 'chief_executive'"),
        ({"owners": []}, "at least 1 item"),
        ({"escalate_after": "two weeks"}, "not a duration like P14D"),
        ({"action_due_soon": "14"}, "not a duration like P14D"),
    ],
)
def test_bad_reminder_rules_are_refused_with_a_plain_reason(changes, message):
    with pytest.raises(ValidationError, match=message):
        Reminders.model_validate(rules(**changes))


def test_a_framework_file_without_reminders_uses_the_default(tmp_path):
    from accord.outputs.reminders.planner import DEFAULT_RULES, rules_for

    data = yaml.safe_load((loader.FILES_DIR / "chorley.yaml").read_text())
    data.pop("reminders")
    path = tmp_path / "chorley.yaml"
    path.write_text(yaml.safe_dump(data))
    framework = loader.load_path(path).framework
    assert framework.reminders is None and rules_for(framework) == DEFAULT_RULES
    assert DEFAULT_RULES.owners == ["lead_officer", "link_officer"]
