import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from accord.register.orgid import SCHEMES, validate_org_id


@pytest.mark.parametrize("value", [s.example for s in SCHEMES] + ["gb-coh-SC123456", " GB-CHC-123456 "])
def test_each_scheme_accepts_its_own_example(value):
    validate_org_id(value)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("GB-XYZ-12345", "GB-XYZ is not an organisation identifier scheme Accord knows"),
        ("GB-COH-1234", "is not a valid Companies House identifier"),
        ("GB-CHC-ABCDEF", "is not a valid Charity Commission"),
        ("Chorley Council", "Enter an organisation identifier in the form SCHEME-NUMBER"),
    ],
)
def test_bad_identifiers_are_refused_with_a_plain_message(value, message):
    with pytest.raises(ValidationError) as error:
        validate_org_id(value)
    assert message in error.value.messages[0]


@given(st.text(max_size=80))
def test_any_text_is_either_accepted_or_refused_with_a_validation_error(text):
    try:
        validate_org_id(text)
    except ValidationError as error:
        assert error.messages[0]
