"""Obligations (worked out from the council's framework), reviews and assurance ratings: read only."""

from datetime import date
from typing import Literal

from ninja import Field, Schema

from accord.domain.reviews.models import Decision, Level, ReviewStatus

from .common import Ref

ObligationStatus = Literal["met", "due_soon", "overdue", "not_yet_due", "not_applicable", "before_accord"]


class Obligation(Schema):
    obligation_id: str
    name: str
    artefact: str
    cite: str = Field(description="The framework clause it comes from")
    status: ObligationStatus
    status_label: str
    due: date | None
    anchor: str
    anchor_date: date | None
    evidence: date | None
    why: str
    recurring: bool


class PartnershipObligations(Schema):
    partnership: Ref
    tier_id: str
    tier_name: str
    overridden: bool = Field(description="Whether an administrator overrode the significance tier")
    obligations: list[Obligation]


class Reason(Schema):
    text: str
    cite: str


class Review(Schema):
    id: int
    artefact_id: str
    artefact_name: str
    period_start: date
    period_end: date
    started_on: date
    status: ReviewStatus
    decision: Decision | Literal[""]
    decision_notes: str
    completed_on: date | None
    framework_id: str
    framework_version: str


class Rating(Schema):
    id: int
    review_id: int | None
    level: Level
    proposed_level: Level
    reasons: list[Reason]
    override_reason: str
    rated_by_name: str
    rated_on: date
    framework_id: str
    framework_version: str
