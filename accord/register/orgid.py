"""Organisation identifiers in the org-id.guide form: SCHEME-IDENTIFIER, e.g. GB-COH-01234567.

Each scheme Accord accepts is listed with the shape of its identifiers, so a typing mistake is
caught when the identifier is entered rather than when someone tries to match it later.
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError


@dataclass(frozen=True)
class Scheme:
    prefix: str
    name: str
    pattern: str
    example: str


SCHEMES: tuple[Scheme, ...] = (
    Scheme("GB-COH", "Companies House", r"(\d{8}|[A-Z]{2}\d{6})", "GB-COH-01234567"),
    Scheme("GB-CHC", "Charity Commission for England and Wales", r"\d{6,7}", "GB-CHC-1123456"),
    Scheme("GB-SC", "Scottish Charity Regulator", r"SC\d{6}", "GB-SC-SC012345"),
    Scheme("GB-NIC", "Charity Commission for Northern Ireland", r"\d{6}", "GB-NIC-100123"),
    Scheme("GB-LAE", "English local authority", r"[A-Z]{3,4}", "GB-LAE-CHO"),
    Scheme("GB-LAS", "Scottish local authority", r"[A-Z]{3,4}", "GB-LAS-EDH"),
    Scheme("GB-PLA", "Welsh principal local authority", r"[A-Z]{3,4}", "GB-PLA-CRF"),
    Scheme("GB-NHS", "NHS organisation (ODS code)", r"[A-Z0-9]{3,5}", "GB-NHS-RXN"),
    Scheme("GB-EDU", "School or college (DfE URN)", r"\d{6}", "GB-EDU-119456"),
    Scheme("GB-GOR", "UK government organisation", r"[A-Z]{2}\d{1,4}", "GB-GOR-PB123"),
    Scheme("GB-MPR", "Mutuals Public Register", r"\d{1,6}[A-Z]{0,2}", "GB-MPR-30432R"),
    Scheme("GB-UKPRN", "UK Register of Learning Providers", r"\d{8}", "GB-UKPRN-10001234"),
)
_BY_PREFIX = {scheme.prefix: scheme for scheme in SCHEMES}
_SHAPE = re.compile(r"^(?P<prefix>[A-Z]{2}-[A-Z]{2,5})-(?P<identifier>.+)$")


def normalise(value: str) -> str:
    return value.strip().upper()


def validate_org_id(value: str) -> None:
    """Raise ValidationError with a plain-English message if value is not a known org-id."""
    value = normalise(value)
    match = _SHAPE.match(value)
    if not match:
        raise ValidationError(
            "Enter an organisation identifier in the form SCHEME-NUMBER, like GB-COH-01234567",
            code="org_id_shape",
        )
    scheme = _BY_PREFIX.get(match["prefix"])
    if scheme is None:
        known = ", ".join(s.prefix for s in SCHEMES)
        raise ValidationError(
            f"{match['prefix']} is not an organisation identifier scheme Accord knows. Use one of: {known}",
            code="org_id_scheme",
        )
    if not re.fullmatch(scheme.pattern, match["identifier"]):
        raise ValidationError(
            f"{value} is not a valid {scheme.name} identifier. It should look like {scheme.example}",
            code="org_id_identifier",
        )
