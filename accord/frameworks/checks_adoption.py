"""Checks of `adopt_from_model` (ADR 0027): what a council framework may take from the model
framework, and that it takes it explicitly; problems as (path, message), like the rest of `checks`."""

from collections.abc import Iterator

from .schema import DOCUMENTS, Framework

Problem = tuple[str, str]

# What a council framework may adopt from the model framework (ADR 0027; accord.frameworks.defaults).
MODEL_ID = "model"
# Each part a framework may adopt, and what it gives.
PARTS: dict[str, str] = {
    "assurance": "the model's governance assurance rating rules (used when the file has no `assurance`)",
    "leaving": "the model's reasons for leaving and exit-plan headings (used when the file has no `leaving`)",
    **{
        document: f"the model's template laying out the {document.replace('_', ' ')} document"
        for document in DOCUMENTS
        if document != "risk_register"  # the model has no risk register layout of its own
    },
}


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
