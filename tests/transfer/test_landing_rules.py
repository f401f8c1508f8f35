"""How a one-sheet register's cells are read into records: partner lists, governing documents and the
framework's review duty (accord.outputs.transfer.landing_rules)."""

import pytest

from accord.frameworks import loader
from accord.outputs.transfer.landing_rules import (
    Partner,
    document_status,
    document_type,
    review_duty,
    split_partners,
)


@pytest.mark.parametrize(
    ("cell", "partners"),
    [
        ("Lancashire Constabulary; Age UK", ["Lancashire Constabulary", "Age UK"]),
        (
            "Lancashire Constabulary\nAge UK\r\nGroundwork",
            ["Lancashire Constabulary", "Age UK", "Groundwork"],
        ),
        ("Chorley Council and Lancashire Constabulary", ["Chorley Council", "Lancashire Constabulary"]),
        ("Black and Minority Ethnic Forum", ["Black and Minority Ethnic Forum"]),
        ("Health and Wellbeing Board", ["Health and Wellbeing Board"]),
        ("Lancashire Fire and Rescue Service", ["Lancashire Fire and Rescue Service"]),
        (
            "Chorley Council and Lancashire Fire and Rescue Service",
            ["Chorley Council", "Lancashire Fire and Rescue Service"],
        ),
        ("Police and Crime Commissioner", ["Police and Crime Commissioner"]),
        (
            "Department for Environment, Food and Rural Affairs",
            ["Department for Environment, Food and Rural Affairs"],
        ),
        ("Age UK; ; age uk ;", ["Age UK"]),
        ("", []),
    ],
)
def test_a_partner_list_splits_on_semicolons_and_lines_always_and_on_and_between_whole_names(cell, partners):
    assert [p.name for p in split_partners(cell)] == partners


def test_and_splits_between_names_the_register_already_knows():
    known = {"age uk", "groundwork"}.__contains__
    assert [p.name for p in split_partners("Age UK and Groundwork", lambda n: known(n.lower()))] == [
        "Age UK",
        "Groundwork",
    ]
    assert [p.name for p in split_partners("Age UK and Groundwork")] == ["Age UK and Groundwork"]


def test_an_org_id_in_brackets_is_taken_out_of_the_name():
    assert split_partners("BID Company Ltd (GB-COH-11223344); Age UK (Chorley) ; Trust [gb-chc-1123456]") == [
        Partner("BID Company Ltd", "GB-COH-11223344"),
        Partner("Age UK (Chorley)"),
        Partner("Trust", "GB-CHC-1123456"),
    ]


@pytest.mark.parametrize(
    ("text", "kind", "status"),
    [
        ("Terms of Reference 2019", "terms_of_reference", None),
        ("MoU (signed)", "mou", "signed"),
        ("Partnership Agreement - agreed at board", "agreement", "agreed"),
        ("Constitution (draft)", "constitution", "draft"),
        ("Service level agreement, unsigned", "contract", "draft"),
        ("See the shared drive", None, None),
    ],
)
def test_a_governance_document_says_its_kind_and_perhaps_its_status(text, kind, status):
    assert (document_type(text), document_status(text)) == (kind, status)


@pytest.mark.parametrize(
    ("framework_id", "duty"),
    [
        ("chorley", "three_yearly_review"),
        ("model", "annual_review"),
        ("redditch", "annual_review"),
        ("northampton", "annual_review"),
        ("central_bedfordshire", "annual_review"),
        ("bury", "agreement_annual_review"),  # Bury reviews the partnership through its agreement
    ],
)
def test_the_review_duty_is_the_frameworks_own(framework_id, duty):
    found = review_duty(loader.get(framework_id))
    assert found is not None and found.id == duty
