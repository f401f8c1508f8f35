"""Bars and lines for accord.kernel.ui.charts (chart_svg draws the frame: layout, axes, legend)."""

from collections.abc import Callable, Sequence
from decimal import Decimal

from .chart_svg import DASHES, INK, Layout, Number, _e, _n, colour, el, fill, format_value, linear, marker

MAX_BAR = 72  # a bar is never wider than this, however few categories there are


def _value_text(x: float, y: float, label: str, below: bool) -> str:
    return el(
        "text",
        _e(label),
        x=x,
        y=y + 14 if below else y - 5,
        text_anchor="middle",
        font_size=12,
        fill=INK,
        class_="accord-chart__value",
    )


def bars(
    chart_id: str,
    layout: Layout,
    ticks: Sequence[float],
    categories: Sequence[str],
    series: Sequence,
    numbers: Sequence[Sequence[float | None]],
    unit: str,
    stacked: bool,
) -> str:
    y = linear(ticks, layout)
    zero = y(0.0)
    across = 1 if stacked or not series else len(series)  # bars side by side in a category
    width = min(layout.slot * 0.7 / across, MAX_BAR)
    group = width * across
    parts = []
    for c, category in enumerate(categories):
        start = layout.centre(c) - group / 2
        up, down = 0.0, 0.0
        for s, one in enumerate(series):
            value = numbers[s][c]
            x = start if stacked else start + s * width
            label = format_value(one.values[c], unit)
            tip = el("title", _e(f"{category}: {one.name}, {label}"))
            if value is None:
                if not stacked:
                    parts.append(_value_text(x + width / 2, zero, "–", False))
                continue
            if stacked:
                base = up if value >= 0 else down
                top, bottom = (y(base + value), y(base)) if value >= 0 else (y(base), y(base + value))
                up, down = (up + value, down) if value >= 0 else (up, down + value)
            else:
                top, bottom = (y(value), zero) if value >= 0 else (zero, y(value))
            parts.append(
                el(
                    "rect",
                    tip,
                    class_="accord-chart__bar",
                    x=x,
                    y=top,
                    width=width,
                    height=bottom - top,
                    fill=fill(chart_id, s),
                    stroke=colour(s),
                    stroke_width=1,
                    data_series=s,
                    data_category=c,
                )
            )
            if not stacked and len(label) * 6.8 <= width + layout.slot * 0.3 / max(1, len(series)):
                parts.append(_value_text(x + width / 2, top if value >= 0 else bottom, label, value < 0))
        if stacked and len(series) > 1 and any(numbers[s][c] is not None for s in range(len(series))):
            total = format_value(
                sum(Decimal(str(v)) for v in (o.values[c] for o in series) if v is not None), unit
            )
            if len(total) * 6.8 <= layout.slot:
                parts.append(_value_text(layout.centre(c), y(up), total, False))
        elif stacked and len(series) == 1 and (value := numbers[0][c]) is not None:
            label = format_value(series[0].values[c], unit)
            if len(label) * 6.8 <= layout.slot:
                parts.append(_value_text(layout.centre(c), y(value) if value >= 0 else zero, label, False))
    return el("g", "".join(parts), class_="accord-chart__bars")


def lines(
    layout: Layout,
    categories: Sequence[str],
    series: Sequence,
    points: Sequence[Sequence[float | None]],
    label: Callable[[Number | None], str],
) -> str:
    """A line per series, broken where a value is missing, with a marker (and tooltip) per value."""
    parts = []
    for s, one in enumerate(series):
        segments: list[list[str]] = [[]]
        markers = []
        for c, y in enumerate(points[s]):
            if y is None:
                segments.append([])
                continue
            x = layout.centre(c)
            segments[-1].append(f"{_n(x)},{_n(y)}")
            markers.append(marker(s, x, y, f"{categories[c]}: {one.name}, {label(one.values[c])}"))
        for segment in segments:
            if len(segment) > 1:
                parts.append(
                    el(
                        "polyline",
                        class_="accord-chart__line",
                        points=" ".join(segment),
                        fill="none",
                        stroke=colour(s),
                        stroke_width=3,
                        stroke_dasharray=DASHES[s % len(DASHES)],
                        data_series=s,
                    )
                )
        parts.extend(markers)
    return el("g", "".join(parts), class_="accord-chart__lines")
