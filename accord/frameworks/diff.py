"""Rule-by-rule differences between two frameworks (for councils that share a service)."""

from collections.abc import Iterator
from typing import Any

from .schema import Framework

SECTIONS = (
    "roles",
    "types",
    "artefacts",
    "stages",
    "requirements",
    "obligations",
    "question_banks",
    "templates",
)


def _by_id(items: list[Any]) -> dict[str, dict[str, Any]]:
    return {item.id: item.model_dump(mode="json") for item in items}


def _describe(value: dict[str, Any]) -> str:
    for key in ("name", "title", "text"):
        if value.get(key):
            return str(value[key])
    return ""


def diff(a: Framework, b: Framework) -> Iterator[str]:
    """Lines like '- obligations.annual_review: Annual review (only in A)' and '~ ... field: old → new'."""
    groups: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
        name: (_by_id(getattr(a, name)), _by_id(getattr(b, name))) for name in SECTIONS
    }
    groups["significance.tiers"] = (_by_id(a.significance.tiers), _by_id(b.significance.tiers))
    groups["significance.parameters"] = (_by_id(a.significance.parameters), _by_id(b.significance.parameters))
    groups["definition.criteria"] = (_by_id(a.definition.criteria), _by_id(b.definition.criteria))
    groups["definition.exclusions"] = (_by_id(a.definition.exclusions), _by_id(b.definition.exclusions))
    for group, (left, right) in groups.items():
        for ident in sorted(left.keys() | right.keys()):
            if ident not in right:
                yield f"- {group}.{ident}: {_describe(left[ident])} (only in {a.id})"
            elif ident not in left:
                yield f"+ {group}.{ident}: {_describe(right[ident])} (only in {b.id})"
            else:
                for key in sorted(left[ident].keys() | right[ident].keys()):
                    if key == "cite":
                        continue
                    if left[ident].get(key) != right[ident].get(key):
                        yield f"~ {group}.{ident}.{key}: {left[ident].get(key)!r} → {right[ident].get(key)!r}"
    left_bands = [(band.id, band.min, band.max) for band in a.risk_model.bands]
    right_bands = [(band.id, band.min, band.max) for band in b.risk_model.bands]
    if left_bands != right_bands:
        yield f"~ risk_model.bands: {left_bands} → {right_bands}"
