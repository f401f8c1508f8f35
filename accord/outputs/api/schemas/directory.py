"""Organisations and people as the API reads and writes them."""

from datetime import datetime

from ninja import Field, Schema

from accord.register.models import PersonKind, Sector

from .common import Id, OrganisationRef, Ref, Version


class Organisation(Schema):
    id: int
    name: str
    sector: Sector
    org_id: str = Field(description="Its org-id.guide identifier, e.g. GB-COH-01234567, or empty")
    can_be_accountable_body: bool
    can_employ_staff: bool
    website: str
    notes: str
    is_council: bool
    version: int
    created_at: datetime
    updated_at: datetime
    url: str


class OrganisationFields(Schema):
    org_id: str | None = None
    can_be_accountable_body: bool | None = None
    can_employ_staff: bool | None = None
    website: str | None = None
    notes: str | None = None


class OrganisationCreate(OrganisationFields):
    name: str
    sector: Sector


class OrganisationChange(OrganisationFields):
    version: Version
    name: str | None = None
    sector: Sector | None = None


class Person(Schema):
    id: int
    name: str
    job_title: str
    kind: PersonKind
    organisation: OrganisationRef
    directorate: Ref | None
    email: str
    phone: str
    version: int
    created_at: datetime
    updated_at: datetime
    url: str


class PersonFields(Schema):
    job_title: str | None = None
    kind: PersonKind | None = None
    directorate: Id | None = None
    email: str | None = None
    phone: str | None = None


class PersonCreate(PersonFields):
    name: str
    organisation: Id


class PersonChange(PersonFields):
    version: Version
    name: str | None = None
    organisation: Id | None = None


class DirectorySearch(Schema):
    q: str | None = Field(None, description="Words from the name (and org-id, or job title and email)")
