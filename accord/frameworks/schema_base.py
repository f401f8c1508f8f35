"""The building blocks of the framework schema: strict models, citations and identifiers."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field, field_validator

CITE = re.compile(r"^(?P<file>\d{3}_[0-9a-f]{16}\.txt) (?P<section>\S.*)$")
DURATION = re.compile(
    r"^P(?=\d)(?:(?P<years>\d+)Y)?(?:(?P<months>\d+)M)?(?:(?P<weeks>\d+)W)?(?:(?P<days>\d+)D)?$"
)
# Dates an obligation can count from.
ANCHORS = ("joined", "approved", "agreement_signed", "decided_to_leave", "registered")
IDENT = r"^[a-z][a-z0-9_]*$"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Cited(Strict):
    cite: str = Field(description="Seed file and section, e.g. '001_c825c913872835d1.txt App 10'.")

    @field_validator("cite")
    @classmethod
    def _cite_shape(cls, value: str) -> str:
        if not CITE.match(value.strip()):
            raise ValueError("cite must be a seed file and a section, like '001_c825c913872835d1.txt App 10'")
        return value.strip()


class Item(Cited):
    id: str = Field(pattern=IDENT)
