"""How the columns of a council's own one-sheet register are read into the records they land in
(issue 18, ADR 0041): pure functions, no database.

- Partners: a cell lists several organisations. It is split on ";" and line breaks always, and on
  " and " only where every side is an organisation on its own: a name the register or the file already
  has, a name with an org-id in brackets, or two or more words ending in a word organisations' names
  end in ("Chorley Council and Lancashire Constabulary"); of the ways to group the sides, the one with
  the most organisations wins. So "Black and Minority Ethnic Forum", "Health and Wellbeing Board" and
  "Lancashire Fire and Rescue Service" stay whole, and "Chorley Council and Lancashire Fire and
  Rescue Service" is two. A name it keeps whole is in the preview's new organisations, to check; ";"
  in the cell splits it for certain. An org-id in
  brackets ("BID Company Ltd (GB-COH-11223344)") is taken out of the name.
- Governance document: the kind of document and its status, from the words that name it ("Terms of
  reference", "MoU (signed)"); a status the text does not state is "Not known".
- The review duty: the framework's own repeating review of the partnership.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from accord.frameworks.durations import parse
from accord.frameworks.schema import Framework, Obligation

# Words an organisation's name ends in: a side of " and " ending in one is a name of its own.
ORGANISATION_WORDS = frozenset(
    """council councils authority authorities trust trusts police constabulary service services board
    partnership partnerships association associations forum group commissioner ltd limited plc llp cic
    cio university college school academy foundation charity society agency icb nhs company companies
    federation network alliance centre center institute church diocese team office department
    consortium""".split()
)
_SEPARATORS = re.compile(r"\s*(?:;|\r\n|\r|\n)+\s*")
_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
_BRACKETED = re.compile(
    r"^(?P<name>.*?)\s*[(\[]\s*(?P<org_id>[A-Za-z]{2}-[A-Za-z]{2,6}-[^()\[\]\s]+)\s*[)\]]\s*$"
)
_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class Partner:
    name: str
    org_id: str = ""  # as written in brackets, not yet checked


def partner(text: str) -> Partner:
    """One partner as written: its name, and the org-id in brackets after it if there is one."""
    text = text.strip().strip(",").strip()
    match = _BRACKETED.match(text)
    if match and match["name"].strip():
        return Partner(match["name"].strip(), match["org_id"].strip().upper())
    return Partner(text)


def _stands_alone(text: str, known: Callable[[str], bool]) -> bool:
    found = partner(text)
    if found.org_id or known(found.name):
        return True
    words = _WORD.findall(found.name.lower())
    return len(words) >= 2 and words[-1] in ORGANISATION_WORDS


MOST_ANDS = 8  # a cell piece with more " and "s than this is kept whole


def _groups(sides: list[str], known: Callable[[str], bool]) -> list[str]:
    """The most organisations the sides of " and " make, each group standing alone (see the module's
    rule): "Chorley Council and Lancashire Fire and Rescue Service" is two. The piece whole if none."""
    best: list[str] = [" and ".join(sides)]
    if len(sides) - 1 > MOST_ANDS:
        return best
    for cuts in range(1 << (len(sides) - 1)):
        groups, current = [], [sides[0]]
        for index, side in enumerate(sides[1:]):
            if cuts >> index & 1:
                groups.append(" and ".join(current))
                current = [side]
            else:
                current.append(side)
        groups.append(" and ".join(current))
        if len(groups) > len(best) and all(_stands_alone(g, known) for g in groups):
            best = groups
    return best


def split_partners(cell: str, known: Callable[[str], bool] = lambda name: False) -> list[Partner]:
    """The partners a cell lists, in order, each once (see the module's rule for " and ")."""
    found: list[Partner] = []
    for piece in _SEPARATORS.split(cell or ""):
        piece = " ".join(piece.split())
        if piece:
            found += [partner(group) for group in _groups(_AND.split(piece), known)]
    unique: dict[tuple[str, str], Partner] = {}
    for one in found:
        if one.name:
            unique.setdefault((one.name.lower(), one.org_id), one)
    return list(unique.values())


# Governance documents -------------------------------------------------------------------------------

DOCUMENT_WORDS = (  # (words in the name, document type), the first match wins
    (("terms of reference", "tor", "tors"), "terms_of_reference"),
    (("memorandum of understanding", "mou"), "mou"),
    (("constitution", "articles of association"), "constitution"),
    (("contract", "service level agreement", "sla"), "contract"),
    (("agreement", "protocol", "compact", "charter"), "agreement"),
)
STATUS_WORDS = (("unsigned", "draft"), ("signed", "signed"), ("agreed", "agreed"), ("draft", "draft"))
DEFAULT_DOCUMENT = "agreement"
UNKNOWN_STATUS = "unknown"


def _has(text: str, words: tuple[str, ...]) -> bool:
    padded = f" {' '.join(_WORD.findall(text.lower()))} "
    return any(f" {word} " in padded for word in words)


def document_type(text: str) -> str | None:
    """The kind of governing document its name says, or None when it does not say."""
    return next((kind for words, kind in DOCUMENT_WORDS if _has(text, words)), None)


def document_status(text: str) -> str | None:
    """The status its name states ("signed", "agreed", "draft"), or None when it states none."""
    return next((status for word, status in STATUS_WORDS if _has(text, (word,))), None)


# The review duty --------------------------------------------------------------------------------------

_SOME_DAY = date(2000, 1, 1)


def review_duty(framework: Framework) -> Obligation | None:
    """The framework's duty to review the partnership, which a register's "Last reviewed" date meets:
    a repeating obligation met by a review artefact, counted from the partnership (not from its
    agreement's signing); one whose name says "review" before one that does not (Chorley's three-yearly
    review, not its annual governance check); then the most frequent (an annual review before a
    three-yearly one). Failing that, the review of the agreement (Bury has only that). None if the
    framework has no review duty at all."""
    kinds = {a.id: a.kind for a in framework.artefacts}
    reviews = [o for o in framework.obligations if o.repeat and kinds.get(o.artefact) == "review"]
    own = [o for o in reviews if o.anchor != "agreement_signed"] or reviews
    if not own:
        return None
    return min(
        own,
        key=lambda o: ("review" not in f"{o.id} {o.name}".lower(), parse(o.repeat or "P1Y").after(_SOME_DAY)),
    )
