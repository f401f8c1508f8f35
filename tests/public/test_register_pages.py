"""The published register's pages: finding partnerships, reading one, and how to complain."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from accord.outputs.public import queries
from tests import factories as f
from tests.monitoring.factories import ProgressReportFactory

pytestmark = pytest.mark.django_db


def page(client, url, **params) -> str:
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def published(council):
    housing = f.offered_type()  # a type the register offers under the framework in force
    return {
        "safety": f.PartnershipFactory(
            name="Chorley Community Safety Partnership",
            reference="CSP-01",
            themes="Community safety",
            is_published=True,
        ),
        "homes": f.PartnershipFactory(
            name="Warm Homes Alliance",
            reference="HOM-01",
            partnership_type=housing,
            council_role="member",
            status="under_review",
            is_published=True,
        ),
        "closed": f.PartnershipFactory(
            name="Old Closed Forum", reference="OLD-01", status="closed", is_published=True
        ),
        "agreed": f.PartnershipFactory(
            name="New Agreed Compact", reference="NEW-01", status="agreement", is_published=True
        ),
    }


def test_anyone_can_read_the_published_register_without_signing_in(client, published):
    text = page(client, reverse("public-register"))
    assert "4 partnerships found" in text
    for p in published.values():
        assert p.name in text
    assert "Sign out" not in text and reverse("register") + '"' not in text  # no staff navigation


def test_published_register_counts_only_partnerships_past_the_draft_stages(published):
    f.PartnershipFactory(status="proposed", is_published=True)
    f.PartnershipFactory(status="business_case", is_published=True)
    f.PartnershipFactory(status="active", is_published=False)
    assert set(queries.published_partnerships().values_list("reference", flat=True)) == {
        "CSP-01",
        "HOM-01",
        "OLD-01",
        "NEW-01",
    }


def test_a_word_search_finds_partnerships_by_words_in_their_public_record(client, published):
    text = page(client, reverse("public-register"), q="safety")
    assert "1 partnership found" in text
    assert "Chorley Community Safety Partnership" in text
    assert "Warm Homes Alliance" not in text


def test_filters_narrow_the_list_by_type_status_and_the_councils_role(client, published):
    homes = published["homes"]
    by_type = page(client, reverse("public-register"), partnership_type=homes.partnership_type_id)
    assert "Warm Homes Alliance" in by_type and "Chorley Community Safety" not in by_type
    by_status = page(client, reverse("public-register"), status="closed")
    assert "Old Closed Forum" in by_status and "1 partnership found" in by_status
    by_role = page(client, reverse("public-register"), council_role="member")
    assert "Warm Homes Alliance" in by_role and "1 partnership found" in by_role


def test_the_status_filter_offers_only_published_stages_and_refuses_a_draft_stage(client, published):
    text = page(client, reverse("public-register"), status="proposed")
    assert "There is a problem" in text
    assert 'value="business_case"' not in text
    assert 'value="under_review"' in text


def test_staff_only_filters_are_not_offered_or_applied(client, published):
    text = page(
        client, reverse("public-register"), directorate=published["safety"].directorate_id, lead_officer="x"
    )
    assert "Lead officer" not in text and "Directorate or service" not in text
    assert "4 partnerships found" in text  # the staff-only parameters are ignored


def test_the_list_is_paginated_with_govuk_pagination(client, council):
    for n in range(23):
        f.PartnershipFactory(name=f"Partnership {n:02d}", is_published=True)
    first = page(client, reverse("public-register"))
    assert "23 partnerships found — page 1 of 2" in first
    assert "govuk-pagination" in first
    second = page(client, reverse("public-register"), page=2)
    assert "Partnership 22" in second and "Partnership 00" not in second


def test_a_partnership_page_shows_what_the_public_needs_to_know(client, council):
    lead = f.OrganisationFactory(name="Lancashire Constabulary", org_id="GB-GOR-PB123")
    p = f.PartnershipFactory(
        name="Chorley Community Safety Partnership",
        purpose="To reduce crime and disorder",
        lead_organisation=lead,
        council_role="member",
        accountable_to="Lancashire Police and Crime Panel",
        governance_summary="A board of the responsible authorities meets quarterly",
        is_published=True,
    )
    f.MembershipFactory(partnership=p, organisation=lead, role="lead")
    rep = f.PersonFactory(name="Councillor Alistair Bradley", email="leader@chorley.example.gov.uk")
    f.RoleFactory(partnership=p, person=rep, role="council_representative")
    f.ContributionFactory(partnership=p, year=2025, amount=Decimal("15000"))
    text = page(client, reverse("public-partnership", args=[p.reference]))
    for expected in (
        "To reduce crime and disorder",
        "Lancashire Constabulary",
        "GB-GOR-PB123",
        "Councillor Alistair Bradley",
        "Council representative",
        "2025/26",
        "£15,000",
        "A board of the responsible authorities meets quarterly",
        "Lancashire Police and Crime Panel",
        "Member",
    ):
        assert expected in text, expected
    assert "leader@chorley" not in text


def test_the_latest_published_report_is_shown_with_its_headings_and_answers(client, council):
    p = f.PartnershipFactory(is_published=True)
    ProgressReportFactory(
        partnership=p,
        status="submitted",
        is_published=True,
        period_start=date(2025, 4, 1),
        period_end=date(2026, 3, 31),
        submitted_on=date(2026, 4, 20),
        headings=[{"id": "achievements", "text": "Key achievements from X to X"}],
        answers={"achievements": "Reopened the youth centre"},
    )
    text = page(client, reverse("public-partnership", args=[p.reference]))
    assert "Key achievements from 1 April 2025 to 31 March 2026" in text
    assert "Reopened the youth centre" in text
    assert "submitted on 20 April 2026" in text


def test_a_partnership_with_its_own_complaints_procedure_shows_it_and_its_web_page(client, council):
    p = f.PartnershipFactory(
        is_published=True,
        complaints_procedure="Write to the partnership manager at the Town Hall",
        complaints_url="https://example.org/complaints",
    )
    text = page(client, reverse("public-partnership", args=[p.reference]))
    assert "Write to the partnership manager at the Town Hall" in text
    assert 'href="https://example.org/complaints"' in text
    assert "has not published a complaints procedure" not in text


def test_without_a_complaints_procedure_the_page_points_to_the_councils_own(client, council, settings):
    p = f.PartnershipFactory(is_published=True)
    text = page(client, reverse("public-partnership", args=[p.reference]))
    assert "has not published a complaints procedure of its own" in text
    assert "through the council's complaints procedure" in text
    assert settings.COUNCIL_NAME in text
    assert "Local Government and Social Care Ombudsman" in text


def test_former_partners_and_representatives_are_not_listed(client, council):
    p = f.PartnershipFactory(is_published=True)
    past = date.today() - timedelta(days=5)
    f.MembershipFactory(partnership=p, organisation=f.OrganisationFactory(name="Gone Trust"), end_date=past)
    f.RoleFactory(
        partnership=p,
        person=f.PersonFactory(name="Former Councillor"),
        role="council_representative",
        start_date=past - timedelta(days=100),
        end_date=past,
    )
    text = page(client, reverse("public-partnership", args=[p.reference]))
    assert "Gone Trust" not in text and "Former Councillor" not in text


def test_the_public_pages_link_to_the_accessibility_statement_and_open_data(client, published):
    text = page(client, reverse("public-register"))
    assert reverse("accessibility") in text and reverse("public-data") in text
    statement = page(client, reverse("accessibility"))
    for expected in (
        "WCAG",
        "2.2",
        "Equality and Human Rights Commission",
        "Reporting accessibility problems",
        "This statement was prepared on",
    ):
        assert expected in statement
    assert reverse("public-register") in statement  # shown with the public header to visitors


def test_public_pages_are_titled_as_the_published_register(client, published):
    text = page(client, reverse("public-register"))
    assert "<title>Partnerships – Published register of partnerships – " in text
