"""The one parser for values as councils write them: money, dates and yes/no (accord.kernel.values)."""

from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.kernel import values as v
from accord.kernel.values import ValueProblem

PENCE = v.MONEY_PENCE
NOT_A_DATE = v.DATE_FORMAT
MONEY = [
    ("£1,250,000", Decimal("1250000")),
    ("1,250,000", Decimal("1250000")),
    ("12,500", Decimal("12500")),
    ("12500", Decimal("12500")),
    ("£45,000", Decimal("45000")),
    ("£5,000.50", Decimal("5000.50")),
    ("£ 5,000.5", Decimal("5000.50")),
    ("0.75", Decimal("0.75")),
    ("1.25m", Decimal("1250000")),
    ("£1.25m", Decimal("1250000")),
    ("£1.25M", Decimal("1250000")),
    ("1.5 million", Decimal("1500000")),
    ("£2 Million", Decimal("2000000")),
    ("250k", Decimal("250000")),
    ("£12.5K", Decimal("12500")),
    ("1bn", Decimal("1000000000")),
    ("12 500", Decimal("12500")),
    ("12\u00a0500", Decimal("12500")),  # a no-break space, as some spreadsheets group thousands
    ("GBP 300", Decimal("300")),
    ("0", Decimal("0")),
    ("£0.00", Decimal("0")),
    ("999,999,999,999.99", Decimal("999999999999.99")),
    (12500, Decimal("12500")),
    (1234.5, Decimal("1234.50")),
    (0.1 + 0.2, Decimal("0.30")),  # a spreadsheet's float, rounded to the penny
    (Decimal("45000.10"), Decimal("45000.10")),
    ("", None),
    ("   ", None),
    (None, None),
]


@pytest.mark.parametrize(("written", "amount"), MONEY)
def test_money_as_councils_write_it(written, amount):
    assert v.parse_money(written, "Council contribution") == amount


@pytest.mark.parametrize(
    ("written", "amount"),
    [("(1,000)", Decimal("-1000")), ("-1,000", Decimal("-1000")), ("-£1,000", Decimal("-1000")),
     ("£-1,000", Decimal("-1000")), ("−£3.50", Decimal("-3.50")), ("(£1.2m)", Decimal("-1200000"))],
)  # fmt: skip
def test_negative_amounts_are_read_where_negatives_are_allowed(written, amount):
    assert v.parse_money(written, "Balance", negative=True) == amount


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("(1,000)", 'Amount (£) "(1,000)" must be £0 or more'),
        ("-1,000", 'Amount (£) "-1,000" must be £0 or more'),
        (-5, 'Amount (£) "-5" must be £0 or more'),
        ("lots", 'Amount (£) "lots" must be an amount in pounds, like 12,500 or £1.25m'),
        ("1,25", 'Amount (£) "1,25" must be an amount in pounds, like 12,500 or £1.25m'),
        ("12,50,000", 'Amount (£) "12,50,000" must be an amount in pounds, like 12,500 or £1.25m'),
        ("1e6", 'Amount (£) "1e6" must be an amount in pounds, like 12,500 or £1.25m'),
        ("£", 'Amount (£) "£" must be an amount in pounds, like 12,500 or £1.25m'),
        ("$500", 'Amount (£) "$500" must be an amount in pounds, like 12,500 or £1.25m'),
        ("1.2.3", 'Amount (£) "1.2.3" must be an amount in pounds, like 12,500 or £1.25m'),
        ("5 quid", 'Amount (£) "5 quid" must be an amount in pounds, like 12,500 or £1.25m'),
        (True, 'Amount (£) "True" must be an amount in pounds, like 12,500 or £1.25m'),
        (float("nan"), 'Amount (£) "nan" must be an amount in pounds, like 12,500 or £1.25m'),
        ("£5,000.555", f'Amount (£) "£5,000.555" {PENCE}'),
        ("1.234567891m", f'Amount (£) "1.234567891m" {PENCE}'),
        ("£1,000,000,000,000", 'Amount (£) "£1,000,000,000,000" must be less than £1 trillion'),
        ("2000bn", 'Amount (£) "2000bn" must be less than £1 trillion'),
    ],
)  # fmt: skip
def test_money_that_cannot_be_read_is_refused_in_plain_words(written, message):
    with pytest.raises(ValueProblem) as refused:
        v.parse_money(written, "Amount (£)")
    assert refused.value.with_value() == message
    assert str(refused.value) == message.replace(f' "{refused.value.shown}"', "")


