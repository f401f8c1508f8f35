"""Accessible charts: SVG pictures built in pure Python, each with the same data as a table.

`bar_chart`, `line_chart` and `level_chart` return a `Chart`: its `svg` (one image, role="img",
named by its `<title>` and `<desc>` through aria-labelledby) and the `caption`, `head` and `rows`
of a table holding the same values, which `_chart.html`'s `chart(c)` macro renders beside it.

Nothing relies on colour alone: each series has its own fill pattern (bars), or dash and marker
shape (lines), a legend names them, and bars carry their values as labels where they fit. Colours
are from the GOV.UK palette with at least 3:1 contrast on white (tests/ui/test_charts.py checks).
Styling is by SVG presentation attributes, never inline `style`, so a strict CSP allows it.
Every text is escaped. A value of None is a gap ("No data"); all-zero data still draws an axis.
"""

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from markupsafe import Markup

from . import chart_marks as marks
from . import chart_svg as svg
from .chart_svg import NO_DATA, Number, format_value


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[Number | None] = field(default_factory=list)


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    description: str
    svg: Markup
    caption: str
    head: list[str]
    rows: list[list[str]]
    numeric: bool = True  # the table's value columns are numbers (aligned right); False for levels


def _safe_id(chart_id: str) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9_-]", "-", chart_id) or "chart"
    return cleaned if cleaned[0].isalpha() else "chart-" + cleaned


def _numbers(series: Sequence[Series], categories: Sequence[str]) -> list[list[float | None]]:
    table = []
    for one in series:
        if len(one.values) != len(categories):
            raise ValueError(
                f"Series {one.name!r} has {len(one.values)} values for {len(categories)} categories"
            )
        row: list[float | None] = []
        for value in one.values:
            if value is None:
                row.append(None)
                continue
            number = float(value)
            if not math.isfinite(number):
                raise ValueError(f"Series {one.name!r} has a value that is not a finite number: {value!r}")
            row.append(number)
        table.append(row)
    return table


def _table_rows(
    categories: Sequence[str], series: Sequence[Series], cell, total: bool = False, unit: str = ""
) -> list[list[str]]:
    rows = []
    for index, category in enumerate(categories):
        row = [str(category)] + [cell(one.values[index]) for one in series]
        if total:
            present = [one.values[index] for one in series if one.values[index] is not None]
            row.append(format_value(sum(Decimal(str(v)) for v in present), unit) if present else NO_DATA)
        rows.append(row)
    return rows


def _describe(
    kind: str, categories: Sequence[str], series: Sequence[Series], category_label: str, extra: str = ""
) -> str:
    names = ", ".join(one.name for one in series) or "no series"
    if not categories or all(v is None for one in series for v in one.values):
        return f"{kind} with no data to show."
    span = f"from {categories[0]} to {categories[-1]}" if len(categories) > 1 else f"for {categories[0]}"
    return (
        f"{kind} of {names}, by {category_label.lower() or 'category'}, {span}. {extra}"
        "The table with the chart gives every value."
    )


def _chart(
    chart_id: str,
    title: str,
    description: str,
    body: str,
    height: float,
    head: list[str],
    rows: list[list[str]],
    numeric: bool = True,
) -> Chart:
    if not rows or all(cell == NO_DATA for row in rows for cell in row[1:]):
        body += svg.no_data(height)
    picture = svg.document(chart_id, title, description, body, height)
    return Chart(chart_id, title, description, Markup(picture), title, head, rows, numeric)


def bar_chart(
    id: str,
    title: str,
    categories: Sequence[str],
    series: Sequence[Series],
    unit: str = "",
    stacked: bool = False,
    description: str = "",
    category_label: str = "Period",
    value_label: str = "",
) -> Chart:
    """Bars per category, one per series side by side (or stacked), starting from zero."""
    chart_id = _safe_id(id)
    numbers = _numbers(series, categories)
    integer = all(float(v).is_integer() for row in numbers for v in row if v is not None)
    if stacked:
        ups = [
            sum(v for v in column if v is not None and v > 0) for column in zip(*numbers, strict=True)
        ] or [0.0]
        downs = [
            sum(v for v in column if v is not None and v < 0) for column in zip(*numbers, strict=True)
        ] or [0.0]
        low, high = min([0.0, *downs]), max([0.0, *ups])
    else:
        present = [v for row in numbers for v in row if v is not None]
        low, high = min([0.0, *present]), max([0.0, *present])
    ticks = svg.nice_ticks(low, high, integer)
    tick_labels = [format_value(tick, unit) for tick in ticks]
    layout = svg.Layout.plan(
        categories, [one.name for one in series], tick_labels, value_label, category_label
    )
    body = [
        svg.patterns(chart_id, len(series)),
        svg.legend(chart_id, layout, [one.name for one in series], "bar"),
    ]
    body.append(svg.value_axis(layout, ticks, tick_labels, value_label))
    body.append(marks.bars(chart_id, layout, ticks, categories, series, numbers, unit, stacked))
    body.append(svg.category_axis(layout, categories, category_label))
    description = description or _describe(
        "Stacked bar chart" if stacked else "Bar chart", categories, series, category_label
    )
    head = [category_label, *(one.name for one in series)] + (
        ["Total"] if stacked and len(series) > 1 else []
    )
    rows = _table_rows(
        categories, series, lambda v: format_value(v, unit), total=stacked and len(series) > 1, unit=unit
    )
    return _chart(chart_id, title, description, "".join(body), layout.height, head, rows)


