"""The drawing half of accord.kernel.ui.charts: layout, axes, bars, lines and the SVG document.

Every function returns SVG markup as a string, with every text and attribute escaped. Colours and
patterns are presentation attributes (no inline `style`), so a strict CSP allows the pictures.
"""

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from markupsafe import escape

WIDTH = 640
PLOT_HEIGHT = 220
CHAR = 7.5  # rough width of a character of 13px Arial, in SVG units
LABEL_CHARS = 20  # category labels longer than this are shortened (the table has them whole)
INK = "#0b0c0c"
GRID = "#b1b4b6"
WHITE = "#ffffff"
FONT = "arial, sans-serif"
# GOV.UK palette colours, each with at least 3:1 contrast on white.
COLOURS = ("#1d70b8", "#505a5f", "#00703c", "#4c2c92", "#d4351c", "#d53880")
DASHES = ("", "8 5", "2 4", "12 4 3 4", "4 4", "1 3")
MARKERS = ("circle", "square", "triangle", "diamond", "down")
NO_DATA = "No data"
Number = float | int | Decimal


# Characters XML 1.0 does not allow (control characters, lone surrogates, U+FFFE/U+FFFF).
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _e(value: object) -> str:
    return str(escape(NOT_XML.sub("", str(value))))


def _n(number: float) -> str:
    """A coordinate, short: 12, 12.5, 12.25."""
    return f"{number:.2f}".rstrip("0").rstrip(".") or "0"


def el(tag: str, content: str = "", /, **attrs: object) -> str:
    """An element; attribute names use _ for - (stroke_width → stroke-width), None omits one."""
    parts = [tag]
    for name, value in attrs.items():
        if value is None or value == "":
            continue
        name = name.rstrip("_").replace("_", "-")
        if isinstance(value, float):
            value = _n(value)
        parts.append(f'{name}="{_e(value)}"')
    opening = " ".join(parts)
    return f"<{opening}>{content}</{tag}>" if content else f"<{opening}/>"


def format_value(value: Number | None, unit: str = "") -> str:
    """A value as people read it: 1,234 or 97.5, with its unit (£1,234, 97.5%, 12 days)."""
    if value is None:
        return NO_DATA
    number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    number = number.quantize(Decimal("0.01")) if number != number.to_integral_value() else number
    if number == number.to_integral_value():
        text = f"{abs(number):,.0f}"
    else:
        text = f"{abs(number).normalize():,f}"
    sign = "-" if number < 0 else ""
    if unit == "£":
        return f"{sign}£{text}"
    if not unit:
        return sign + text
    return f"{sign}{text}{unit}" if unit == "%" else f"{sign}{text} {unit}"