DATES = [
    ("31/03/2025", date(2025, 3, 31)),
    ("1/4/2024", date(2024, 4, 1)),
    ("01/04/24", date(2024, 4, 1)),
    ("1/4/69", date(2069, 4, 1)),  # two-digit years 00–69 are this century…
    ("1/4/70", date(1970, 4, 1)),  # …and 70–99 the last
    ("1/4/99", date(1999, 4, 1)),
    ("1/4/00", date(2000, 4, 1)),
    ("31-03-2025", date(2025, 3, 31)),
    ("31.03.2025", date(2025, 3, 31)),
    ("2025-03-31", date(2025, 3, 31)),
    ("2025-3-1", date(2025, 3, 1)),
    ("2025-03-31 00:00:00", date(2025, 3, 31)),
    ("1 April 2024", date(2024, 4, 1)),
    ("1 Apr 2024", date(2024, 4, 1)),
    ("1st April 2024", date(2024, 4, 1)),
    ("23rd Sept 2024", date(2024, 9, 23)),
    ("  1  APRIL  2024 ", date(2024, 4, 1)),
    ("29/02/2024", date(2024, 2, 29)),
    ("01/01/1900", date(1900, 1, 1)),
    ("31/12/2100", date(2100, 12, 31)),
    (date(2024, 4, 1), date(2024, 4, 1)),
    (datetime(2024, 4, 1, 0, 0), date(2024, 4, 1)),
    (45383, date(2024, 4, 1)),  # a spreadsheet's day number
    (45383.0, date(2024, 4, 1)),
    ("", None),
    (None, None),
]


@pytest.mark.parametrize(("written", "day"), DATES)
def test_dates_as_councils_write_them(written, day):
    assert v.parse_date(written, "Start date") == day


RANGE = "must be between 1 January 1900 and 31 December 2100"


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("31/02/2024", 'Start date "31/02/2024" must be a real date'),
        ("29/02/2023", 'Start date "29/02/2023" must be a real date'),
        ("2024-13-01", 'Start date "2024-13-01" must be a real date'),
        ("01/01/0001", f'Start date "01/01/0001" {RANGE}'),
        ("0001-01-01", f'Start date "0001-01-01" {RANGE}'),
        ("31/12/9999", f'Start date "31/12/9999" {RANGE}'),
        ("31/12/1899", f'Start date "31/12/1899" {RANGE}'),
        ("01/01/2101", f'Start date "01/01/2101" {RANGE}'),
        (date(1, 1, 1), f'Start date "0001-01-01" {RANGE}'),
        ("next Tuesday", f'Start date "next Tuesday" {NOT_A_DATE}'),
        ("1 Smarch 2024", f'Start date "1 Smarch 2024" {NOT_A_DATE}'),
        ("04/2024", f'Start date "04/2024" {NOT_A_DATE}'),
        ("1/4/202", f'Start date "1/4/202" {NOT_A_DATE}'),
        (0, f'Start date "0" {NOT_A_DATE}'),
        (float("inf"), f'Start date "inf" {NOT_A_DATE}'),
    ],
)  # fmt: skip
def test_dates_that_cannot_be_read_are_refused_in_plain_words(written, message):
    with pytest.raises(ValueProblem) as refused:
        v.parse_date(written, "Start date")
    assert refused.value.with_value() == message


