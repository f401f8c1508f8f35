"""The colour each risk band is shown in, the same on every page (risk registers, heat maps' keys,
the Rulebook): green for the lowest band, red for the highest, yellow and orange between. Colour is
never the only sign: the band's name is always shown with it. Pure."""

from .schema import RiskModel


def band_colour(model: RiskModel, band_id: str) -> str:
    """A GOV.UK tag colour for the band, by its place in the bands' score ranges; grey if unknown."""
    ordered = sorted(model.bands, key=lambda b: b.min)
    rank = next((i for i, b in enumerate(ordered) if b.id == band_id), -1)
    top = len(model.bands) - 1
    if rank < 0:
        return "grey"
    if top == 0:
        return "blue"
    share = rank / top
    if share == 0:
        return "green"
    if share == 1:
        return "red"
    return "orange" if share >= 0.5 else "yellow"
