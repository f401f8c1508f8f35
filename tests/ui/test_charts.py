"""Charts: accessible SVG pictures whose geometry follows the data, each with a table of the same
values, drawn without inline styles, and safe whatever text they are given."""

import math
import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from hypothesis import given
from hypothesis import strategies as st

from accord.kernel.ui import chart_svg, charts

SVG = "{http://www.w3.org/2000/svg}"


def parse(chart: charts.Chart) -> ET.Element:
    return ET.fromstring(str(chart.svg))


def bars(root: ET.Element) -> list[ET.Element]:
    return [e for e in root.iter(f"{SVG}rect") if e.get("class") == "accord-chart__bar"]


def points(root: ET.Element) -> list[ET.Element]:
    return [e for e in root.iter() if e.get("class") == "accord-chart__point"]


def texts(root: ET.Element, klass: str) -> list[str]:
    return ["".join(e.itertext()) for e in root.iter(f"{SVG}text") if e.get("class") == klass]


def relative_luminance(hex_colour: str) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def test_a_bar_chart_is_an_image_named_by_its_title_and_description():
    chart = charts.bar_chart("due", "Obligations due", ["Jan", "Feb"], [charts.Series("Due", [3, 5])])
    root = parse(chart)
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "due-title due-desc"
    assert root.find(f"{SVG}title").get("id") == "due-title"
    assert root.find(f"{SVG}title").text == "Obligations due"
    assert root.find(f"{SVG}desc").get("id") == "due-desc"
    assert "Jan to Feb" in root.find(f"{SVG}desc").text


def test_bar_heights_are_proportional_to_the_values():
    chart = charts.bar_chart("b", "Counts", ["A", "B", "C", "D"], [charts.Series("Count", [1, 2, 4, 8])])
    heights = [float(b.get("height")) for b in bars(parse(chart))]
    assert len(heights) == 4
    assert [h / heights[0] for h in heights] == pytest.approx([1, 2, 4, 8], rel=1e-3)


def test_grouped_bars_sit_side_by_side_one_per_series_and_category():
    series = [charts.Series("Due", [1, 2, 3]), charts.Series("Overdue", [3, 2, 1])]
    root = parse(charts.bar_chart("g", "Due and overdue", ["Jan", "Feb", "Mar"], series))
    found = bars(root)
    assert len(found) == 6
    first, second = [b for b in found if b.get("data-category") == "0"]
    assert float(second.get("x")) == pytest.approx(
        float(first.get("x")) + float(first.get("width")), abs=0.02
    )
    assert first.get("fill") != second.get("fill"), "each series has its own fill (colour or pattern)"


def test_bars_carry_their_values_as_labels_and_the_categories_are_named():
    root = parse(charts.bar_chart("l", "Counts", ["Jan", "Feb"], [charts.Series("Due", [3, 12])]))
    assert texts(root, "accord-chart__value") == ["3", "12"]
    assert texts(root, "accord-chart__category") == ["Jan", "Feb"]


def test_second_series_is_told_apart_by_a_pattern_not_colour_alone():
    root = parse(charts.bar_chart("p", "T", ["A"], [charts.Series("One", [1]), charts.Series("Two", [2])]))
    fills = [b.get("fill") for b in bars(root)]
    assert fills[1] == "url(#p-fill-1)"
    assert root.find(f".//{SVG}pattern[@id='p-fill-1']") is not None


def test_stacked_bars_pile_up_and_the_table_gives_a_total():
    series = [charts.Series("Open", [2, 1]), charts.Series("Done", [3, 1])]
    chart = charts.bar_chart("s", "Actions", ["Q1", "Q2"], series, stacked=True)
    q1 = [b for b in bars(parse(chart)) if b.get("data-category") == "0"]
    lower, upper = sorted(q1, key=lambda b: -float(b.get("y")))
    assert float(upper.get("y")) + float(upper.get("height")) == pytest.approx(
        float(lower.get("y")), abs=0.02
    )
    assert float(upper.get("height")) / float(lower.get("height")) == pytest.approx(3 / 2, rel=1e-3)
    assert chart.head == ["Period", "Open", "Done", "Total"]
    assert chart.rows[0] == ["Q1", "2", "3", "5"]


