"""Hypothesis strategies for hostile input: what a careless paste, a broken spreadsheet or an attacker sends.

Every hostile HTML string carries MARKER_TAG or MARKER_ATTR, so a page that reflects one unescaped is
caught by `reflected_unescaped`. `form_body` turns a form's fields (tests/fuzz/forms.py reads them from
the page) into a POST body where a few fields are hostile and the rest plausible, so the hostile value
gets past "this field is required" and reaches the code that saves it.
"""

import re
from dataclasses import dataclass, field

from hypothesis import strategies as st

MARKER_TAG = "<fuzz-xss"
MARKER_ATTR = "fuzz-attr="
_UNESCAPED = re.compile(r"<fuzz-xss|[\"'] ?fuzz-attr=")


def reflected_unescaped(html: str) -> bool:
    """True when a hostile marker reached the page as markup rather than as escaped text."""
    return bool(_UNESCAPED.search(html))


def huge_text(min_size: int = 10_000, max_size: int = 200_000) -> st.SearchStrategy[str]:
    """A very long string, built by repeating a short drawn piece (drawing 200k characters one by one
    would be slow and trip Hypothesis's data limits)."""
    return st.builds(
        lambda piece, size: (piece * (size // len(piece) + 1))[:size],
        st.text(min_size=1, max_size=12) | st.sampled_from(["x", "é", "😀", "\x00", "<fuzz-xss>"]),
        st.integers(min_value=min_size, max_value=max_size),
    )


CONTROL = "".join(chr(c) for c in [*range(0, 32), 127, *range(0x80, 0xA0)])
control_text = st.text(alphabet=CONTROL + "ab ", min_size=1, max_size=40) | st.sampled_from(
    ["\x00", "a\x00b", "\x00" * 5, "\r\n\r\n", "\t", "\x1b[31mred", "\x08\x08", "line\u2028break", "\x7f"]
)

scripts = st.sampled_from(
    [
        "<fuzz-xss>alert(1)</fuzz-xss>",
        '"><fuzz-xss onerror=alert(1)>',
        "'><fuzz-xss>",
        '" fuzz-attr="1',
        "' fuzz-attr='1",
        "</textarea><fuzz-xss>",
        "</title><fuzz-xss>",
        "</script><fuzz-xss>",
        "javascript:alert('fuzz-attr=')",
        "{{ 7*7 }}<fuzz-xss>{% debug %}",
        "&lt;fuzz-xss&gt; already escaped &amp;",
    ]
)

sql = st.sampled_from(
    [
        "' OR '1'='1",
        "'; DROP TABLE register_partnership; --",
        "1; SELECT pg_sleep(0)--",
        '" OR ""="',
        "%' AND 1=1 --",
        "\\'; --",
        "1 UNION SELECT username, password FROM auth_user",
        "%",
        "_",
        "\\",
    ]
)

odd_unicode = st.sampled_from(
    [
        "\u202eevil\u202c",  # right-to-left override
        "\u200d\u200c\u200b\ufeff",  # joiners, zero-width space, BOM
        "e\u0301\u0301\u0301\u0301\u0301",  # stacked combining marks
        "👩‍👩‍👧‍👦🏳️‍🌈",
        "𝔄𝔠𝔠𝔬𝔯𝔡 \U0001f600 \U00010348",  # astral plane
        "ＡＣＣＯＲＤ ﬁ ℌ ①",  # NFKC look-alikes
        "\ud7ff\ue000\uffff",
        "İıſK",  # case-mapping oddities
        "ﷺ" * 20,
    ]
) | st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=30)

blank = st.sampled_from(["", " ", "   ", "\t", "\n", "\u00a0", "\u3000", "\u2003"])

numbers = st.sampled_from(
    [
        "1e309",
        "-1e309",
        "9" * 40,
        "-" + "9" * 40,
        "99999999999999999999.99",
        "0.0000000000000001",
        "NaN",
        "Infinity",
        "-0",
        "1,000,000",
        "£5",
        "1_000",
        "0x1F",
        "１２３",  # full-width digits
        "٣",  # Arabic-Indic digit
        "1e-400",
    ]
) | st.integers(min_value=-(10**30), max_value=10**30).map(str)

date_parts = st.sampled_from(
    [
        "0",
        "-1",
        "00",
        "31",
        "32",
        "13",
        "99999",
        "2024.5",
        "abc",
        "",
        " 1 ",
        "1e3",
        "٣",
        "２０２４",
        "+1",
        "0x10",
    ]
)


def malformed_date(name: str) -> st.SearchStrategy[dict[str, str]]:
    """The three boxes of a GOV.UK date input, filled with impossible or broken parts."""
    fixed = st.sampled_from(
        [
            ("31", "2", "2024"),
            ("29", "2", "2023"),
            ("0", "0", "0"),
            ("-1", "-1", "-1"),
            ("1", "1", "99999"),
            ("1", "1", "1"),
            ("1", "1", "10000"),
            ("a", "b", "c"),
            ("", "4", "2024"),
            ("1", "", ""),
        ]
    )
    drawn = st.tuples(date_parts, date_parts, date_parts)
    return (fixed | drawn).map(lambda p: {f"{name}-day": p[0], f"{name}-month": p[1], f"{name}-year": p[2]})


hostile_text = st.one_of(
    huge_text(),
    control_text,
    scripts,
    sql,
    odd_unicode,
    blank,
    numbers,
    st.text(max_size=50),
    st.tuples(scripts, control_text, odd_unicode).map("".join),
)
"""One hostile string of any kind."""

short_hostile_text = hostile_text.filter(lambda s: len(s) < 5_000)


@dataclass
class Field:
    """One field of an HTML form: its name, what kind it is, the value the page gave it and, for
    selects, radios and checkboxes, the values it allows."""

    name: str
    kind: str  # text, textarea, hidden, select, radio, checkbox, date, file, number
    value: str = ""
    options: list[str] = field(default_factory=list)


def plausible(f: Field) -> st.SearchStrategy[dict[str, str | list[str]]]:
    """A value the form would likely accept, so that a hostile neighbour is what gets tested."""
    if f.kind == "date":
        return st.just({f"{f.name}-day": "1", f"{f.name}-month": "4", f"{f.name}-year": "2026"})
    if f.kind in ("select", "radio") and f.options:
        usable = [o for o in f.options if o] or f.options
        return st.sampled_from(usable).map(lambda v: {f.name: v})
    if f.kind == "checkbox":
        return st.lists(st.sampled_from(f.options or ["on"]), unique=True).map(lambda v: {f.name: v})
    if f.value:
        return st.just({f.name: f.value})
    if f.kind == "number":
        return st.just({f.name: "1"})
    if "email" in f.name:
        return st.just({f.name: "fuzz@example.org"})
    if "url" in f.name or "link" in f.name:
        return st.just({f.name: "https://example.org/fuzz"})
    return st.just({f.name: "Fuzz value"})


def hostile(f: Field) -> st.SearchStrategy[dict[str, str | list[str]]]:
    """A hostile value for one field (a broken date for a date input, a foreign option for a choice)."""
    if f.kind == "date":
        return malformed_date(f.name) | hostile_text.map(
            lambda t: {f"{f.name}-day": t, f"{f.name}-month": "4", f"{f.name}-year": "2026"}
        )
    if f.kind == "checkbox":
        return st.lists(hostile_text, min_size=1, max_size=3).map(lambda v: {f.name: v})
    return hostile_text.map(lambda v: {f.name: v})


@st.composite
def form_body(draw, fields: list[Field]) -> dict[str, str | list[str]]:
    """A POST body for a form: a few fields (sometimes every one) hostile, the others plausible.
    Hidden fields (a `version`, an expected status) keep the page's value unless chosen as hostile."""
    usable = [f for f in fields if f.kind != "file"]
    if not usable:
        return {}
    everything = draw(st.integers(min_value=0, max_value=5)) == 0
    chosen = (
        {f.name for f in usable}
        if everything
        else draw(st.sets(st.sampled_from([f.name for f in usable]), min_size=1, max_size=3))
    )
    body: dict[str, str | list[str]] = {}
    for f in usable:
        body.update(draw(hostile(f) if f.name in chosen else plausible(f)))
    return body


@st.composite
def query_params(draw, names: list[str]) -> dict[str, str]:
    """GET parameters for a search or filter form, hostile where drawn."""
    chosen = draw(st.sets(st.sampled_from(names), min_size=1)) if names else set()
    return {name: draw(short_hostile_text) for name in chosen}
