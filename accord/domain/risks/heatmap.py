"""The heat map: a likelihood × impact grid of how many open risks sit in each cell.

A pure function of the framework's risk model and the counts per (likelihood, impact) that one
aggregate query gives: rows run from the most likely down, columns from the least impact across,
each cell carrying its score, its band and its count. The layout (cell positions, wrapped labels)
is worked out here too, so the template only draws it.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from accord.frameworks.schema import Band, RiskModel, ScalePoint

from . import scoring

# (fill, text colour, GOV.UK tag class) from the least to the most severe; each text colour
# has a contrast of at least 4.5:1 on its fill (tests/risks/test_heatmap.py checks).
GREEN = ("#00703c", "#ffffff", "govuk-tag--green")
LIGHT_GREEN = ("#85994b", "#0b0c0c", "govuk-tag--turquoise")
YELLOW = ("#ffdd00", "#0b0c0c", "govuk-tag--yellow")
ORANGE = ("#f47738", "#0b0c0c", "govuk-tag--orange")
RED = ("#d4351c", "#ffffff", "govuk-tag--red")
GREY = ("#505a5f", "#ffffff", "govuk-tag--grey")
PALETTE = (GREEN, LIGHT_GREEN, YELLOW, ORANGE, RED)

# Layout in SVG user units (the picture scales to its column's width).
AXIS_TITLE = 28  # the rotated "Likelihood" title
LABEL_WIDTH = 132  # the likelihood names
CELL_WIDTH = 112
CELL_HEIGHT = 76
TOP = 8
BOTTOM = 70  # impact names and the "Impact" title
LABEL_CHARS = 15  # wrap axis labels longer than this onto a second line


@dataclass(frozen=True)
class BandKey:
    """A band as the heat map shows it: its colours, and how many risks on the grid are in it."""

    id: str
    name: str
    rank: int
    min: int
    max: int
    fill: str
    text: str
    tag_class: str
    count: int = 0


@dataclass(frozen=True)
class Cell:
    likelihood: int
    likelihood_name: str
    impact: int
    impact_name: str
    score: int
    band: BandKey
    count: int
    x: int
    y: int

    @property
    def label(self) -> str:
        """What the cell says in words (its tooltip, and the table's hidden text)."""
        risks = "risk" if self.count == 1 else "risks"
        return (
            f"{self.count} {risks} with likelihood {self.likelihood_name} and impact {self.impact_name}: "
            f"score {self.score}, {self.band.name}"
        )


@dataclass(frozen=True)
class AxisLabel:
    lines: tuple[str, ...]
    x: int
    y: int


@dataclass(frozen=True)
class HeatMap:
    stage: str
    stage_name: str
    bands_note: str  # how the framework bands a score its table puts in two bands (Bury App 10's 4)
    rows: tuple[tuple[Cell, ...], ...]  # likelihood from high to low
    likelihood: tuple[AxisLabel, ...]  # one per row
    impact: tuple[AxisLabel, ...]  # one per column
    impact_names: tuple[str, ...]
    bands: tuple[BandKey, ...]  # least severe first
    total: int  # risks on the grid
    unscored: int  # open risks not yet scored at this stage
    off_matrix: int  # scored on a matrix whose scale the current one does not have
    width: int
    height: int

    cell_width: int = CELL_WIDTH
    cell_height: int = CELL_HEIGHT

    @property
    def grid_left(self) -> int:
        return AXIS_TITLE + LABEL_WIDTH

    @property
    def grid_bottom(self) -> int:
        return TOP + len(self.rows) * CELL_HEIGHT

    @property
    def grid_centre(self) -> tuple[int, int]:
        """The centre of the grid: where the axis titles are placed along."""
        columns = len(self.impact)
        return self.grid_left + columns * CELL_WIDTH // 2, TOP + len(self.rows) * CELL_HEIGHT // 2


def stage_name(stage: str, model: RiskModel) -> str:
    return scoring.stage_name(model, stage)


def palette(count: int) -> list[tuple[str, str, str]]:
    """Colours for `count` bands, spread from green to red."""
    if count <= 1:
        return [GREY] * count
    last = len(PALETTE) - 1
    return [PALETTE[round(i * last / (count - 1))] for i in range(count)]


def band_keys(model: RiskModel) -> dict[str, BandKey]:
    """Each band's key, by id, ranked by its score range (least severe first)."""
    ordered: list[Band] = sorted(model.bands, key=lambda b: b.min)
    colours = palette(len(ordered))
    return {
        band.id: BandKey(band.id, band.name, rank, band.min, band.max, *colours[rank])
        for rank, band in enumerate(ordered)
    }


def wrap(text: str, width: int = LABEL_CHARS) -> tuple[str, ...]:
    """An axis label on one line, or two if it is long (the second cut short if need be)."""
    if len(text) <= width or " " not in text:
        return (text,)
    words = text.split()
    first = words.pop(0)
    while words and len(first) + 1 + len(words[0]) <= width:
        first += " " + words.pop(0)
    rest = " ".join(words)
    return (first, rest if len(rest) <= width + 3 else rest[: width + 1] + "…")


def build(model: RiskModel, counts: Mapping[tuple[int | None, int | None], int], stage: str) -> HeatMap:
    """The grid for one stage from the counts of open risks per (likelihood, impact)."""
    keys = band_keys(model)
    likelihoods: list[ScalePoint] = sorted(model.likelihood, key=lambda p: p.value, reverse=True)
    impacts: list[ScalePoint] = sorted(model.impact, key=lambda p: p.value)
    on_scale = {(lp.value, ip.value) for lp in likelihoods for ip in impacts}
    unscored = sum(n for (li, im), n in counts.items() if li is None or im is None)
    off_matrix = sum(
        n for (li, im), n in counts.items() if li is not None and im is not None and (li, im) not in on_scale
    )
    per_band: dict[str, int] = dict.fromkeys(keys, 0)
    rows = []
    for r, lp in enumerate(likelihoods):
        row = []
        for c, ip in enumerate(impacts):
            result = scoring.score(model, lp.value, ip.value)
            count = counts.get((lp.value, ip.value), 0)
            per_band[result.band_id] += count
            row.append(
                Cell(
                    lp.value,
                    lp.name,
                    ip.value,
                    ip.name,
                    result.score,
                    keys[result.band_id],
                    count,
                    AXIS_TITLE + LABEL_WIDTH + c * CELL_WIDTH,
                    TOP + r * CELL_HEIGHT,
                )
            )
        rows.append(tuple(row))
    grid_bottom = TOP + len(likelihoods) * CELL_HEIGHT
    bands = tuple(
        BandKey(**{**vars(key), "count": per_band[key.id]})
        for key in sorted(keys.values(), key=lambda k: k.rank)
    )
    return HeatMap(
        stage=stage,
        stage_name=stage_name(stage, model),
        bands_note=model.bands_note,
        rows=tuple(rows),
        likelihood=tuple(
            AxisLabel(wrap(p.name), AXIS_TITLE + LABEL_WIDTH - 10, TOP + r * CELL_HEIGHT + CELL_HEIGHT // 2)
            for r, p in enumerate(likelihoods)
        ),
        impact=tuple(
            AxisLabel(
                wrap(p.name), AXIS_TITLE + LABEL_WIDTH + c * CELL_WIDTH + CELL_WIDTH // 2, grid_bottom + 20
            )
            for c, p in enumerate(impacts)
        ),
        impact_names=tuple(p.name for p in impacts),
        bands=bands,
        total=sum(per_band.values()),
        unscored=unscored,
        off_matrix=off_matrix,
        width=AXIS_TITLE + LABEL_WIDTH + len(impacts) * CELL_WIDTH + 8,
        height=grid_bottom + BOTTOM,
    )
