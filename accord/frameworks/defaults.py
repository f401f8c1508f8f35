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

from typing import Any

from pydantic import BaseModel

from . import loader
from .checks_adoption import MODEL_ID, PARTS
from .schema import Assurance, Framework, Leaving, Template

__all__ = ["MODEL_ID", "PARTS", "adopts", "assurance", "document_template", "leaving", "model", "recited"]


def adopts(framework: Framework, part: str) -> bool:
    return framework.id != MODEL_ID and part in framework.adopt_from_model


def model() -> Framework:
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


def leaving(framework: Framework) -> Leaving | None:
    """The decision to leave's reasons and exit-plan headings: the file's own, or the model's where
    the file adopts them; else None (the decision asks for the reason in words and one plan)."""
    if framework.leaving is not None:
        return framework.leaving
    if adopts(framework, "leaving"):
        source = model()
        if source.leaving is not None:
            found: Leaving = recited(source.leaving, source.name)
            return found
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