def line_chart(
    id: str,
    title: str,
    categories: Sequence[str],
    series: Sequence[Series],
    unit: str = "",
    description: str = "",
    category_label: str = "Period",
    value_label: str = "",
) -> Chart:
    """A line per series across the categories (e.g. actual against target), with gaps for None."""
    chart_id = _safe_id(id)
    numbers = _numbers(series, categories)
    present = [v for row in numbers for v in row if v is not None]
    integer = all(float(v).is_integer() for v in present)
    low, high = (min(present), max(present)) if present else (0.0, 0.0)
    if low >= 0 and low <= high / 2:
        low = 0.0  # close enough to zero that the axis is clearer starting there
    ticks = svg.nice_ticks(min(low, high), high, integer)
    tick_labels = [format_value(tick, unit) for tick in ticks]
    names = [one.name for one in series]
    layout = svg.Layout.plan(categories, names, tick_labels, value_label, category_label)
    body = [
        svg.legend(chart_id, layout, names, "line"),
        svg.value_axis(layout, ticks, tick_labels, value_label),
    ]
    scale = svg.linear(ticks, layout)
    points = [[None if v is None else scale(v) for v in row] for row in numbers]
    body.append(marks.lines(layout, categories, series, points, lambda v: format_value(v, unit)))
    body.append(svg.category_axis(layout, categories, category_label))
    description = description or _describe("Line chart", categories, series, category_label)
    head = [category_label, *names]
    rows = _table_rows(categories, series, lambda v: format_value(v, unit))
    return _chart(chart_id, title, description, "".join(body), layout.height, head, rows)


def level_chart(
    id: str,
    title: str,
    categories: Sequence[str],
    levels: Sequence[str],
    series: Sequence[Series],
    description: str = "",
    category_label: str = "Period",
    value_label: str = "",
) -> Chart:
    """Points on an axis of named levels (e.g. ratings over time).

    Values are indexes into `levels`: 0 is the first level, drawn lowest on the axis.
    """
    if not levels:
        raise ValueError("A level chart needs at least one level")
    chart_id = _safe_id(id)
    for one in series:
        if len(one.values) != len(categories):
            raise ValueError(
                f"Series {one.name!r} has {len(one.values)} values for {len(categories)} categories"
            )
        for value in one.values:
            if value is not None and (int(value) != value or not 0 <= int(value) < len(levels)):
                raise ValueError(
                    f"Series {one.name!r} has {value!r}, not an index into the {len(levels)} levels"
                )
    names = [one.name for one in series]
    level_names = [str(level) for level in levels]
    layout = svg.Layout.plan(categories, names, level_names, value_label, category_label)
    body = [svg.legend(chart_id, layout, names, "line"), svg.level_axis(layout, level_names, value_label)]
    step = layout.plot_height / len(levels)
    points = [
        [None if v is None else layout.plot_bottom - (int(v) + 0.5) * step for v in one.values]
        for one in series
    ]

    def name_of(value: Number | None) -> str:
        return NO_DATA if value is None else level_names[int(value)]

    body.append(marks.lines(layout, categories, series, points, name_of))
    body.append(svg.category_axis(layout, categories, category_label))
    if not description:
        extra = f"Levels run from {level_names[0]} at the bottom to {level_names[-1]} at the top. "
        description = _describe("Chart", categories, series, category_label, extra)
    rows = _table_rows(categories, series, name_of)
    head = [category_label, *names]
    return _chart(chart_id, title, description, "".join(body), layout.height, head, rows, numeric=False)