def test_negative_bars_hang_below_the_zero_line():
    root = parse(charts.bar_chart("n", "Variance", ["A", "B"], [charts.Series("V", [4, -2])], unit="£"))
    up, down = bars(root)
    assert float(down.get("y")) == pytest.approx(float(up.get("y")) + float(up.get("height")), abs=0.02)
    assert float(up.get("height")) == pytest.approx(2 * float(down.get("height")), abs=0.03)
    assert "-£2" in texts(root, "accord-chart__value")


def test_missing_values_are_gaps_and_say_no_data_in_the_table():
    chart = charts.bar_chart("m", "T", ["A", "B", "C"], [charts.Series("S", [1, None, 3])])
    assert [b.get("data-category") for b in bars(parse(chart))] == ["0", "2"]
    assert chart.rows[1] == ["B", "No data"]


def test_all_zero_values_still_draw_an_axis_with_flat_bars():
    chart = charts.bar_chart("z", "Nothing due", ["Jan", "Feb"], [charts.Series("Due", [0, 0])])
    root = parse(chart)
    assert [float(b.get("height")) for b in bars(root)] == [0, 0]
    assert texts(root, "accord-chart__tick") == ["0", "1"]
    assert chart.rows == [["Jan", "0"], ["Feb", "0"]]


def test_a_chart_with_nothing_in_it_says_so():
    chart = charts.bar_chart("e", "Empty", [], [])
    assert "No data to show" in "".join(parse(chart).itertext())
    assert "no data to show" in chart.description
    assert chart.rows == []


def test_values_read_with_their_units():
    assert charts.format_value(Decimal("1234.50"), "£") == "£1,234.5"
    assert charts.format_value(97.5, "%") == "97.5%"
    assert charts.format_value(12, "days") == "12 days"
    assert charts.format_value(-3, "£") == "-£3"
    assert charts.format_value(None) == "No data"
    assert charts.format_value(0.1 + 0.2) == "0.3"


def test_line_chart_points_follow_the_values_and_break_at_gaps():
    actual = charts.Series("Actual", [Decimal("80"), None, Decimal("90"), Decimal("100")])
    target = charts.Series("Target", [90, 90, 90, 90])
    chart = charts.line_chart("i", "Satisfaction", ["Q1", "Q2", "Q3", "Q4"], [actual, target], unit="%")
    root = parse(chart)
    lines = [e for e in root.iter(f"{SVG}polyline")]
    actual_lines = [e for e in lines if e.get("data-series") == "0"]
    assert len(actual_lines) == 1 and len(actual_lines[0].get("points").split()) == 2, "Q1 stands alone"
    assert [e.get("data-series") for e in lines].count("1") == 1
    assert lines[-1].get("stroke-dasharray"), "the second line is dashed, not told apart by colour alone"
    ys = {e.find(f"{SVG}title").text: float(e.get("cy") or e.get("y") or 0) for e in points(root)}
    assert len([k for k in ys if k.startswith("Q")]) == 7  # 3 actual + 4 target (legend keys excluded)
    assert chart.rows[1] == ["Q2", "No data", "90%"]


def test_line_chart_heights_are_linear_in_the_values():
    chart = charts.line_chart("lin", "T", ["A", "B", "C"], [charts.Series("S", [10, 20, 40])])
    circles = [e for e in points(parse(chart)) if e.find(f"{SVG}title").text.startswith(("A", "B", "C"))]
    a, b, c = (float(e.get("cy")) for e in circles)
    assert (a - c) == pytest.approx(3 * (a - b), abs=0.05)


