"""People's roles on a partnership (lead officer, council representative...)."""

from datetime import date

from ninja import Field, Schema

from accord.register.models import RoleType

from .common import ApiDate, Id, OrganisationRef, Ref, Version


class PartnershipRole(Schema):
    id: int
    person: Ref
    organisation: OrganisationRef = Field(description="The organisation the person belongs to")
    role: RoleType
    start_date: date | None
    end_date: date | None
    is_current: bool
    notes: str | None = Field(description="null when your role may not see the council's internal sections")


class RoleSaved(PartnershipRole):
    partnership_version: int = Field(description="The partnership's version after this change")


class RoleCreate(Schema):
    version: Version = Field(description="The partnership's version you read")
    person: Id
    role: RoleType
    start_date: ApiDate | None = None
    end_date: ApiDate | None = None
    notes: str | None = None
    reason: str | None = None


class RoleChange(Schema):
    version: Version = Field(description="The partnership's version you read")
    person: Id | None = None
    role: RoleType | None = None
    start_date: ApiDate | None = None
    end_date: ApiDate | None = None
    notes: str | None = None
    reason: str | None = None


class RoleEnd(Schema):
    version: Version = Field(description="The partnership's version you read")
    end_date: ApiDate | None = Field(None, description="When the role ended; today if left out")
    reason: str | None = None
