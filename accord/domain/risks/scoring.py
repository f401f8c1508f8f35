"""Scoring on the council's risk matrix: a pure function of the framework's risk model.

A score is likelihood × impact unless the framework gives its own grid (Bury App 10), and its band
is the one whose range holds the score. Every score carries the matrix it was made on, so a score
made on an older matrix stays readable when the council changes its matrix.
"""

from dataclasses import dataclass

from accord.frameworks.schema import Band, RiskModel


@dataclass(frozen=True)
class Score:
    likelihood: int
    impact: int
    score: int
    band_id: str
    band_name: str
    likelihood_name: str
    impact_name: str
    matrix: str  # e.g. "4×4"


class OffScale(ValueError):
    pass


def stage_name(model: RiskModel, stage: str) -> str:
    """The framework's name for a score stage: inherent, current or target, unless it calls them
    something else (Northampton: "Inherent, actual and residual risk scores")."""
    return str(getattr(model.scores, stage))


def stage_names(model: RiskModel) -> list[tuple[str, str]]:
    """(stage, the framework's name for it), in order: inherent, current, target."""
    return [(stage, stage_name(model, stage)) for stage in ("inherent", "current", "target")]


def matrix_label(model: RiskModel) -> str:
    return f"{len(model.likelihood)}×{len(model.impact)}"


def raw_score(model: RiskModel, likelihood: int, impact: int) -> int:
    if not (1 <= likelihood <= len(model.likelihood)):
        raise OffScale(f"Likelihood must be between 1 and {len(model.likelihood)}")
    if not (1 <= impact <= len(model.impact)):
        raise OffScale(f"Impact must be between 1 and {len(model.impact)}")
    if model.grid:
        return model.grid[likelihood - 1][impact - 1]
    return likelihood * impact


def band_for(model: RiskModel, value: int) -> Band:
    for band in model.bands:
        if band.min <= value <= band.max:
            return band
    raise OffScale(f"No band holds a score of {value}")


def score(model: RiskModel, likelihood: int, impact: int) -> Score:
    value = raw_score(model, likelihood, impact)
    band = band_for(model, value)
    names = {p.value: p.name for p in model.likelihood}, {p.value: p.name for p in model.impact}
    return Score(
        likelihood,
        impact,
        value,
        band.id,
        band.name,
        names[0].get(likelihood, str(likelihood)),
        names[1].get(impact, str(impact)),
        matrix_label(model),
    )


def band_rank(model: RiskModel, band_id: str) -> int:
    """Higher for worse bands (by the bands' score ranges), for sorting."""
    ordered = sorted(model.bands, key=lambda b: b.min)
    return next((i for i, b in enumerate(ordered) if b.id == band_id), -1)
