"""Headings councils give their register's columns, and how a heading is matched to a field.

A heading matches a field when, compared as `words` gives them (case, punctuation, spacing and
order ignored, and small words like "of" and "the" left out), it is the field's own heading, one of
its aliases (accord.outputs.transfer.columns) or one of the synonyms below. The synonyms are data:
add a council's habit here, with no code to change. "Partnership Name", "Name of partnership" and
"name (partnership)" all come to the same words.
"""

from . import columns as c

# Small words left out of a heading before comparing.
FILLER = frozenset({"the", "of", "a", "an", "for", "in", "is", "it", "this", "s", "by", "our"})

# {sheet name: {field key: headings councils use for it}}
SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    c.PARTNERSHIPS.name: {
        "reference": ("ref", "ref no", "reference number", "ref number", "id", "partnership id", "code"),
        "name": ("partnership name", "name of partnership", "partnership title", "title"),
        "description": ("summary", "details", "about", "short description", "description of partnership"),
        "partnership_type": ("type", "type of partnership", "category", "partnership category"),
        "statutory_status": ("statutory", "statutory partnership", "is statutory", "statutory y n"),
        "incorporation": ("legal form", "legal status", "incorporated", "legal structure"),
        "lead_organisation": ("lead organisation", "lead partner", "lead agency", "lead body"),
        "council_role": ("council role", "role of council", "council's role", "our role"),
        "directorate": (
            "service area",
            "directorate",
            "lead service",
            "service",
            "department",
            "lead directorate",
            "council service",
        ),
        "start_date": ("start date", "date started", "start", "commenced", "date established"),
        "proposed_end_date": (
            "end date",
            "end",
            "date ended",
            "date ends",
            "expiry date",
            "ends",
            "finish date",
            "expires",
        ),
        "status": ("current status", "partnership status"),
        "geographical_area": ("area", "geography", "area covered"),
        "purpose": ("remit", "purpose of partnership"),
    },
}


def words(header: str) -> frozenset[str]:
    """A heading as compared: its words, lower case, in any order, with filler left out."""
    return frozenset(w for w in c.squash(header).split() if w not in FILLER)


def by_heading(sheet: c.Sheet, header: str) -> str:
    """The field whose own heading, key or alias is this heading (compared as `words`), or ''."""
    wanted = words(header)
    if not wanted:
        return ""
    for column in sheet.columns:
        if wanted in {words(column.header), words(column.key.replace("_", " "))}:
            return column.key
        if any(wanted == words(alias) for alias in column.aliases):
            return column.key
    return ""


def by_synonym(sheet: c.Sheet, header: str) -> str:
    """The field a heading councils often use means, or ''."""
    wanted = words(header)
    if not wanted:
        return ""
    for key, headings in SYNONYMS.get(sheet.name, {}).items():
        if key in sheet.by_key and any(wanted == words(h) for h in headings):
            return key
    return ""
