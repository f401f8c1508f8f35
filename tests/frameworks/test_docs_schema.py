"""docs/frameworks.md documents every field of the framework schema, and its examples quote the seeds.

The convention (docs/frameworks.md, "Field reference"): each model reached from `Framework` has a
`###` heading naming its YAML path in backticks (`` ### `risk_model.bands[]` ``; the top level is
"### Top-level fields"; a model used at several paths names each), and each of its fields a table
row starting `` | `field` | `` in the model's field order, in a table whose header starts `| field |`
(other tables, of facts or measures, may follow). `note`, which every item has, is
documented once, under "### Fields on every item". Each section has an example, introduced by a
line "From `<file>.yaml`:" and followed by a ```yaml block whose every line is a line of that file.
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel

from accord.frameworks.schema import Framework

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "frameworks.md"
FILES = ROOT / "accord" / "frameworks" / "files"
SEEDS = ("bury", "central_bedfordshire", "chorley", "northampton", "redditch")
TOP = "Top-level fields"
EVERY_ITEM = "Fields on every item"
COMMON = ("note",)  # documented once, under EVERY_ITEM
ROW = re.compile(r"^\| `(?P<field>[a-z_]+)` \|", re.MULTILINE)
EXAMPLE = re.compile(
    r"^From `(?P<file>[a-z_]+)\.yaml`[^\n]*:\n+```yaml\n(?P<body>.*?)^```", re.MULTILINE | re.DOTALL
)


def _nested(annotation: object, suffix: str = "") -> Iterator[tuple[type[BaseModel], str]]:
    """The models inside an annotation (through lists, dicts, unions), with the path suffix each
    takes: `[]` for a list item, `{}` for a dict value."""
    origin = typing.get_origin(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation, suffix
    elif origin is list:
        yield from _nested(typing.get_args(annotation)[0], suffix + "[]")
    elif origin is dict:
        yield from _nested(typing.get_args(annotation)[1], suffix + "{}")
    elif origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            yield from _nested(arg, suffix)


def schema_paths(model: type[BaseModel] = Framework, path: str = "") -> Iterator[tuple[str, type[BaseModel]]]:
    """Every YAML path a model sits at, from the top level down."""
    yield path, model
    for name, field in model.model_fields.items():
        for nested, suffix in _nested(field.annotation):
            yield from schema_paths(nested, f"{path}.{name}{suffix}" if path else f"{name}{suffix}")


def sections(text: str) -> dict[str, str]:
    """Each `###` heading's text → the section under it (up to the next `##` or `###` heading)."""
    found: dict[str, str] = {}
    parts = re.split(r"^(#{2,3} .*)$", text, flags=re.MULTILINE)
    for heading, body in zip(parts[1::2], parts[2::2], strict=True):
        if heading.startswith("### "):
            found[heading[4:].strip()] = body
    return found


def field_rows(body: str) -> list[str]:
    """The field names of the rows of the section's field tables (those headed `| field |`)."""
    rows: list[str] = []
    in_fields = False
    for line in body.splitlines():
        if not line.startswith("|"):
            in_fields = False
        elif line.startswith("| field |"):
            in_fields = True
        elif in_fields and (match := ROW.match(line)):
            rows.append(match["field"])
    return rows


def section_for(path: str, found: dict[str, str]) -> str | None:
    if not path:
        return found.get(TOP)
    matches = [body for heading, body in found.items() if f"`{path}`" in heading]
    return matches[0] if len(matches) == 1 else None


def test_the_walk_reaches_nested_models_through_lists_dicts_and_unions() -> None:
    paths = dict(schema_paths())
    assert paths["risk_model.bands[]"].__name__ == "Band"
    assert paths["business_case.parts[].questions[].choices[]"].__name__ == "Choice"  # through `| None`
    assert paths["requirements[].when"].__name__ == "Condition"
    assert len(paths) > 35


def undocumented(text: str) -> list[str]:
    """What the doc fails to document, one line per model (empty when every field is)."""
    found = sections(text)
    problems = []
    common = found.get(EVERY_ITEM, "")
    for field in COMMON:
        if f"| `{field}` |" not in common:
            problems.append(f"'### {EVERY_ITEM}' has no row for `{field}`")
    for path, model in schema_paths():
        heading = TOP if not path else f"`{path}`"
        body = section_for(path, found)
        if body is None:
            problems.append(f"{model.__name__}: no single '### ' heading naming {heading}")
            continue
        rows = field_rows(body)
        wanted = [name for name in model.model_fields if name not in COMMON]
        missing = [name for name in wanted if name not in rows]
        if missing:
            problems.append(f"{heading} ({model.__name__}): no row for {', '.join(missing)}")
        unknown = [name for name in rows if name not in model.model_fields]
        if unknown:
            problems.append(
                f"{heading} ({model.__name__}): rows for fields it does not have: {', '.join(unknown)}"
            )
        if not EXAMPLE.search(body):
            problems.append(f"{heading} ({model.__name__}): no example quoted from a framework file")
        if not missing and [name for name in rows if name in wanted] != wanted:
            problems.append(f"{heading} ({model.__name__}): rows not in schema order ({', '.join(wanted)})")
    return problems


def test_every_schema_field_is_documented_under_its_model() -> None:
    problems = undocumented(DOC.read_text(encoding="utf-8"))
    assert not problems, "docs/frameworks.md does not document the schema:\n" + "\n".join(problems)


def test_the_sections_follow_the_schema_order() -> None:
    headings = list(sections(DOC.read_text(encoding="utf-8")))
    order = []
    for path, _model in schema_paths():
        wanted = TOP if not path else f"`{path}`"
        index = next((i for i, h in enumerate(headings) if (h == wanted if not path else wanted in h)), None)
        if index is not None and index not in order:  # a missing section is the test above's to report
            order.append(index)
    assert order == sorted(order), [headings[i] for i in order]


def test_a_field_left_out_is_named() -> None:
    text = DOC.read_text(encoding="utf-8")
    row = next(line for line in text.splitlines() if line.startswith("| `review_every` |"))
    problems = undocumented(text.replace(row + "\n", ""))
    assert problems == ["`risk_model.bands[]` (Band): no row for review_every"]


def test_examples_quote_each_seed_framework_as_written() -> None:
    text = DOC.read_text(encoding="utf-8")
    examples = list(EXAMPLE.finditer(text))
    used = {m["file"] for m in examples}
    assert not [s for s in SEEDS if s not in used], f"no example from {[s for s in SEEDS if s not in used]}"
    problems = []
    for match in examples:
        path = FILES / f"{match['file']}.yaml"
        if not path.is_file():
            problems.append(f"an example quotes {path.name}, which does not exist")
            continue
        lines = {line.strip() for line in path.read_text(encoding="utf-8").splitlines()}
        for line in match["body"].splitlines():
            quoted = line.strip()
            if quoted and quoted not in {"...", "- ..."} and quoted not in lines:
                problems.append(f"{path.name} has no line {quoted!r}")
    assert not problems, "examples in docs/frameworks.md that are not in the files:\n" + "\n".join(problems)