def test_level_chart_places_points_on_their_level_and_names_them_in_the_table():
    levels = ["Weak", "Limited", "Reasonable", "Substantial"]
    chart = charts.level_chart(
        "r", "Ratings", ["2024", "2025", "2026"], levels, [charts.Series("Rating", [0, 3, 2])]
    )
    root = parse(chart)
    assert texts(root, "accord-chart__tick") == levels
    ticks = {
        t.text: float(t.get("y")) for t in root.iter(f"{SVG}text") if t.get("class") == "accord-chart__tick"
    }
    marks = [e for e in points(root) if e.find(f"{SVG}title").text[:4].isdigit()]
    assert [float(e.get("cy")) for e in marks] == pytest.approx(
        [ticks["Weak"], ticks["Substantial"], ticks["Reasonable"]], abs=0.02
    )
    assert chart.rows == [["2024", "Weak"], ["2025", "Substantial"], ["2026", "Reasonable"]]
    assert chart.numeric is False


def test_level_chart_refuses_values_that_are_not_levels():
    with pytest.raises(ValueError):
        charts.level_chart("r", "T", ["A"], ["Low", "High"], [charts.Series("S", [2])])


def test_series_must_match_the_categories():
    with pytest.raises(ValueError):
        charts.bar_chart("x", "T", ["A", "B"], [charts.Series("S", [1])])
    with pytest.raises(ValueError):
        charts.line_chart("x", "T", ["A"], [charts.Series("S", [math.inf])])


def test_hostile_text_is_escaped_everywhere():
    evil = '<script>alert("x")</script>&'
    chart = charts.bar_chart(
        'id"><script>', evil, [evil], [charts.Series(evil, [1])], unit=evil, description=evil
    )
    markup = str(chart.svg)
    assert "<script>" not in markup
    root = parse(chart)  # still well-formed XML
    assert root.find(f"{SVG}title").text == evil
    assert re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", root.get("id"))


def test_no_inline_styles_or_scripts():
    chart = charts.line_chart("c", "T", ["A", "B"], [charts.Series("S", [1, 2]), charts.Series("U", [2, 1])])
    for element in parse(chart).iter():
        assert "style" not in element.attrib
        assert not element.tag.endswith("script")


def test_series_colours_have_enough_contrast_on_white():
    for colour in chart_svg.COLOURS:
        assert (1.05) / (relative_luminance(colour) + 0.05) >= 3


def test_long_category_names_are_shortened_and_turned_with_the_whole_name_as_a_tooltip():
    names = [f"A partnership with a very long name {i}" for i in range(8)]
    root = parse(charts.bar_chart("long", "T", names, [charts.Series("S", list(range(8)))]))
    labels = [e for e in root.iter(f"{SVG}text") if e.get("class") == "accord-chart__category"]
    assert all("rotate(-45" in e.get("transform") for e in labels)
    assert labels[0].find(f"{SVG}title").text == names[0]
    assert len(labels[0].text or "".join(labels[0].itertext())) < len(names[0]) + len(names[0])


def test_the_chart_macro_renders_the_picture_and_a_table_of_the_same_data():
    chart = charts.bar_chart("due", "Obligations due", ["Jan", "Feb"], [charts.Series("Due", [3, 5])])
    html = render_to_string("chart_test.html", {"c": chart}) if False else _render(chart)
    assert html.count("<svg") == 1
    assert '<caption class="govuk-table__caption govuk-table__caption--s">Obligations due</caption>' in html
    assert re.search(r"<th [^>]*>Jan</th>\s*<td [^>]*numeric[^>]*>3</td>", html)
    assert "style=" not in html


def _render(chart: charts.Chart) -> str:
    from django.template import engines

    return (
        engines["jinja2"]
        .from_string('{% from "_chart.html" import chart %}{{ chart(c) }}')
        .render({"c": chart})
    )


