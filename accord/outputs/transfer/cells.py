"""Reading one spreadsheet cell as the value a register field holds, or a problem in plain words.

Every function takes whatever a spreadsheet can hold (text, a number, a date, nothing) and returns
a clean value or raises `CellProblem` with a message a council officer can act on. Nothing else
escapes: the property test feeds hostile values through `read`.
"""

import re
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError

from accord.kernel.ui.spreadsheet import strip_guard
from accord.register.orgid import normalise, validate_org_id

from . import columns as c

MAX_CELL = 20_000  # characters kept from any one cell before checking its length
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00)?)?$")
_UK = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_MONEY = re.compile(r"^-?\d+(\.\d{1,2})?$")
_YEAR = re.compile(r"^(\d{4})(?:\s*[/-]\s*(\d{2}|\d{4}))?$")
EXCEL_EPOCH = date(1899, 12, 30)
MAX_MONEY = Decimal("999999999999.99")
_TRUE = {"yes", "y", "true", "1", "x"}
_FALSE = {"no", "n", "false", "0", ""}


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


def _real_date(column: c.Column, shown: str, year: int, month: int, day: int) -> date:
    try:
        value = date(year, month, day)
    except ValueError:
        raise CellProblem(f"{column.header} {shown} is not a real date") from None
    if not 1900 <= value.year <= 2100:
        raise CellProblem(f"{column.header} {shown} is not a date between 1900 and 2100")
    return value


def read_date(column: c.Column, raw: Any) -> date | None:
    if raw is None or raw == "":
        return None
    if isinstance(raw, datetime):
        return _real_date(column, str(raw), raw.year, raw.month, raw.day)
    if isinstance(raw, date):
        return _real_date(column, str(raw), raw.year, raw.month, raw.day)
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        if raw != raw or not 1 <= raw < 80_000:  # NaN or not an Excel day number
            raise CellProblem(f"{column.header} {_shown(str(raw))} is not a date")
        found = EXCEL_EPOCH + timedelta(days=int(raw))
        return _real_date(column, found.strftime("%d/%m/%Y"), found.year, found.month, found.day)
    value = clean_text(raw)
    if not value:
        return None
    if match := _ISO.match(value):
        year, month, day = (int(g) for g in match.groups())
        return _real_date(column, value, year, month, day)
    if match := _UK.match(value):
        day, month, year = (int(g) for g in match.groups())
        return _real_date(column, value, year, month, day)
    raise CellProblem(
        f'{column.header} "{_shown(value)}" is not a date: write it like 31/03/2025 or 2025-03-31'
    )


def read_money(column: c.Column, raw: Any) -> Decimal | None:
    if raw is None or raw == "":
        return None
    if isinstance(raw, bool):
        raise CellProblem(f"{column.header} must be an amount of money, like £1,234.50")
    if isinstance(raw, int | float | Decimal):
        try:
            value = Decimal(str(raw))
        except InvalidOperation:
            raise CellProblem(f"{column.header} must be an amount of money, like £1,234.50") from None
        if not value.is_finite():
            raise CellProblem(f"{column.header} must be an amount of money, like £1,234.50")
        value = value.quantize(Decimal("0.01")) if abs(value) <= MAX_MONEY else value
    else:
        text_value = clean_text(raw).replace("£", "").replace(",", "").replace(" ", "")
        if not text_value:
            return None
        if not _MONEY.match(text_value):
            shown = _shown(clean_text(raw))
            raise CellProblem(f'{column.header} "{shown}" is not an amount of money, like £1,234.50')
        value = Decimal(text_value)
    if value < 0:
        raise CellProblem(f"{column.header} must be £0 or more")
    if value > MAX_MONEY or value != value.quantize(Decimal("0.01")):
        raise CellProblem(f"{column.header} must be less than £1 trillion, in pounds and pence")
    return value


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


def read_year(column: c.Column, raw: Any) -> int:
    if isinstance(raw, float) and raw == raw and raw.is_integer() and abs(raw) < 1e6:
        raw = int(raw)
    value = str(raw) if isinstance(raw, int) and not isinstance(raw, bool) else clean_text(raw)
    match = _YEAR.match(value)
    if not value:
        raise CellProblem(f"Enter the {column.header.lower()}, like 2025/26")
    if not match or not 1990 <= int(match.group(1)) <= 2100:
        raise CellProblem(f'{column.header} "{_shown(value)}" is not a financial year, like 2025/26')
    return int(match.group(1))


def read_yesno(column: c.Column, raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    value = clean_text(raw).lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise CellProblem(f'{column.header} "{_shown(clean_text(raw))}" must be Yes or No')


def read_choice(column: c.Column, raw: Any) -> str:
    value = c.squash(clean_text(raw))
    if not value:
        return ""
    for code, label in column.choices:
        if value in (c.squash(code), c.squash(label)):
            return code
    allowed = ", ".join(label for _, label in column.choices)
    raise CellProblem(f'{column.header} "{_shown(clean_text(raw))}" is not one of: {allowed}')


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
        raise CellProblem(f"Enter the {column.header[:1].lower() + column.header[1:]}")
    return value
