"""User-facing text in a framework file is the council's own words: a maintainer's remark ("the
seed has no scale", a seed file name, "documented default", "question bank performance_report") in
a name, description, question, hint, descriptor, guidance or band note is refused as
`file: path: message`; the same remark in `note` (never rendered) is fine."""

import pytest
import yaml

from accord.frameworks import loader, wording
from accord.frameworks.schema import Framework

BUNDLED = [p.stem for p in loader.framework_paths()]


def _problems(tmp_path, framework_id, change) -> list[str]:
    data = yaml.safe_load((loader.FILES_DIR / f"{framework_id}.yaml").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / f"{framework_id}.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return loader.load_path(path).problems


@pytest.mark.parametrize("framework_id", BUNDLED)
def test_no_bundled_framework_shows_users_a_maintainers_remark(framework_id):
    assert list(wording.check_wording(loader.get(framework_id))) == []


def _descriptor(text):
    def change(data):
        data["risk_model"]["likelihood"][0]["descriptor"] = text

    return change


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("Default scale point: the seed has no likelihood scale.", "says 'seed'"),
        ("As 003_6cf6fd1a73ee76f7.txt puts it", "names a source file"),
        ("Accord's documented default is used", "explains a default"),
        ("Contents: question bank performance_report", "names a file identifier"),
        ("not specified", "says 'not specified'"),
        ("Answered with the annual_review question bank.", "names a file identifier ('annual_review')"),
        ("The App 4 flowchart was lost in extraction.", "talks about the text's extraction"),
        ("App 1 (the extracted text repeats a label)", "talks about the text's extraction"),
        ('Part of it is lost; the words "of the partnership" are supplied.', "says words were supplied"),
        ("The protocol is silent on closing a partnership.", "remarks on what the source leaves out"),
        ("The protocol has no business case as such.", "remarks on what the source leaves out"),
        ("The framework does not name the decision-maker.", "remarks on what the source leaves out"),
        ("Bands as in docs/frameworks.md.", "points maintainers elsewhere"),
    ],
)
def test_a_maintainers_remark_in_a_user_facing_field_is_refused_precisely(tmp_path, text, what):
    problems = _problems(tmp_path, "chorley", _descriptor(text))
    assert len(problems) == 1
    assert problems[0].startswith(
        f"chorley.yaml: risk_model.likelihood.0.descriptor: user-facing text {what}"
    )


@pytest.mark.parametrize(
    "text",
    [
        "The framework sets no report-back duty for the council's representatives; tell the lead officer.",
        "Poor quality of data supplied by partners",
        "Where the Council has no strategic or policy function",
        "The contract provides for data extraction in an open format.",
    ],
)
def test_the_councils_own_plain_words_are_not_taken_for_a_remark(tmp_path, text):
    assert _problems(tmp_path, "chorley", _descriptor(text)) == []


def test_the_same_remark_in_a_note_is_allowed(tmp_path):
    def change(data):
        data["risk_model"]["likelihood"][0]["note"] = "Default scale point: the seed has no likelihood scale."
        data["artefacts"][0]["note"] = (
            "Its contents are question bank new_key_partnership_report (003_6cf6fd1a73ee76f7.txt)."
        )
        data["stages"][0]["note"] = "The seed is silent here; not specified."

    assert _problems(tmp_path, "chorley", change) == []


def test_nested_texts_are_checked_too(tmp_path):
    def change(data):
        data["question_banks"][0]["questions"][0]["hint"] = "The seed's wording as extracted."
        data["templates"][0]["headings"][0]["guidance"] = "See template memorandum_of_understanding."
        data["types"][0]["attributes"] = {"legal_entity": "not specified"}

    problems = " | ".join(_problems(tmp_path, "chorley", change))
    assert "question_banks.0.questions.0.hint: user-facing text says 'seed'" in problems
    assert "templates.0.headings.0.guidance: user-facing text names a file identifier" in problems
    assert "types.0.attributes.legal_entity: user-facing text says 'not specified'" in problems


def test_every_item_can_carry_a_note():
    # One field for maintainers on every part of the schema, so no remark needs a user-facing home.
    def models(cls, seen):
        if cls in seen:
            return
        seen.add(cls)
        for field in cls.model_fields.values():
            for arg in [field.annotation, *getattr(field.annotation, "__args__", ())]:
                for inner in [arg, *getattr(arg, "__args__", ())]:
                    if isinstance(inner, type) and hasattr(inner, "model_fields"):
                        models(inner, seen)

    seen: set[type] = set()
    models(Framework, seen)
    assert len(seen) > 20
    assert all("note" in cls.model_fields for cls in seen)


class _NoDuplicates(yaml.SafeLoader):
    """Refuses a key given twice in one mapping (plain YAML keeps the last silently, so a `note`
    added next to an existing one would lose the first)."""


def _mapping(loader, node, deep=False):
    keys = [loader.construct_object(key, deep=deep) for key, _ in node.value]
    duplicates = {key for key in keys if keys.count(key) > 1}
    assert not duplicates, f"duplicate key {duplicates} at line {node.start_mark.line + 1}"
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


_NoDuplicates.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


@pytest.mark.parametrize("framework_id", BUNDLED)
def test_no_item_says_the_same_key_twice(framework_id):
    text = (loader.FILES_DIR / f"{framework_id}.yaml").read_text(encoding="utf-8")
    assert yaml.load(text, Loader=_NoDuplicates)  # noqa: S506 (a SafeLoader subclass)
