"""Values as councils write them — money, dates and yes/no — read one way by every route.

The importer (spreadsheet cells), the web forms and the API all read through these functions, so
"£1.25m", "1,250,000" or 31/03/25 means the same thing however it arrives, and a value one route
refuses every route refuses, in the same words (ADR 0038). Pure Python: no Django, no database.

- Money: "£1,250,000", "12,500", "£5,000.50", "1.25m", "£1.5 million", "250k"; "(1,000)" and
  "-1,000" are negative (refused unless the caller allows negatives). Blank is unknown (None).
  At most 2 decimal places (pence); less than £1 trillion (what the register's columns hold).
- Dates: 31/03/2025, 31-03-2025, 31.03.2025, 2025-03-31, 31 March 2025, 31 Mar 2025 and two-digit
  years, 31/3/25: 00–69 are 2000–2069 and 70–99 are 1970–1999 (the POSIX reading, and what most
  spreadsheets show). Spreadsheet day numbers (Excel serials) where a cell holds a number.
  Every date must fall between DATE_MIN and DATE_MAX, whichever route it came by. Blank is unknown.
- Yes/no: Y/N, Yes/No, True/False, ✓/✗ (✔/✘), 1/0, and x for a tick. Blank is unknown (None).
"""

import re
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

DATE_MIN = date(1900, 1, 1)
DATE_MAX = date(2100, 12, 31)
MONEY_MAX = Decimal("999999999999.99")  # the register's money columns: 14 digits, 2 of them pence
EXCEL_EPOCH = date(1899, 12, 30)  # day 0 of a spreadsheet's day numbers (1900 date system)
TWO_DIGIT_PIVOT = 70  # two-digit years below this are 20xx, the rest 19xx

# The reasons, each finishing a sentence that starts with the field's label.
MONEY_FORMAT = "must be an amount in pounds, like 12,500 or £1.25m"
MONEY_NEGATIVE = "must be £0 or more"
MONEY_PENCE = "must be in pounds and pence, with no more than 2 decimal places"
MONEY_TOO_LARGE = "must be less than £1 trillion"
DATE_FORMAT = "must be a date, like 31/03/2025, 2025-03-31 or 31 March 2025"
DATE_NOT_REAL = "must be a real date"
DATE_RANGE = f"must be between {DATE_MIN.day} January {DATE_MIN.year} and 31 December {DATE_MAX.year}"
YEAR_DIGITS = "year must include 4 numbers"
YES_NO = "must be Yes or No"

_LONGEST = 100  # characters: longer text is not an amount or a date, whatever it holds
_SPACES = re.compile(r"[\s\u00a0\u2009\u202f]+")
_GROUPED = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^\.\d+$")
_SCALES = {
    "": 1,
    "k": 1_000,
    "thousand": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "million": 1_000_000,
    "bn": 1_000_000_000,
    "billion": 1_000_000_000,
}
_AMOUNT = re.compile(r"^(?P<number>[\d,.]+)(?P<scale>[a-z]*)$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00(?:\.0+)?)?)?$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$")
_WORDS = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+)\.?,? (\d{4}|\d{2})$")
_MONTHS = {
    name: number
    for number, full in enumerate(
        "january february march april may june july august september october november december".split(),
        start=1,
    )
    for name in (full, full[:3], "sept" if full == "september" else full)
}
YES_WORDS = frozenset({"y", "yes", "true", "1", "x", "✓", "✔", "☑"})
NO_WORDS = frozenset({"n", "no", "false", "0", "✗", "✘", "☒"})


class ValueProblem(ValueError):
    """A value that cannot be read. `str()` is the sentence for a form or the API; `with_value()`
    adds the value as written, for a spreadsheet row."""

    def __init__(self, label: str, reason: str, shown: str = "") -> None:
        self.label, self.reason, self.shown = label, reason, shown
        super().__init__(f"{label} {reason}")

    @property
    def message(self) -> str:
        return f"{self.label} {self.reason}"

    def with_value(self) -> str:
        return f'{self.label} "{self.shown}" {self.reason}' if self.shown else self.message


def _shown(value: object, limit: int = 40) -> str:
    text = _SPACES.sub(" ", str(value)).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _text(raw: object) -> str:
    return _SPACES.sub(" ", str(raw)).strip()


# Money ---------------------------------------------------------------------------------------------


def _amount_in_text(text: str, label: str) -> Decimal:
    """The signed amount a piece of text writes, before the limits are checked."""
    shown = _shown(text)
    value = text.lower().replace(" ", "")
    negative = False
    if value.startswith("(") and value.endswith(")"):
        negative, value = True, value[1:-1]
    for sign in ("-", "−", "–"):  # hyphen, minus sign, en dash: a minus, however typed
        for at in ("", "£", "gbp"):
            if value.startswith(at + sign):
                negative, value = True, at + value[len(at) + 1 :]
    value = value.removeprefix("£").removeprefix("gbp").removesuffix("gbp")
    match = _AMOUNT.match(value)
    if not match or match["scale"] not in _SCALES or not _GROUPED.match(match["number"]):
        raise ValueProblem(label, MONEY_FORMAT, shown)
    amount = Decimal(match["number"].replace(",", "")) * _SCALES[match["scale"]]
    return -amount if negative else amount


