"""Finding a sheet's header row when a title, a merged title or notes sit above it.

Council registers often start with a title ("Chorley Council partnership register, 2026"), a
line of notes or a blank row before the headings. Among the first SEARCH_ROWS rows that hold
anything, the header row is the one with the most cells that name a column the register knows
(its headings and their aliases, `columns.guess`), at least two of them; failing that, the
first row as full as half the widest of those rows (headings fill a row; titles and notes do
not); failing that, the first row with anything in it.
"""

from typing import Any

from . import columns as c
from .cells import clean_text

SEARCH_ROWS = 10
SHOWN = 200  # characters kept of a row skipped above the header
HEADING = 80  # characters: longer text is not a heading


def texts(cells: list[Any]) -> list[str]:
    return [clean_text(v) for v in cells]


def choose(sheet: c.Sheet, candidates: list[list[Any]]) -> int:
    """The index among `candidates` (the first rows that hold anything) of the header row."""
    words = [texts(cells) for cells in candidates]
    short = {clean_text(v) for cells in candidates for v in cells if isinstance(v, str) and len(v) <= HEADING}
    keys = {text: c.guess(sheet, text) for text in short if text}  # headings are short text
    known = [len({keys[t] for t in row if keys.get(t)}) for row in words]
    best = max(known, default=0)
    if best >= 2:
        return known.index(best)
    filled = [sum(1 for t in row if t) for row in words]
    widest = max(filled, default=0)
    if widest >= 2:
        return next(i for i, n in enumerate(filled) if n >= max(2, (widest + 1) // 2))
    return known.index(best) if best else 0


def shown(cells: list[Any]) -> str:
    """A skipped row as a line of text for the preview: its cells that hold anything."""
    line = " · ".join(t for t in texts(cells) if t)
    return line if len(line) <= SHOWN else line[: SHOWN - 1] + "…"
