"""What a council framework takes from the model framework: only the parts its file adopts (ADR 0027).

A framework file lists the parts it adopts in `adopt_from_model`, e.g. `adopt_from_model: [assurance,
leaving_form]`. Everything else comes from the file alone: a part the file neither has nor adopts is
absent (no leaving form, no registration form; a generated document has Accord's plain layout), never
filled in silently from the model framework, whose parts were written from other councils' documents.

A part adopted is cited as the model framework's own ("Accord model partnership framework"): its
citations of the seed documents it was drawn from are replaced, so another council's clause never
shows under a council's framework.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from .schema import DOCUMENTS, Assurance, Framework, Template

MODEL_ID = "model"
# Each part a framework may adopt, and what it gives.
PARTS: dict[str, str] = {
    "assurance": "the model's governance assurance rating rules (used when the file has no `assurance`)",
    **{
        document: f"the model's template laying out the {document.replace('_', ' ')} document"
        for document in DOCUMENTS
        if document != "risk_register"  # the model has no risk register layout of its own
    },
}

Problem = tuple[str, str]


def check_adoption(fw: Framework) -> Iterator[Problem]:
    """Each adopted part is known and not also given by the file itself; the model adopts nothing;
    a framework without its own assurance rules adopts the model's (reviews need rules to rate)."""
    if fw.id == MODEL_ID and fw.adopt_from_model:
        yield "adopt_from_model", "the model framework adopts nothing: it is where the defaults come from"
        return
    seen: set[str] = set()
    for i, part in enumerate(fw.adopt_from_model):
        where = f"adopt_from_model.{i}"
        if part not in PARTS:
            yield where, f"unknown part '{part}' (known: {', '.join(sorted(PARTS))})"
        elif part in seen:
            yield where, f"'{part}' is adopted twice"
        elif part == "assurance" and fw.assurance is not None:
            yield where, "the file has its own assurance rules; adopt the model's or write your own, not both"
        elif part in fw.documents:
            yield where, f"the file names its own template for {part} (documents.{part}); adopt it or not"
        seen.add(part)
    if fw.id != MODEL_ID and fw.assurance is None and "assurance" not in fw.adopt_from_model:
        yield "assurance", "no assurance rules: write the council's own or add assurance to adopt_from_model"


def adopts(framework: Framework, part: str) -> bool:
    return framework.id != MODEL_ID and part in framework.adopt_from_model


def model() -> Framework:
    from . import loader  # the loader runs the checks above, so it is imported when first needed

    return loader.get(MODEL_ID)


def recited(item: Any, cite: str) -> Any:
    """A copy of `item` (a schema object, or a list of them) with every citation replaced by `cite`."""
    if isinstance(item, list):
        return [recited(value, cite) for value in item]
    if not isinstance(item, BaseModel):
        return item
    update = {
        name: cite if name == "cite" and isinstance(value, str) else recited(value, cite)
        for name, value in item
        if name == "cite" or isinstance(value, (BaseModel, list))
    }
    return item.model_copy(update=update)


def assurance(framework: Framework) -> Assurance | None:
    """The framework's assurance rules, or the model's where the file adopts them; else None."""
    if framework.assurance is not None:
        return framework.assurance
    if adopts(framework, "assurance"):
        source = model()
        return recited(source.assurance, source.name)
    return None


def own_template(framework: Framework, template_id: str | None) -> Template | None:
    return next((t for t in framework.templates if t.id == template_id), None) if template_id else None


def document_template(framework: Framework, document: str) -> Template | None:
    """The template laying out `document`: the one the file names, else the model's if the file adopts
    it, else None (the document has Accord's plain layout, or is not offered)."""
    if found := own_template(framework, framework.documents.get(document)):
        return found
    if adopts(framework, document):
        source = model()
        if found := own_template(source, source.documents.get(document)):
            return recited(found, source.name)
    return None
