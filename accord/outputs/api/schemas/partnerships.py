"""Partnerships as the API reads and writes them."""

from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from ninja import Field, Schema

from accord.register.models import (
    CouncilRole,
    LegalIncorporation,
    PartnershipStatus,
    StatutoryStatus,
    YesNoUnknown,
)

from .common import ApiDate, Id, OrganisationRef, Ref, Version

STAFF_ONLY = "null when your role may not see the council's internal sections"


class PartnershipSummary(Schema):
    id: int
    reference: str
    name: str
    status: PartnershipStatus
    council_role: CouncilRole
    partnership_type: Ref
    directorate: Ref
    proposed_end_date: date | None
    url: str


class Partnership(Schema):
    id: int
    reference: str
    name: str
    description: str
    purpose: str
    vision: str
    aims_objectives: str
    partnership_type: Ref
    subtype: str = Field(description="The sub-type of its type (the framework's sub-type id), or empty")
    statutory_status: StatutoryStatus
    incorporation: LegalIncorporation
    statutory_basis: str
    themes: str
    geographical_area: str
    client_groups: str
    lead_organisation: OrganisationRef
    accountable_body: OrganisationRef | None
    council_role: CouncilRole
    directorate: Ref
    start_date: date | None
    proposed_end_date: date | None
    external_funding_end_date: date | None
    funding_sources: str
    accountable_to: str
    monitoring_arrangements: str
    additional_monitoring_required: bool | None = Field(description=STAFF_ONLY)
    covers_members_expenses: YesNoUnknown | None = Field(description=STAFF_ONLY)
    has_risk_register: YesNoUnknown
    notes: str | None = Field(description=STAFF_ONLY)
    insurance_arrangements: str | None = Field(description=STAFF_ONLY)
    exit_strategy: str | None = Field(description=STAFF_ONLY)
    is_key_partnership: bool
    has_procurement_functions: bool
    works_with_children: bool
    status: PartnershipStatus
    is_published: bool | None = Field(description=STAFF_ONLY)
    governance_summary: str | None = Field(description=STAFF_ONLY)
    complaints_procedure: str | None = Field(description=STAFF_ONLY)
    complaints_url: str | None = Field(description=STAFF_ONLY)
    latest_year_contribution: Decimal | None = Field(description="In pounds; " + STAFF_ONLY)
    version: int = Field(description="Send it back with a change: a stale version gets 409")
    created_at: datetime
    updated_at: datetime
    url: str


class PartnershipFields(Schema):
    """Fields that can be set when creating or changing a partnership (status changes only through
    the partnership cycle)."""

    purpose: str | None = None
    subtype: str | None = Field(None, description="A sub-type id of its type under the council's framework")
    vision: str | None = None
    aims_objectives: str | None = None
    statutory_basis: str | None = None
    themes: str | None = None
    geographical_area: str | None = None
    client_groups: str | None = None
    accountable_body: Id | None = None
    start_date: ApiDate | None = None
    proposed_end_date: ApiDate | None = None
    external_funding_end_date: ApiDate | None = None
    funding_sources: str | None = None
    accountable_to: str | None = None
    monitoring_arrangements: str | None = None
    additional_monitoring_required: bool | None = None
    is_key_partnership: bool | None = None
    has_procurement_functions: bool | None = None
    works_with_children: bool | None = None
    covers_members_expenses: YesNoUnknown | None = None
    has_risk_register: YesNoUnknown | None = None
    notes: str | None = None
    insurance_arrangements: str | None = None
    exit_strategy: str | None = None
    is_published: bool | None = None
    governance_summary: str | None = None
    complaints_procedure: str | None = None
    complaints_url: str | None = None


class PartnershipCreate(PartnershipFields):
    name: str
    reference: str
    description: str
    partnership_type: Id
    statutory_status: StatutoryStatus
    incorporation: LegalIncorporation
    lead_organisation: Id
    council_role: CouncilRole
    directorate: Id
    status: Literal["proposed", "active"] = Field(
        "proposed",
        description="proposed: a new proposal, through the cycle from the business case; "
        "active: an existing partnership, its earlier decisions recorded retrospectively",
    )


class PartnershipChange(PartnershipFields):
    """Only the fields you send change; `version` is the version you read."""

    version: Version
    reason: str | None = Field(None, description="Recorded in the partnership's history")
    name: str | None = None
    reference: str | None = None
    description: str | None = None
    partnership_type: Id | None = None
    statutory_status: StatutoryStatus | None = None
    incorporation: LegalIncorporation | None = None
    lead_organisation: Id | None = None
    council_role: CouncilRole | None = None
    directorate: Id | None = None


class PartnershipFilters(Schema):
    """The staff register's search and filters."""

    q: str | None = Field(None, description="Words from the name, reference, purpose, themes, area or lead")
    status: PartnershipStatus | None = None
    partnership_type: Id | None = Field(None, description="A partnership type's id")
    directorate: Id | None = Field(None, description="A directorate's id")
    council_role: CouncilRole | None = None
    lead_officer: str | None = Field(None, description="The lead officer's name, or part of it")
    ends_within: int | None = Field(None, ge=1, le=120, description="Proposed end within this many months")
    contribution_above: str | None = Field(
        None,
        max_length=100,
        description="Council contribution (latest year) above this many pounds, written as on the "
        "register page: 12500, 12,500, £12,500.50 or £1.25m",
        examples=["12,500"],
    )
    sort: Literal["name", "-updated", "end", "-contribution"] | None = None
