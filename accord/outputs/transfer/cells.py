"""Reading one spreadsheet cell as the value a register field holds, or a problem in plain words.

Every function takes whatever a spreadsheet can hold (text, a number, a date, nothing) and returns
a clean value or raises `CellProblem` with a message a council officer can act on. Nothing else
escapes: the property test feeds hostile values through `read`.
"""

import re
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError

from accord.kernel import values
from accord.kernel.ui.spreadsheet import strip_guard
from accord.kernel.values import ValueProblem
from accord.register.orgid import normalise, validate_org_id

from . import columns as c

MAX_CELL = 20_000  # characters kept from any one cell before checking its length
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
_YEAR = re.compile(r"^(\d{4})(?:\s*[/-]\s*(\d{2}|\d{4}))?$")


class CellProblem(Exception):
    """A cell that cannot be read; the message says why, naming the column."""


def clean_text(raw: Any) -> str:
    """Text as the register keeps it: control characters removed, spaces trimmed, numbers unpadded."""
    if raw is None:
        return ""
    if isinstance(raw, bool):
        return "Yes" if raw else "No"
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if isinstance(raw, datetime):
        raw = raw.date() if raw.time() == datetime.min.time() else raw
    if isinstance(raw, date) and not isinstance(raw, datetime):
        raw = raw.strftime("%d/%m/%Y")
    value = _CONTROL.sub("", str(raw)[:MAX_CELL]).replace("\r\n", "\n").replace("\r", "\n").strip()
    return strip_guard(value)  # the apostrophe exports put before text a spreadsheet would run


def _shown(value: str, limit: int = 40) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _text(column: c.Column, raw: Any) -> str:
    value = clean_text(raw)
    if column.max_length and len(value) > column.max_length:
        raise CellProblem(
            f"{column.header} must be {column.max_length:,} characters or fewer (it has {len(value):,})"
        )
    return value


def _value(reading: Callable[[], Any]) -> Any:
    """A value read by the kernel's parser (the one the web forms and the API use), or CellProblem."""
    try:
        return reading()
    except ValueProblem as problem:
        raise CellProblem(problem.with_value()) from None


def read_date(column: c.Column, raw: Any) -> date | None:
    cleaned = raw if isinstance(raw, date | int | float | Decimal) or raw is None else clean_text(raw)
    return _value(lambda: values.parse_date(cleaned, column.header))


def read_money(column: c.Column, raw: Any) -> Decimal | None:
    cleaned = raw if isinstance(raw, int | float | Decimal) or raw is None else clean_text(raw)
    return _value(lambda: values.parse_money(cleaned, column.header))


def read_whole(column: c.Column, raw: Any, top: int = 10_000) -> int | None:
    if raw is None or raw == "":
        return None
    if isinstance(raw, float) and raw == raw and raw.is_integer() and abs(raw) < 1e12:
        raw = int(raw)
    value = raw if isinstance(raw, int) and not isinstance(raw, bool) else clean_text(raw).replace(",", "")
    if isinstance(value, str):
        if not value:
            return None
        if not value.isascii() or not value.isdigit() or len(value) > 9:
            raise CellProblem(f'{column.header} "{_shown(value)}" must be a whole number, like 120')
        value = int(value)
    if not 0 <= value <= top:
        raise CellProblem(f"{column.header} must be between 0 and {top:,}")
    return value


def read_year(column: c.Column, raw: Any) -> int | None:
    if isinstance(raw, float) and raw == raw and raw.is_integer() and abs(raw) < 1e6:
        raw = int(raw)
    value = str(raw) if isinstance(raw, int) and not isinstance(raw, bool) else clean_text(raw)
    match = _YEAR.match(value)
    if not value and not column.required:
        return None  # an optional year, e.g. a one-sheet register's contribution year
    if not value:
        raise CellProblem(f"Enter the {column.header.lower()}, like 2025/26")
    if not match or not 1990 <= int(match.group(1)) <= 2100:
        raise CellProblem(f'{column.header} "{_shown(value)}" is not a financial year, like 2025/26')
    return int(match.group(1))


def read_yesno(column: c.Column, raw: Any) -> bool:
    """Yes or no; blank is no, as these columns have no "not known"."""
    cleaned = raw if isinstance(raw, bool | int | float | Decimal) or raw is None else clean_text(raw)
    return bool(_value(lambda: values.parse_yes_no(cleaned, column.header)))


def read_choice(column: c.Column, raw: Any) -> str:
    text = clean_text(raw)
    value = c.squash(text)
    if not text:
        return ""
    for code, label in column.choices:
        if value and value in (c.squash(code), c.squash(label)):
            return code
    if column.yes_no:  # a choice that answers a yes/no question: Statutory? Y
        try:
            answer = values.parse_yes_no(text, column.header)
        except ValueProblem:
            answer = None
        if answer is not None:
            return column.yes_no[0] if answer else column.yes_no[1]
    allowed = ", ".join(label for _, label in column.choices)
    raise CellProblem(f'{column.header} "{_shown(text)}" is not one of: {allowed}')


def read_org_id(column: c.Column, raw: Any) -> str:
    value = normalise(clean_text(raw))
    if not value:
        return ""
    try:
        validate_org_id(value)
    except ValidationError as problem:
        message = " ".join(str(m) for m in problem.messages)
        raise CellProblem(f'{column.header} "{_shown(value)}": {message}') from None
    return value


_READERS = {
    c.DATE: read_date,
    c.MONEY: read_money,
    c.WHOLE: read_whole,
    c.YEAR: read_year,
    c.YESNO: read_yesno,
    c.CHOICE: read_choice,
    c.ORG_ID: read_org_id,
}


def read(column: c.Column, raw: Any) -> Any:
    """The cell's value for this column; CellProblem if it cannot be read or a required cell is empty."""
    reader = _READERS.get(column.kind)
    if reader is None:  # text, and reference-list names (matched against the lists later)
        value = _text(column, raw) if column.kind == c.TEXT else _text(column, raw)[:200]
    else:
        value = reader(column, raw)
    if column.required and value in ("", None):
        named = column.header[:1].lower() + column.header[1:]
        raise CellProblem(f"Enter {named}" if named.startswith("the ") else f"Enter the {named}")
    return value
