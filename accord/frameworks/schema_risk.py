"""The framework's risk model: its likelihood and impact scales, matrix, bands, strategies,
categories and risk library (part of the one schema namespace, re-exported by `schema`)."""

from __future__ import annotations

from pydantic import Field

from .schema_base import IDENT, Cited, Item, ScoreNames, Strict


class ScalePoint(Strict):
    value: int = Field(ge=1)
    name: str
    descriptor: str = ""


class Band(Strict):
    id: str = Field(pattern=IDENT)
    name: str
    min: int
    max: int
    action: str = ""
    review_every: str | None = None


class Strategy(Strict):
    id: str = Field(pattern=IDENT)
    name: str
    description: str = ""


class Category(Strict):
    id: str = Field(pattern=IDENT)
    name: str
    description: str = ""


class LibraryRisk(Item):
    category: str
    title: str
    description: str = ""
    controls: list[str] = Field(default_factory=list)


class RiskModel(Cited):
    scores: ScoreNames = Field(default_factory=ScoreNames, description="The names of the three scores.")
    likelihood: list[ScalePoint] = Field(min_length=2)
    impact: list[ScalePoint] = Field(min_length=2)
    grid: list[list[int]] | None = Field(
        default=None, description="grid[likelihood-1][impact-1] = score; omitted means likelihood × impact."
    )
    bands: list[Band] = Field(min_length=1)
    bands_note: str = Field(
        default="",
        description="Shown with the bands wherever scores are shown: how a score the document's band "
        "table puts in two bands is banded, in the council's words (Bury App 10's 4).",
    )
    strategies: list[Strategy] = Field(default_factory=list)
    categories: list[Category] = Field(default_factory=list)
    library: list[LibraryRisk] = Field(default_factory=list)
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
