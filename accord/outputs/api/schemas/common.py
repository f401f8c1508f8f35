"""Pieces every resource's schemas share."""

import re
from datetime import date
from typing import Annotated

from ninja import Field, Schema
from pydantic import BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

# Database ids: positive, and within what every database we run on can store.
Id = Annotated[int, Field(ge=1, le=2_147_483_647)]
Version = Annotated[int, Field(ge=1, le=2_147_483_647, description="The version you read (see Errors: 409)")]

_ISO_SHAPE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _date_as_written(value: object) -> str:
    """A date sent to the API, kept as written (yyyy-mm-dd) so that the web's form reads it with the
    kernel's parser: the same range and the same words as the pages and the importer. A number is
    not a date here (no Unix timestamps)."""
    if isinstance(value, date):
        return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
    if isinstance(value, str) and _ISO_SHAPE.match(value.strip()):
        return value.strip()
    raise PydanticCustomError("date_format", "Write the date as yyyy-mm-dd, like 2026-03-27")


# A date in a request body: yyyy-mm-dd, checked (real, and in the range every route allows) by the form.
ApiDate = Annotated[
    str, BeforeValidator(_date_as_written), WithJsonSchema({"type": "string", "format": "date"})
]


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