@pytest.mark.parametrize(
    ("parts", "outcome"),
    [
        (("1", "4", "2024"), date(2024, 4, 1)),
        ((" 01 ", "04", "2024"), date(2024, 4, 1)),
        (("", "", ""), None),
        (("1", "1", "0001"), f"Start date {RANGE}"),
        (("31", "12", "9999"), f"Start date {RANGE}"),
        (("1", "1", "1"), "Start date year must include 4 numbers"),
        (("31", "2", "2024"), "Start date must be a real date"),
        (("1", "April", "2024"), "Start date must be a real date"),
        (("", "4", "2024"), "Start date must include a day"),
        (("1", "", ""), "Start date must include a month and year"),
    ],
)
def test_gov_uk_date_boxes_share_the_range_and_words(parts, outcome):
    if isinstance(outcome, str):
        with pytest.raises(ValueProblem) as refused:
            v.date_from_parts(*parts, label="Start date")
        assert str(refused.value) == outcome
    else:
        assert v.date_from_parts(*parts, label="Start date") == outcome


@pytest.mark.parametrize(
    ("written", "answer"),
    [("Y", True), ("y", True), ("Yes", True), ("YES", True), ("True", True), ("1", True), (1, True),
     ("x", True), ("X", True), ("✓", True), ("✔", True), (True, True),
     ("N", False), ("no", False), ("No.", False), ("FALSE", False), ("0", False), (0, False), ("✗", False),
     ("✘", False), (False, False), ("", None), ("  ", None), (None, None)],
)  # fmt: skip
def test_yes_and_no_as_councils_write_them(written, answer):
    assert v.parse_yes_no(written, "Risk register") is answer


@pytest.mark.parametrize("written", ["maybe", "2", 2, "yes please", "?"])
def test_other_answers_are_not_yes_or_no(written):
    with pytest.raises(ValueProblem) as refused:
        v.parse_yes_no(written, "Risk register")
    assert refused.value.with_value() == f'Risk register "{written}" must be Yes or No'


anything = st.one_of(
    st.none(),
    st.text(max_size=200),
    st.text(alphabet=st.sampled_from("£$()-−.,0123456789 kmMbnKillion/\u00a0 ApriljanSept:T"), max_size=30),
    st.from_regex(r"\(?[£-]?[\d,]{0,20}(\.\d{0,5})?\s?(k|m|bn|million)?\)?", fullmatch=True),
    st.from_regex(r"\d{1,4}[/.-]\d{1,4}[/.-]\d{1,6}", fullmatch=True),
    st.from_regex(r"\d{1,3}(st|nd)? [A-Za-z]{1,9} \d{1,5}", fullmatch=True),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(min_value=date(1, 1, 1)),
    st.datetimes(min_value=datetime(1, 1, 1)),
)


@settings(max_examples=400, deadline=None)
@given(raw=anything, negative=st.booleans())
def test_the_parser_gives_a_value_or_its_own_problem_and_nothing_else(raw, negative):
    for read in (
        lambda: v.parse_money(raw, "Amount", negative=negative),
        lambda: v.parse_date(raw, "Date"),
        lambda: v.parse_yes_no(raw, "Answer"),
    ):
        try:
            value = read()
        except ValueProblem as problem:
            assert str(problem).startswith(("Amount ", "Date ", "Answer ")) and len(str(problem)) < 200
            continue
        if isinstance(value, Decimal):
            assert value == value.quantize(Decimal("0.01")) and abs(value) <= v.MONEY_MAX
            assert negative or value >= 0
        if isinstance(value, date):
            assert v.DATE_MIN <= value <= v.DATE_MAX


@settings(max_examples=200, deadline=None)
@given(amount=st.decimals(min_value=0, max_value=v.MONEY_MAX, places=2))
def test_an_amount_written_the_gov_uk_way_reads_back_as_itself(amount):
    assert v.parse_money(f"£{amount:,.2f}", "Amount") == amount


@settings(max_examples=200, deadline=None)
@given(day=st.dates(min_value=v.DATE_MIN, max_value=v.DATE_MAX))
def test_a_date_in_every_spelling_reads_back_as_itself(day):
    for written in (f"{day:%d/%m/%Y}", day.isoformat(), f"{day.day} {day:%B %Y}", f"{day.day} {day:%b %Y}"):
        assert v.parse_date(written, "Date") == day
