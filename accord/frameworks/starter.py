"""A council's starting framework file (`accord framework new`): a copy of a framework's file under
a new id, council and version "1.0", with every field of the schema explained in YAML comments.

The comments are written from the schema's own field descriptions (`Field(description=...)`), so
they say what the code checks today and cannot drift from it. The copy is the source file's text,
not a re-dump of the loaded model: the council starts from the file as its authors laid it out,
and the written file loads to the same rules as its source (a test holds this)."""

from __future__ import annotations

import re
import textwrap
import typing
from collections.abc import Collection
from pathlib import Path

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined
from yaml.nodes import MappingNode, Node, SequenceNode

from . import loader, yaml_lines
from .schema import IDENT, Framework

WIDTH = 100
# Lines inserted above a line of the file: (0-based line, lines of comment).
Inserts = dict[int, list[str]]


class StarterError(Exception):
    """Why the starting file cannot be written, in words for the person running the command."""


def write(name: str, source_id: str = "model", council: str = "", output: str = "") -> Path:
    """Write `<name>.yaml` (or `output`) from framework `source_id`; refuse to overwrite a file."""
    if not re.fullmatch(IDENT, name):
        raise StarterError(f"'{name}' is not lower_snake_case: letters, digits and _, starting with a letter")
    target = _target(name, output)
    if target.exists():
        raise StarterError(f"{target} already exists; choose another --output or move the file away first")
    try:
        framework = loader.get(source_id)
    except (KeyError, ValueError) as error:
        raise StarterError(str(error).strip("'\"")) from error
    source = _source_file(source_id, framework.version)
    council = council or name.replace("_", " ").title()
    text = starting_text(source.read_text(encoding="utf-8"), name, council, framework)
    if not target.parent.is_dir():
        raise StarterError(f"{target.parent} is not a folder")
    target.write_text(text, encoding="utf-8")
    return target


def _target(name: str, output: str) -> Path:
    if output:
        path = Path(output)
        return path / f"{name}.yaml" if path.is_dir() or output.endswith("/") else path
    folder = loader.council_dir() or Path.cwd()
    return folder / f"{name}.yaml"


def _source_file(source_id: str, version: str) -> Path:
    """The file of the framework's version in force (one framework may have several files)."""
    paths = loader.files_for(source_id)
    for path in paths[1:]:
        if _version(path) == version:
            return path
    return paths[0]


def _version(path: Path) -> str | None:
    result = loader.load_path(path, loader.seeds_dir())
    return result.framework.version if result.framework else None


def starting_text(text: str, name: str, council: str, source: Framework) -> str:
    """The source file's text with the new identity, a header and every field explained."""
    root = yaml_lines.compose(text)
    if not isinstance(root, MappingNode):
        raise StarterError("the source framework file is not a mapping of fields")
    identity = {
        "id": name,
        "name": f"{council} partnership framework",
        "council": council,
        "version": '"1.0"',
    }
    # the source's own header comment (above its first field) describes the source: leave it out
    cut = root.value[0][0].start_mark.line
    lines = text.split("\n")[cut:]
    inserts: Inserts = {}
    _document(root, Framework, inserts, top=True)
    for index in sorted(inserts, reverse=True):
        lines[index - cut : index - cut] = inserts[index]
    commented = "\n".join(lines)
    renamed = yaml_lines.compose(commented)
    assert isinstance(renamed, MappingNode)
    return _header(name, council, source) + _with_identity(commented, renamed, identity)


def _with_identity(text: str, root: MappingNode, identity: dict[str, str]) -> str:
    """Replace the values of the top-level identity fields (by their place in the text, so the rest
    of the file, comments and all, is untouched)."""
    spans = []
    for key, value in root.value:
        if key.value in identity and not isinstance(value, (MappingNode, SequenceNode)):
            spans.append((value.start_mark.index, value.end_mark.index, _scalar(identity[key.value])))
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def _scalar(value: str) -> str:
    return value if value.startswith('"') else '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _header(name: str, council: str, source: Framework) -> str:
    adopted = ", ".join(source.adopt_from_model) or "nothing"
    return "\n".join(
        [
            f"# {council}'s partnership framework ({name}), version 1.0.",
            f"# Started from Accord's '{source.id}' framework ({source.name}, version {source.version}) by",
            "# `accord framework new`. It loads and validates as it is; now make it say what your council's",
            "# framework says. Every field is explained in a comment above it: `# field: what it means",
            "# (required or optional, and the default)`. Fields marked `also possible here` are not used",
            "# in this file but may be added. `note` is for you only and never shown to users.",
            "#",
            "# !!! CITATIONS: every `cite` below still names the documents this file was copied from, and",
            "# !!! `source_documents` gives their titles, which users see as the reason for each rule.",
            "# !!! Before you adopt this file, list your council's own documents in `source_documents`",
            "# !!! and change every `cite` to your document and section, so each rule says where it",
            '# !!! comes from in your council\'s framework: cite: "our-partnership-protocol.pdf 4.2".',
            "# !!! Keep a plain-text copy (our-partnership-protocol.txt, cited by that name) beside this",
            "# !!! file and `validate` checks every section you cite is in it.",
            "#",
            f"# Adopted from the model framework (adopt_from_model): {adopted}.",
            f"# Check it: accord framework validate {name}.yaml   (problems are reported as file:line)",
            "# Use it: put it in the folder ACCORD_FRAMEWORKS_DIR names and set ACCORD_FRAMEWORK to",
            f"# {name} (docs/frameworks.md, 'Writing, checking and adopting your council's own framework').",
            "",
            "",
        ]
    )


