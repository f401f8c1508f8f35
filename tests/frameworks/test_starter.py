"""`accord framework new` writes a council's starting file, every field explained from the schema;
`accord framework validate` names the file and line of each problem."""

from __future__ import annotations

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

from accord.frameworks import loader, starter, yaml_lines
from accord.frameworks.schema import Framework

from .test_bundled import seeds


def _fields(model=Framework, seen=None):
    seen = set() if seen is None else seen
    if model in seen:
        return
    seen.add(model)
    for name, info in model.model_fields.items():
        yield model, name, info
        inner, _ = starter._nested(info.annotation)
        if inner is not None:
            yield from _fields(inner, seen)


def test_every_schema_field_has_a_description_for_the_starting_file():
    missing = [f"{model.__name__}.{name}" for model, name, info in _fields() if not info.description]
    assert missing == []


@pytest.fixture(scope="module")
def started(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("own")
    return starter.write("borsetshire", council="Borsetshire Council", output=str(folder))


def test_the_starting_file_validates_as_it_is_under_its_new_name(started):
    result = loader.load_path(started, seeds())
    assert result.problems == []
    assert result.framework is not None
    assert (result.framework.id, result.framework.council, result.framework.version) == (
        "borsetshire",
        "Borsetshire Council",
        "1.0",
    )


def test_the_starting_file_keeps_every_rule_of_the_model(started):
    copied = yaml.safe_load(started.read_text(encoding="utf-8"))
    model = yaml.safe_load((loader.FILES_DIR / "model.yaml").read_text(encoding="utf-8"))
    for key in ("id", "name", "council", "version"):
        copied.pop(key), model.pop(key)
    assert copied == model


def test_every_field_of_the_schema_is_explained_in_the_starting_file(started):
    text = started.read_text(encoding="utf-8")
    comments = {line.strip() for line in text.splitlines() if line.lstrip().startswith("#")}
    for model, name, info in _fields():
        if name == "note":
            continue  # explained once, in the header
        first = starter.explain(name, info)[0]
        assert any(first in comment for comment in comments), f"{model.__name__}.{name} is not explained"
    assert "CITATIONS" in text.split("\nid:")[0], "the header must tell the council to replace the citations"


def test_the_command_refuses_to_overwrite_a_file(started):
    with pytest.raises(CommandError, match="already exists"):
        call_command("framework", "new", "borsetshire", "--output", str(started.parent))


def test_the_name_must_be_lower_snake_case(tmp_path):
    with pytest.raises(CommandError, match="lower_snake_case"):
        call_command("framework", "new", "Borsetshire-Council", "--output", str(tmp_path))
    assert list(tmp_path.iterdir()) == []


def test_the_command_writes_into_the_councils_folder_by_default(tmp_path):
    out = StringIO()
    with override_settings(ACCORD_FRAMEWORKS_DIR=str(tmp_path)):
        call_command(
            "framework", "new", "wessex", "--from", "chorley", "--council", "Wessex Council", stdout=out
        )
        written = tmp_path / "wessex.yaml"
        assert f"Wrote {written}" in out.getvalue()
        framework = loader.get("wessex")
        listed = StringIO()
        call_command("framework", "list", stdout=listed)
    assert framework.council == "Wessex Council"
    assert framework.adopt_from_model == loader.get("chorley").adopt_from_model
    assert any(line.startswith("wessex") and str(written) in line for line in listed.getvalue().splitlines())
    assert any(line.startswith("chorley") and "[bundled]" in line for line in listed.getvalue().splitlines())


TEXT = """\
id: sample
roles:
  - id: leader
    title: Leader
    cite: x
obligations:
  - id: first
    name: First
  - {id: annual_review, name: Annual review}
  - id: third
    first_due: P1Y
risk_model:
  bands:
    - id: high
      min: 3
"""


@pytest.mark.parametrize(
    ("where", "line"),
    [
        ("obligations.2.first_due", 11),  # pydantic's index path
        ("obligations.third.first_due", 11),  # the checks' id path
        ("obligations.annual_review.first_due", 9),  # not in the file: its item's line
        ("obligations.1", 9),
        ("roles.0.approvers.2", 3),  # a field left out: the nearest ancestor that is there
        ("risk_model.bands.high.min", 15),
        ("risk_model.bands.function-after[check(), list[Band]]", 13),
        ("(file)", 1),
        ("nothing.here", 1),
    ],
)
def test_a_location_is_found_on_its_line(where, line):
    assert yaml_lines.line_of(yaml_lines.compose(TEXT), where) == line


def test_validate_reports_file_and_line(tmp_path):
    text = (loader.FILES_DIR / "redditch.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    bad = data["obligations"][1]
    target = f"  first_due: {bad['first_due']}\n"
    start = text.index(f"- id: {bad['id']}\n")
    at = text.index(target, start)
    broken = text[:at] + "  first_due: yearly\n" + text[at + len(target) :]
    path = tmp_path / "redditch_own.yaml"
    path.write_text(broken, encoding="utf-8")
    line = broken[:at].count("\n") + 1
    result = subprocess.run(
        [sys.executable, "-m", "django", "framework", "validate", str(path)],
        capture_output=True,
        text=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "accord.settings_test"},
    )
    assert result.returncode == 1
    assert f"{path}:{line}: obligations.1.first_due: " in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_a_yaml_syntax_error_names_its_line(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("id: broken\nname: [unclosed\ncouncil: x\n", encoding="utf-8")
    issue = loader.load_path(path).issues[0]
    assert issue.where == "(file)" and issue.line in (2, 3, 4)
    assert str(issue).startswith(f"{path}:{issue.line}: (file): cannot be read as YAML")