def parse_money(raw: object, label: str = "Amount", *, negative: bool = False) -> Decimal | None:
    """An amount in pounds (pence as decimals), None when blank, else ValueProblem.

    Numbers from a spreadsheet cell are rounded to the penny (a float cannot hold 0.1 exactly);
    written amounts must not go beyond pence.
    """
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise ValueProblem(label, MONEY_FORMAT, str(raw))
    if isinstance(raw, int | float | Decimal):
        try:
            amount = Decimal(str(raw))
        except InvalidOperation:
            raise ValueProblem(label, MONEY_FORMAT, _shown(raw)) from None
        if not amount.is_finite():
            raise ValueProblem(label, MONEY_FORMAT, _shown(raw))
        shown = _shown(raw)
        if isinstance(raw, float) and abs(amount) <= MONEY_MAX:
            amount = amount.quantize(Decimal("0.01"))
    else:
        text = _text(raw)
        if not text:
            return None
        if len(text) > _LONGEST:
            raise ValueProblem(label, MONEY_FORMAT, _shown(text))
        shown = _shown(text)
        amount = _amount_in_text(text, label)
    if amount < 0 and not negative:
        raise ValueProblem(label, MONEY_NEGATIVE, shown)
    if abs(amount) > MONEY_MAX:
        raise ValueProblem(label, MONEY_TOO_LARGE, shown)
    pence = amount.quantize(Decimal("0.01"))
    if pence != amount:
        raise ValueProblem(label, MONEY_PENCE, shown)
    return pence + 0  # no negative zero


# Dates ---------------------------------------------------------------------------------------------


def full_year(year: int, digits: int) -> int:
    """A year as written with `digits` digits: two-digit years 00–69 are 2000s, 70–99 are 1900s."""
    if digits != 2:
        return year
    return 2000 + year if year < TWO_DIGIT_PIVOT else 1900 + year


def in_range(value: date, label: str = "Date", shown: str = "") -> date:
    """The date itself if every route allows it, else ValueProblem (DATE_RANGE)."""
    if isinstance(value, datetime):
        value = value.date()
    if not DATE_MIN <= value <= DATE_MAX:
        raise ValueProblem(label, DATE_RANGE, shown)
    return value


def real_date(year: int, month: int, day: int, label: str = "Date", shown: str = "") -> date:
    """The date of these numbers, in range, or ValueProblem (not a real date, or out of range)."""
    try:
        value = date(year, month, day)
    except (ValueError, OverflowError):
        if 1 <= month <= 12 and 1 <= day <= 31 and not DATE_MIN.year <= year <= DATE_MAX.year:
            raise ValueProblem(label, DATE_RANGE, shown) from None
        raise ValueProblem(label, DATE_NOT_REAL, shown) from None
    return in_range(value, label, shown)


def _date_in_text(text: str, label: str) -> date:
    shown = _shown(text)
    lowered = text.lower()
    if match := _ISO.match(lowered):
        year, month, day = (int(part) for part in match.groups())
        return real_date(year, month, day, label, shown)
    if match := _NUMERIC.match(lowered):
        day, month = int(match[1]), int(match[2])
        return real_date(full_year(int(match[3]), len(match[3])), month, day, label, shown)
    if (match := _WORDS.match(lowered)) and match[2] in _MONTHS:
        year = full_year(int(match[3]), len(match[3]))
        return real_date(year, _MONTHS[match[2]], int(match[1]), label, shown)
    raise ValueProblem(label, DATE_FORMAT, shown)


def parse_date(raw: object, label: str = "Date") -> date | None:
    """A date as a council writes it (or a spreadsheet holds it), None when blank, else ValueProblem."""
    if raw is None:
        return None
    if isinstance(raw, datetime | date):
        return in_range(raw, label, _shown(raw.strftime("%d/%m/%Y") if raw.year >= 1000 else raw))
    if isinstance(raw, int | float | Decimal) and not isinstance(raw, bool):
        return spreadsheet_day(raw, label)
    text = _text(raw)
    if not text:
        return None
    if len(text) > _LONGEST:
        raise ValueProblem(label, DATE_FORMAT, _shown(text))
    return _date_in_text(text, label)


def spreadsheet_day(number: float | Decimal, label: str = "Date") -> date:
    """The date a spreadsheet's day number stands for (1 is 1 January 1900; 45383 is 1 April 2024)."""
    shown = _shown(number)
    finite = not isinstance(number, Decimal) or number.is_finite()
    # NaN, or no day number a register would hold
    if not finite or number != number or not 1 <= number < 80_000:
        raise ValueProblem(label, DATE_FORMAT, shown)
    found = EXCEL_EPOCH + timedelta(days=int(number))
    return in_range(found, label, found.strftime("%d/%m/%Y"))


def date_from_parts(day: str, month: str, year: str, label: str = "Date") -> date | None:
    """A date typed into GOV.UK's three boxes (day, month, year); None when all three are empty."""
    day, month, year = (_text(part or "") for part in (day, month, year))
    if not (day or month or year):
        return None
    missing = [name for name, part in (("day", day), ("month", month), ("year", year)) if not part]
    if missing:
        raise ValueProblem(label, f"must include a {' and '.join(missing)}")
    if not all(part.isascii() and part.isdigit() and len(part) <= 4 for part in (day, month, year)):
        raise ValueProblem(label, DATE_NOT_REAL)
    if len(year) != 4:
        raise ValueProblem(label, YEAR_DIGITS)
    return real_date(int(year), int(month), int(day), label)


# Yes or no -----------------------------------------------------------------------------------------


def parse_yes_no(raw: object, label: str = "Answer") -> bool | None:
    """True for yes, False for no, None when blank (unknown), else ValueProblem."""
    if raw is None or isinstance(raw, bool):
        return raw
    if isinstance(raw, int | float | Decimal) and (not isinstance(raw, Decimal) or raw.is_finite()):
        if raw in (0, 1):
            return raw == 1
    text = _text(raw)
    answer = text.lower().rstrip(".")
    if not answer:
        return None
    if answer in YES_WORDS:
        return True
    if answer in NO_WORDS:
        return False
    raise ValueProblem(label, YES_NO, _shown(text))
