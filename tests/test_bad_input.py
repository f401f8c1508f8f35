"""Bad input gets a GOV.UK error summary and a field error, and changes nothing."""

import pytest
from django.urls import reverse

from accord.kernel.audit.models import AuditEvent
from accord.register.models import Contribution, Organisation, Partnership, PartnershipRole
from tests import factories as f


@pytest.fixture
def admin_client(client, users):
    client.force_login(users["administrator"])
    return client


def assert_refused(response, message: str):
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert message in html
    assert "govuk-error-message" in html
    assert "<title>Error:" in html


def create_data(**overrides):
    data = {
        "name": "Chorley Youth Partnership",
        "reference": "YP-01",
        "description": "Young people's services",
        "partnership_type": f.offered_type().pk,
        "statutory_status": "non_statutory",
        "incorporation": "unincorporated",
        "lead_organisation": f.council().pk,
        "council_role": "lead",
        "directorate": f.DirectorateFactory().pk,
        "status": "proposed",
        **significance_answers(),
    }
    data.update(overrides)
    return data


def significance_answers(answer: bool = False) -> dict[str, str]:
    """The framework's significance questions, as the add-a-partnership page asks them."""
    from accord.frameworks import loader
    from accord.frameworks.forms import question_tests

    return {f"significance-{test.id}": str(answer) for _, test in question_tests(loader.current())}


@pytest.mark.django_db
def test_a_valid_new_partnership_is_added_with_the_council_as_member(admin_client):
    response = admin_client.post(reverse("partnership-create"), create_data())
    assert response.status_code == 302
    partnership = Partnership.objects.get(reference="YP-01")
    assert partnership.memberships.filter(organisation__is_council=True, role="lead").exists()
    assert AuditEvent.objects.filter(partnership=partnership, action="created").exists()


@pytest.mark.django_db
def test_over_long_text_is_refused(admin_client):
    before = Partnership.objects.count()
    response = admin_client.post(reverse("partnership-create"), create_data(name="x" * 201))
    assert_refused(response, "Name must be 200 characters or fewer")
    assert Partnership.objects.count() == before


@pytest.mark.django_db
def test_missing_answers_are_named(admin_client):
    response = admin_client.post(reverse("partnership-create"), create_data(name="", partnership_type=""))
    assert_refused(response, "Enter name")
    assert "Select type" in response.content.decode()
    assert not Partnership.objects.exists()


@pytest.mark.django_db
def test_end_date_before_start_date_is_refused(admin_client, own_partnership):
    events = AuditEvent.objects.count()
    response = admin_client.post(
        reverse("partnership-edit", args=[own_partnership.pk, "dates"]),
        {
            "start_date-day": "1",
            "start_date-month": "4",
            "start_date-year": "2024",
            "proposed_end_date-day": "31",
            "proposed_end_date-month": "3",
            "proposed_end_date-year": "2024",
            "external_funding_end_date-day": "",
            "external_funding_end_date-month": "",
            "external_funding_end_date-year": "",
            "funding_sources": "",
            "version": own_partnership.version,
        },
    )
    assert_refused(response, "Proposed end date must be after the start date")
    own_partnership.refresh_from_db()
    assert own_partnership.start_date is None
    assert AuditEvent.objects.count() == events


@pytest.mark.django_db
def test_a_date_that_does_not_exist_is_refused(admin_client, own_partnership):
    response = admin_client.post(
        reverse("partnership-edit", args=[own_partnership.pk, "dates"]),
        {
            "start_date-day": "31",
            "start_date-month": "2",
            "start_date-year": "2024",
            "version": own_partnership.version,
        },
    )
    assert_refused(response, "Start date must be a real date")
    assert 'href="#id_start_date-day"' in response.content.decode()


@pytest.mark.django_db
def test_negative_money_is_refused(admin_client, own_partnership):
    response = admin_client.post(
        reverse("child-add", args=[own_partnership.pk, "contributions"]),
        {
            "year": "2025",
            "category": "finance",
            "amount": "-500",
            "finance_form": "grant",
            "version": own_partnership.version,
        },
    )
    assert_refused(response, "Amount (£) must be £0 or more")
    assert not Contribution.objects.exists()