def colour(index: int) -> str:
    return COLOURS[(index + index // len(COLOURS)) % len(COLOURS)]


def shorten(label: str, limit: int = LABEL_CHARS) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def nice_ticks(low: float, high: float, integer: bool) -> list[float]:
    """Round tick values covering low..high (about five steps); integer data gets whole steps."""
    if (high - low) / 5 <= 0:  # equal values, or a span so small that a fifth of it underflows to 0
        high = low + 1
    raw = (high - low) / 5
    exponent = math.floor(math.log10(raw))
    magnitude = Decimal(10) ** exponent
    step = magnitude * 10
    for multiple in (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5)):
        if float(multiple * magnitude) >= raw * (1 - 1e-9):
            step = multiple * magnitude
            break
    if integer and step < 1:
        step = Decimal(1)
    if integer and step != step.to_integral_value():
        step = step.to_integral_value(rounding="ROUND_CEILING")
    start = math.floor(Decimal(repr(low)) / step) if low else 0
    end = math.ceil(Decimal(repr(high)) / step) if high else 0
    return [float(step * i) for i in range(start, end + 1)]


@dataclass(frozen=True)
class Layout:
    left: float
    top: float
    plot_width: float
    plot_height: float
    bottom: float
    count: int
    rotate: bool
    legend_items: tuple[tuple[float, float], ...]  # (x, y) of each series' legend key

    @property
    def plot_bottom(self) -> float:
        return self.top + self.plot_height

    @property
    def right(self) -> float:
        return self.left + self.plot_width

    @property
    def slot(self) -> float:
        return self.plot_width / max(1, self.count)

    @property
    def height(self) -> float:
        return self.plot_bottom + self.bottom

    def centre(self, index: int) -> float:
        return self.left + (index + 0.5) * self.slot

    @classmethod
    def plan(
        cls,
        categories: Sequence[str],
        names: Sequence[str],
        tick_labels: Sequence[str],
        value_label: str,
        category_label: str,
    ) -> "Layout":
        x, y, items = 8.0, 16.0, []
        for name in names:
            width = 54 + len(name) * CHAR
            if x > 8 and x + width > WIDTH - 8:
                x, y = 8.0, y + 24
            items.append((x, y))
            x += width
        top = (y + 24 if names else 8) + 8
        left = max((len(label) for label in tick_labels), default=1) * CHAR + 14 + (24 if value_label else 0)
        plot_width = WIDTH - left - 16
        longest = max((len(shorten(str(c))) for c in categories), default=0)
        rotate = longest * CHAR > plot_width / max(1, len(categories)) - 6
        bottom = (longest * CHAR * 0.72 + 24 if rotate else 28) + (26 if category_label else 4)
        return cls(left, top, plot_width, PLOT_HEIGHT, bottom, len(categories), rotate, tuple(items))


def linear(ticks: Sequence[float], layout: Layout) -> Callable[[float], float]:
    low, high = ticks[0], ticks[-1]

    def y(value: float) -> float:
        return layout.plot_bottom - (value - low) / (high - low) * layout.plot_height

    return y


def fill(chart_id: str, index: int) -> str:
    return colour(index) if index % 6 == 0 else f"url(#{chart_id}-fill-{index})"


def patterns(chart_id: str, count: int) -> str:
    """A fill per series after the first: stripes, dots, cross-hatch, bands... over its colour."""
    shapes = (
        "",
        el("rect", width=3, height=8, fill=WHITE),
        el("circle", cx=4, cy=4, r=1.8, fill=WHITE),
        el("rect", width=2, height=8, fill=WHITE) + el("rect", width=8, height=2, fill=WHITE),
        el("rect", width=8, height=3, fill=WHITE),
        el("rect", width=3, height=8, fill=WHITE),
    )
    defs = []
    for index in range(count):
        if index % 6 == 0:
            continue
        turn = "rotate(45)" if index % 6 in (1, 3) else None
        content = el("rect", width=8, height=8, fill=colour(index)) + shapes[index % 6]
        defs.append(
            el(
                "pattern",
                content,
                id=f"{chart_id}-fill-{index}",
                width=8,
                height=8,
                patternUnits="userSpaceOnUse",
                patternTransform=turn,
            )
        )
    return el("defs", "".join(defs)) if defs else ""


def marker(index: int, x: float, y: float, tooltip: str) -> str:
    shape, paint = (
        MARKERS[index % len(MARKERS)],
        {"fill": colour(index), "stroke": WHITE, "stroke_width": 1.5},
    )
    title = el("title", _e(tooltip))
    klass = "accord-chart__point"
    if shape == "circle":
        return el("circle", title, class_=klass, cx=x, cy=y, r=5.5, **paint)
    if shape == "square":
        return el("rect", title, class_=klass, x=x - 5, y=y - 5, width=10, height=10, **paint)
    corners = {
        "triangle": ((0, -6.5), (6, 4.5), (-6, 4.5)),
        "diamond": ((0, -7), (6, 0), (0, 7), (-6, 0)),
        "down": ((0, 6.5), (6, -4.5), (-6, -4.5)),
    }[shape]
    points = " ".join(f"{_n(x + dx)},{_n(y + dy)}" for dx, dy in corners)
    return el("polygon", title, class_=klass, points=points, **paint)


def legend(chart_id: str, layout: Layout, names: Sequence[str], kind: str) -> str:
    parts = []
    for index, (name, (x, y)) in enumerate(zip(names, layout.legend_items, strict=True)):
        if kind == "bar":
            key = el(
                "rect", x=x, y=y - 7, width=24, height=14, fill=fill(chart_id, index), stroke=colour(index)
            )
        else:
            key = el(
                "line",
                x1=x,
                y1=y,
                x2=x + 28,
                y2=y,
                stroke=colour(index),
                stroke_width=3,
                stroke_dasharray=DASHES[index % len(DASHES)],
            ) + marker(index, x + 14, y, name)
        label = el("text", _e(name), x=x + 34, y=y, dominant_baseline="central", font_size=13, fill=INK)
        parts.append(key + label)
    return el("g", "".join(parts), class_="accord-chart__legend") if parts else ""


def _axis_title(layout: Layout, value_label: str) -> str:
    if not value_label:
        return ""
    centre = layout.top + layout.plot_height / 2
    return el(
        "text",
        _e(value_label),
        transform=f"rotate(-90 14 {_n(centre)})",
        x=14,
        y=centre,
        text_anchor="middle",
        dominant_baseline="central",
        font_size=13,
        font_weight="bold",
        fill=INK,
    )


def _gridline(layout: Layout, y: float, label: str, strong: bool) -> str:
    line = el(
        "line", x1=layout.left, y1=y, x2=layout.right, y2=y, stroke=INK if strong else GRID, stroke_width=1
    )
    text = el(
        "text",
        _e(label),
        x=layout.left - 8,
        y=y,
        text_anchor="end",
        dominant_baseline="central",
        font_size=13,
        fill=INK,
        class_="accord-chart__tick",
    )
    return line + text


def value_axis(layout: Layout, ticks: Sequence[float], labels: Sequence[str], value_label: str) -> str:
    y = linear(ticks, layout)
    lines = [_gridline(layout, y(tick), label, tick == 0) for tick, label in zip(ticks, labels, strict=True)]
    return el("g", "".join(lines) + _axis_title(layout, value_label), class_="accord-chart__axis")


def level_axis(layout: Layout, levels: Sequence[str], value_label: str) -> str:
    step = layout.plot_height / len(levels)
    lines = [
        _gridline(layout, layout.plot_bottom - (i + 0.5) * step, name, False) for i, name in enumerate(levels)
    ]
    base = el(
        "line", x1=layout.left, y1=layout.plot_bottom, x2=layout.right, y2=layout.plot_bottom, stroke=INK
    )
    return el("g", "".join(lines) + base + _axis_title(layout, value_label), class_="accord-chart__axis")


def category_axis(layout: Layout, categories: Sequence[str], category_label: str) -> str:
    parts = []
    y = layout.plot_bottom + 18
    for index, category in enumerate(categories):
        x = layout.centre(index)
        short = shorten(str(category))
        tip = el("title", _e(category)) if short != str(category) else ""
        attrs = {"x": x, "y": y, "font_size": 13, "fill": INK, "class_": "accord-chart__category"}
        if layout.rotate:
            attrs.update(text_anchor="end", transform=f"rotate(-45 {_n(x)} {_n(y)})")
        else:
            attrs.update(text_anchor="middle")
        parts.append(el("text", tip + _e(short), **attrs))
    if category_label:
        parts.append(
            el(
                "text",
                _e(category_label),
                x=layout.left + layout.plot_width / 2,
                y=layout.height - 8,
                text_anchor="middle",
                font_size=13,
                font_weight="bold",
                fill=INK,
            )
        )
    return el("g", "".join(parts), class_="accord-chart__categories")


def no_data(height: float) -> str:
    return el(
        "text", "No data to show", x=WIDTH / 2, y=height / 2, text_anchor="middle", font_size=16, fill=INK
    )


def document(chart_id: str, title: str, description: str, body: str, height: float) -> str:
    head = el("title", _e(title), id=f"{chart_id}-title") + el("desc", _e(description), id=f"{chart_id}-desc")
    return el(
        "svg",
        head + body,
        xmlns="http://www.w3.org/2000/svg",
        id=chart_id,
        class_="accord-chart",
        viewBox=f"0 0 {WIDTH} {_n(height)}",
        width="100%",
        role="img",
        aria_labelledby=f"{chart_id}-title {chart_id}-desc",
        focusable="false",
        font_family=FONT,
    )
