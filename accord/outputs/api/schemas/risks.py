"""Risks and their actions, scored on the council framework's matrix."""

from datetime import date

from ninja import Field, Schema

from accord.domain.risks.models import ActionStatus, Kind, RiskStatus

from .common import ApiDate, Id, OrganisationRef, Version


class Score(Schema):
    likelihood: int
    impact: int
    score: int
    band: str = Field(description="The band's id in the council's risk matrix")


class Scores(Schema):
    inherent: Score | None
    current: Score | None
    target: Score | None


class Risk(Schema):
    id: int
    reference: str
    kind: Kind
    title: str
    objective: str
    category_id: str
    cause: str
    event: str
    consequence: str
    identified_on: date
    owner: str
    lead_officers: str
    partners: list[OrganisationRef]
    strategy_id: str
    contingency_plan: str
    next_review_on: date | None
    status: RiskStatus
    closed_on: date | None
    scores: Scores
    version: int
    url: str


class ScoreInput(Schema):
    likelihood: int = Field(ge=1, le=100, description="A point on the framework's likelihood scale")
    impact: int = Field(ge=1, le=100, description="A point on the framework's impact scale")
    note: str | None = None


class ScoresInput(Schema):
    inherent: ScoreInput | None = None
    current: ScoreInput | None = None
    target: ScoreInput | None = None


class RiskFields(Schema):
    objective: str | None = None
    category_id: str | None = None
    cause: str | None = None
    event: str | None = None
    consequence: str | None = None
    lead_officers: str | None = None
    partners: list[Id] | None = Field(None, description="Ids of member organisations involved")
    strategy_id: str | None = None
    contingency_plan: str | None = None
    next_review_on: ApiDate | None = None
    scores: ScoresInput | None = Field(None, description="Scores to record (each a new assessment)")


class RiskCreate(RiskFields):
    reference: str | None = Field(None, description="Leave out to number it automatically, e.g. R-04")
    kind: Kind = Kind.RISK
    title: str
    identified_on: ApiDate
    owner: str


class RiskChange(RiskFields):
    version: Version
    kind: Kind | None = None
    title: str | None = None
    identified_on: ApiDate | None = None
    owner: str | None = None


class RiskAction(Schema):
    id: int
    description: str
    owner: str
    due_on: date
    status: ActionStatus
    completed_on: date | None


class RiskActionCreate(Schema):
    description: str
    owner: str
    due_on: ApiDate
    status: ActionStatus = ActionStatus.NOT_STARTED


class RiskActionChange(Schema):
    description: str | None = None
    owner: str | None = None
    due_on: ApiDate | None = None
    status: ActionStatus | None = None
