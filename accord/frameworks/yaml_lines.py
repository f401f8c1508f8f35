"""Where a problem is in a framework file: the line of a location such as `obligations.3.first_due`
(pydantic's index path) or `requirements.business_case_approved.approvers` (the checks' id path).

The line comes from PyYAML's composed node tree, which keeps each node's position in the file, so
the answer follows the file as the council wrote it (comments, blank lines, flow or block style).
A location the tree does not hold (a model name inside a pydantic path, a field left out) falls back
to its nearest ancestor's line. Pure: text in, line numbers out."""

from __future__ import annotations

from collections.abc import Iterable

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

# The keys an item in a list may be known by in a location, besides its index.
ITEM_KEYS = ("id", "file", "value")


def compose(text: str) -> Node | None:
    """The file's node tree, or None when it cannot be read as YAML."""
    try:
        return yaml.compose(text)
    except yaml.YAMLError:
        return None


def _scalar(node: Node) -> str | None:
    return str(node.value) if isinstance(node, ScalarNode) else None


def _in_mapping(node: MappingNode, part: str) -> tuple[Node, Node] | None:
    for key, value in node.value:
        if _scalar(key) == part:
            return key, value
    return None


def _in_sequence(node: SequenceNode, part: str) -> Node | None:
    if part.isdigit():
        index = int(part)
        return node.value[index] if index < len(node.value) else None
    for item in node.value:
        if isinstance(item, MappingNode):
            for name in ITEM_KEYS:
                found = _in_mapping(item, name)
                if found and _scalar(found[1]) == part:
                    return item
    return None


def line_of(root: Node | None, where: str) -> int | None:
    """The 1-based line of a dotted location in the tree; the nearest ancestor's when the rest of
    the path is not in the file; None without a tree. `(file)` and the empty path are line 1."""
    if root is None:
        return None
    node: Node = root
    line = root.start_mark.line + 1
    for part in _parts(where):
        if isinstance(node, MappingNode) and (found := _in_mapping(node, part)):
            key, node = found
            line = key.start_mark.line + 1
        elif isinstance(node, SequenceNode) and (item := _in_sequence(node, part)) is not None:
            node = item
            line = item.start_mark.line + 1
        else:
            break
    return line


def _parts(where: str) -> Iterable[str]:
    if where in ("", "(file)"):
        return []
    return where.split(".")


def error_line(error: yaml.YAMLError) -> int | None:
    """The line PyYAML names for a syntax error, if it names one."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return mark.line + 1 if mark is not None else None
