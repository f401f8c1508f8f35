"""Pieces every resource's schemas share."""

from typing import Annotated

from ninja import Field, Schema

# Database ids: positive, and within what every database we run on can store.
Id = Annotated[int, Field(ge=1, le=2_147_483_647)]
Version = Annotated[int, Field(ge=1, le=2_147_483_647, description="The version you read (see Errors: 409)")]


class Ref(Schema):
    """Another record, by id and name."""

    id: int
    name: str


class OrganisationRef(Schema):
    id: int
    name: str
    org_id: str = Field(description="Its org-id.guide identifier, or empty")


def ref(instance) -> dict | None:
    return None if instance is None else {"id": instance.pk, "name": instance.name}


def organisation_ref(organisation) -> dict | None:
    if organisation is None:
        return None
    return {"id": organisation.pk, "name": organisation.name, "org_id": organisation.org_id}