@pytest.mark.django_db
def test_unknown_org_id_scheme_is_refused(admin_client):
    response = admin_client.post(
        reverse("organisation-create"),
        {
            "name": "Mystery Trust",
            "sector": "vcf",
            "org_id": "GB-ZZZ-1234",
            "can_be_accountable_body": "False",
            "can_employ_staff": "False",
        },
    )
    assert_refused(response, "GB-ZZZ is not an organisation identifier scheme Accord knows")
    assert not Organisation.objects.filter(name="Mystery Trust").exists()


@pytest.mark.django_db
def test_a_person_cannot_hold_the_same_role_twice_for_overlapping_dates(
    admin_client, own_partnership, officer_person
):
    existing = PartnershipRole.objects.get(partnership=own_partnership, person=officer_person)
    existing.start_date = "2020-01-01"
    existing.save()
    response = admin_client.post(
        reverse("child-add", args=[own_partnership.pk, "people"]),
        {
            "person": officer_person.pk,
            "role": "lead_officer",
            "start_date-day": "1",
            "start_date-month": "6",
            "start_date-year": "2023",
            "version": own_partnership.version,
        },
    )
    assert_refused(response, "is already lead officer on this partnership for some of those dates")
    assert PartnershipRole.objects.filter(partnership=own_partnership).count() == 1


@pytest.mark.django_db
def test_the_same_role_for_a_later_period_is_allowed(admin_client, own_partnership, officer_person):
    existing = PartnershipRole.objects.get(partnership=own_partnership, person=officer_person)
    existing.start_date, existing.end_date = "2020-01-01", "2022-12-31"
    existing.save()
    response = admin_client.post(
        reverse("child-add", args=[own_partnership.pk, "people"]),
        {
            "person": officer_person.pk,
            "role": "lead_officer",
            "start_date-day": "1",
            "start_date-month": "1",
            "start_date-year": "2023",
            "version": own_partnership.version,
        },
    )
    assert response.status_code == 302
    assert PartnershipRole.objects.filter(partnership=own_partnership).count() == 2


@pytest.mark.django_db
def test_deciding_to_leave_needs_a_reason_and_a_reference(admin_client, own_partnership):
    url = reverse("cycle-move", args=[own_partnership.pk, "leaving"])
    response = admin_client.post(
        url, {"expected_status": "active", "reason": "", "reference": "", **today_parts("decided_on")}
    )
    assert_refused(response, "Enter the reason for this decision")
    assert "Enter the decision reference" in response.content.decode()
    own_partnership.refresh_from_db()
    assert own_partnership.status == "active"
    response = admin_client.post(
        url,
        {
            "expected_status": "active",
            "reason": "Merged into the Lancashire CSP",
            "reference": "Executive Cabinet minute 23/45",
            **today_parts("decided_on"),
        },
    )
    assert response.status_code == 302
    event = AuditEvent.objects.filter(partnership=own_partnership).latest("id")
    assert "Merged into the Lancashire CSP" in event.reason
    assert {"field": "status", "label": "Status", "old": "Active", "new": "Leaving"} in event.changes


def today_parts(name: str) -> dict[str, str]:
    from django.utils import timezone

    today = timezone.localdate()
    return {f"{name}-day": str(today.day), f"{name}-month": str(today.month), f"{name}-year": str(today.year)}


@pytest.mark.django_db
def test_removing_a_member_needs_a_reason_and_is_recorded(admin_client, own_partnership):
    membership = own_partnership.memberships.first()
    url = reverse("child-remove", args=[own_partnership.pk, "members", membership.pk])
    assert_refused(
        admin_client.post(url, {"reason": "", "version": own_partnership.version}),
        "Enter the reason for removing it",
    )
    response = admin_client.post(
        url, {"reason": "Left the partnership in March", "version": own_partnership.version}
    )
    assert response.status_code == 302
    assert not own_partnership.memberships.filter(pk=membership.pk).exists()
    event = AuditEvent.objects.filter(partnership=own_partnership, action="removed").get()
    assert event.reason == "Left the partnership in March"


@pytest.mark.django_db
def test_nobody_sees_a_stack_trace_for_an_unknown_page(admin_client):
    response = admin_client.get("/partnerships/999999/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert "Traceback" not in response.content.decode()