finite = st.one_of(
    st.none(),
    st.integers(min_value=-(10**9), max_value=10**9),
    st.floats(min_value=-1e9, max_value=1e9, allow_nan=False),
    st.decimals(min_value=-(10**6), max_value=10**6, allow_nan=False, allow_infinity=False, places=2),
)


@st.composite
def datasets(draw):
    count = draw(st.integers(min_value=0, max_value=14))
    categories = draw(st.lists(st.text(max_size=30), min_size=count, max_size=count))
    series = draw(
        st.lists(
            st.builds(charts.Series, st.text(max_size=20), st.lists(finite, min_size=count, max_size=count)),
            min_size=1,
            max_size=7,
        )
    )
    return categories, series


@given(datasets(), st.booleans())
def test_any_bar_chart_is_well_formed_and_its_bars_stay_in_the_picture(data, stacked):
    categories, series = data
    chart = charts.bar_chart("any", "Any", categories, series, stacked=stacked)
    root = parse(chart)
    height = float(root.get("viewBox").split()[3])
    present = sum(1 for one in series for v in one.values if v is not None)
    found = bars(root)
    assert len(found) == present
    for bar in found:
        assert float(bar.get("height")) >= 0
        assert (
            -0.01 <= float(bar.get("y")) and float(bar.get("y")) + float(bar.get("height")) <= height + 0.01
        )
        assert 0 <= float(bar.get("x")) <= chart_svg.WIDTH
    assert len(chart.rows) == len(categories)
    assert all(len(row) == len(chart.head) for row in chart.rows)


@given(datasets())
def test_any_line_chart_has_a_point_per_value(data):
    categories, series = data
    chart = charts.line_chart("any", "Any", categories, series)
    present = sum(1 for one in series for v in one.values if v is not None)
    root = parse(chart)
    legend = root.find(f"{SVG}g[@class='accord-chart__legend']")
    in_legend = (
        len([e for e in legend.iter() if e.get("class") == "accord-chart__point"])
        if legend is not None
        else 0
    )
    assert len(points(root)) - in_legend == present


@given(st.lists(st.one_of(st.none(), st.integers(0, 3)), max_size=12))
def test_any_level_chart_keeps_its_points_between_the_lowest_and_highest_level(values):
    levels = ["Weak", "Limited", "Reasonable", "Substantial"]
    categories = [str(2000 + i) for i in range(len(values))]
    chart = charts.level_chart("lv", "Ratings", categories, levels, [charts.Series("Rating", values)])
    root = parse(chart)
    ticks = [float(t.get("y")) for t in root.iter(f"{SVG}text") if t.get("class") == "accord-chart__tick"]
    marks = [e for e in points(root) if e.find(f"{SVG}title").text != "Rating"]
    assert len(marks) == sum(v is not None for v in values)
    for mark, value in zip(marks, [v for v in values if v is not None], strict=True):
        assert float(mark.get("cy")) == pytest.approx(ticks[value], abs=0.02)


@given(st.floats(-1e9, 1e9, allow_nan=False), st.floats(-1e9, 1e9, allow_nan=False), st.booleans())
def test_ticks_cover_the_data_in_round_steps(a, b, integer):
    low, high = min(a, b), max(a, b)
    if integer:
        low, high = math.floor(low), math.ceil(high)
    ticks = chart_svg.nice_ticks(low, high, integer)
    assert ticks[0] <= low + 1e-6 and ticks[-1] >= high - 1e-6
    assert 2 <= len(ticks) <= 12


def test_a_span_too_small_to_divide_is_drawn_like_equal_values():
    # Found by hypothesis in CI: 0 to the smallest float made a fifth of the span underflow to 0.
    ticks = chart_svg.nice_ticks(0.0, 5e-324, False)
    assert ticks[0] <= 0.0 and ticks[-1] >= 5e-324
    assert ticks == chart_svg.nice_ticks(0.0, 0.0, False)
