"""The framework's risk model: its likelihood and impact scales, matrix, bands, strategies,
categories and risk library (part of the one schema namespace, re-exported by `schema`)."""

from __future__ import annotations

from pydantic import Field

from .schema_base import IDENT, Cited, Item, ScoreNames, Strict


class ScalePoint(Strict):
    value: int = Field(ge=1, description="The point's value, 1 upwards.")
    name: str = Field(description="Its name, e.g. Unlikely, Almost Certain.")
    descriptor: str = Field("", description="The framework's description of it, if the council gives one.")


class Band(Strict):
    id: str = Field(pattern=IDENT, description="How escalate_bands refers to it.")
    name: str = Field(description="The band's name, e.g. High Risk.")
    min: int = Field(description="The lowest score in the band.")
    max: int = Field(description="The highest score in the band.")
    action: str = Field("", description="What to do about a risk in the band, shown on the risk register.")
    review_every: str | None = Field(
        None, description="How often a risk in the band is reviewed (P6M, P1Y...)."
    )


class Strategy(Strict):
    id: str = Field(pattern=IDENT, description="The stored strategy.")
    name: str = Field(description="The strategy, e.g. Accept, Share, Reduce.")
    description: str = Field("", description="The framework's words about it.")


class Category(Strict):
    id: str = Field(pattern=IDENT, description="How library risks refer to it (category).")
    name: str = Field(description="The category's name.")
    description: str = Field("", description="The framework's words about it.")


class LibraryRisk(Item):
    category: str = Field(description="Its category.")
    title: str = Field(description="The risk as the framework words it.")
    description: str = Field("", description="More of the framework's words about it.")
    controls: list[str] = Field(
        default_factory=list, description="The controls the framework suggests (added as planned controls)."
    )


class RiskModel(Cited):
    scores: ScoreNames = Field(default_factory=ScoreNames, description="The names of the three scores.")
    likelihood: list[ScalePoint] = Field(min_length=2, description="The likelihood scale, 1 upwards.")
    impact: list[ScalePoint] = Field(min_length=2, description="The impact scale.")
    grid: list[list[int]] | None = Field(
        default=None, description="grid[likelihood-1][impact-1] = score; omitted means likelihood × impact."
    )
    bands: list[Band] = Field(min_length=1, description="The bands scores fall in.")
    bands_note: str = Field(
        default="",
        description="Shown with the bands wherever scores are shown: how a score the document's band "
        "table puts in two bands is banded, in the council's words (Bury App 10's 4).",
    )
    strategies: list[Strategy] = Field(default_factory=list, description="Responses to a risk.")
    categories: list[Category] = Field(default_factory=list, description="Kinds of risk.")
    library: list[LibraryRisk] = Field(
        default_factory=list, description="Risks the document lists, with their controls."
    )
    high_impact_from: int | None = Field(
        default=None,
        description="Impact at or above which a contingency plan is needed (Redditch App 8 3.8).",
    )
    escalate_bands: list[str] = Field(
        default_factory=list,
        description="Bands whose risks are flagged for the Partnership Board and the departmental risk "
        "register (Bury App 10, Northampton step 4); empty means the framework sets no such rule.",
    )
    escalate_cite: str = Field(default="", description="Seed file and section of the escalation rule.")
