"""User-facing text in a framework file is the council's own words; maintainers' remarks live in notes.

Every text a user can read (names, descriptions, questions, hints, descriptors, guidance, band
actions, the band note...) is checked for phrasing that only makes sense to whoever wrote the file:
"the seed", a seed file name, "documented default", an identifier such as "question bank
performance_report". Such remarks belong in the item's `note` (never rendered), in `cite`, or in
the file's `not_specified` list. Problems are reported as (path, message) like every other check."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel

from .schema_base import DOCUMENT_NAME
from .schema_reports import PLACEHOLDER

# Fields for maintainers only: never rendered, so they may say anything.
MAINTAINER_FIELDS = frozenset(
    {"note", "cite", "escalate_cite", "not_specified", "source", "source_documents", "documents"}
)

MAINTAINER_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bseeds?\b", re.IGNORECASE), "says 'seed'"),
    (DOCUMENT_NAME, "names a source file"),
    (re.compile(r"documented default|default scale|default band", re.IGNORECASE), "explains a default"),
    (re.compile(r"\bnot specified\b", re.IGNORECASE), "says 'not specified'"),
    (
        re.compile(r"\bin extraction\b|\b(?:the|as) extracted\b", re.IGNORECASE),
        "talks about the text's extraction",
    ),
    (re.compile(r"\bwords? [^.;]{0,40}\b(?:is|are) supplied\b", re.IGNORECASE), "says words were supplied"),
    # What the source document leaves out is a maintainer's remark ("The protocol is silent on closing",
    # "has no business case as such"); the item says what the council does. A report-back rule's
    # `guidance` may say the framework "sets no" duty: it tells representatives what to do instead.
    (
        re.compile(
            r"\b(?:protocol|framework|code of practice|toolkit|document)(?:'s)? (?:has no|is silent|says "
            r"nothing|does not (?:name|say|define|describe|expand|give))\b",
            re.IGNORECASE,
        ),
        "remarks on what the source leaves out",
    ),
    (
        re.compile(r"docs/[\w/.-]+\.md|\bADR \d{4}\b|\bmaintainers?\b", re.IGNORECASE),
        "points maintainers elsewhere",
    ),
    (
        re.compile(r"\b(?:question banks?|templates?|artefacts?|parameters?|kind) [a-z]+_[a-z0-9_]+"),
        "names a file identifier",
    ),
    # An identifier inside prose ("the setting_up_principles question bank", "see risk_model"); a
    # field whose whole value is one identifier (an id, a reference) is not prose and is not checked.
    (re.compile(r"(?=.*\s)(?:.*?)\b(?P<ident>[a-z]+_[a-z0-9_]+)\b", re.DOTALL), "names a file identifier"),
)


def _texts(value: object, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if name not in MAINTAINER_FIELDS:
                yield from _texts(getattr(value, name), f"{path}.{name}" if path else name)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, f"{path}.{key}")
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from _texts(item, f"{path}.{i}")
    elif isinstance(value, str):
        yield path, value


def check_wording(fw: BaseModel) -> Iterator[tuple[str, str]]:
    """User-facing text with a maintainer's phrasing: move the remark to `note`, say it plainly."""
    for path, text in _texts(fw, ""):
        if path.startswith("reports."):  # a report's placeholders ({off_target}) are filled, never shown
            text = PLACEHOLDER.sub("", text)
        for pattern, what in MAINTAINER_PHRASES:
            match = pattern.search(text)
            if match:
                found = match.groupdict().get("ident") or match.group(0)
                yield path, f"user-facing text {what} ('{found}'); put maintainers' remarks in `note`"
                break