def _nested(annotation: object) -> tuple[type[BaseModel] | None, str]:
    """The model an annotation holds, and how: '' itself, '[]' in a list, '{}' as a mapping's values."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, ""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is list and args:
        model, _ = _nested(args[0])
        return model, "[]"
    if origin is dict and len(args) == 2:
        model, _ = _nested(args[1])
        return model, "{}"
    for arg in args:
        model, how = _nested(arg)
        if model is not None:
            return model, how
    return None, ""


def explain(name: str, info: FieldInfo) -> list[str]:
    """`field: description (required)` or `(optional, default ...)`, wrapped as comment lines."""
    if info.is_required():
        need = "required"
    elif info.default_factory is not None:
        need = "optional, default empty"
    elif info.default is PydanticUndefined or info.default in (None, ""):
        need = "optional, default none"
    else:
        need = f"optional, default {info.default!r}"
    description = (info.description or "").strip().rstrip(".")
    if choices := _choices(info.annotation):
        description += f"; one of: {', '.join(choices)}"
    text = f"{name}: {description} ({need})" if description else f"{name}: ({need})"
    return textwrap.wrap(text, WIDTH, subsequent_indent="  ", break_on_hyphens=False)


def _choices(annotation: object) -> list[str]:
    """The values a Literal field (or a list of them) allows."""
    if typing.get_origin(annotation) is typing.Literal:
        return [str(value) for value in typing.get_args(annotation)]
    return [value for arg in typing.get_args(annotation) for value in _choices(arg)]


def _comment(lines: list[str], indent: int) -> list[str]:
    return [" " * indent + "# " + line for line in lines]


def _document(node: Node, model: type[BaseModel], inserts: Inserts, top: bool = False) -> None:
    """Comments above each field of a block mapping (recursing into the first item of each list),
    and the fields the mapping leaves out, listed above its first field."""
    if not isinstance(node, MappingNode) or node.flow_style or not node.value:
        return
    fields = model.model_fields
    present = {key.value for key, _ in node.value}
    for key, value in node.value:
        info = fields.get(key.value)
        if info is None:
            continue
        row, column = key.start_mark.line, key.start_mark.column
        text = explain(key.value, info)
        inner, how = _nested(info.annotation)
        if inner is not None and _inline(value):
            text += outline(inner, depth=1)  # written on one line: explained above its key
        inserts.setdefault(row, []).extend(["", *_comment(text, column)] if top else _comment(text, column))
        if inner is None:
            continue
        if how == "[]" and isinstance(value, SequenceNode) and value.value:
            _document(value.value[0], inner, inserts)
        elif how == "{}" and isinstance(value, MappingNode) and value.value:
            _document(value.value[0][1], inner, inserts)
        elif how == "":
            _document(value, inner, inserts)
    missing = outline(model, skip=present)
    if missing:
        first = node.value[0][0]
        lines = _comment(["also possible here:", *[f"  {m}" for m in missing]], first.start_mark.column)
        inserts.setdefault(first.start_mark.line, [])[0:0] = lines


def outline(model: type[BaseModel], skip: Collection[str] = (), depth: int = 0) -> list[str]:
    """Every field of a model, and of the models inside it, explained (`note`, on every item, is
    explained once in the header): for the parts of the schema a file does not use."""
    lines = []
    for name, info in model.model_fields.items():
        if name in skip or name == "note":
            continue
        lines += ["  " * depth + line for line in explain(name, info)]
        inner, _ = _nested(info.annotation)
        if inner is not None and depth < 4:
            lines += outline(inner, depth=depth + 1)
    return lines


def _flow(node: Node) -> bool:
    return isinstance(node, MappingNode) and bool(node.flow_style)


def _inline(node: Node) -> bool:
    """A mapping written on one line, or a list that is, or whose first item is."""
    if isinstance(node, SequenceNode):
        return bool(node.flow_style) or (bool(node.value) and _flow(node.value[0]))
    return _flow(node)
