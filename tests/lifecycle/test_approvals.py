"""Approvals: appointed approvers approve or refuse with a comment; nobody approves their own case;
a refusal sends the case back; appointments are managed in Settings."""

import html

import pytest
from django.urls import reverse

from accord.domain.lifecycle import content, services
from accord.domain.lifecycle.models import Appointment, ArtefactRecord, Decision, Transition
from accord.frameworks import loader
from accord.register.models import Partnership
from tests import factories as f

ARTEFACT, ROLE = "executive_cabinet_approval", "executive_cabinet"  # Chorley, key partnerships


def decision(**overrides):
    data = {
        "outcome": "approved",
        "comment": "The case shows value for money.",
        "reference": "Executive Cabinet minute 23/45",
        "decided_on-day": "4",
        "decided_on-month": "3",
        "decided_on-year": "2025",
        # What the approver read: the approval's own record and the business case, each at revision 1.
        "revision": "2",
    }
    data.update(overrides)
    return data


@pytest.fixture
def awaiting(users, officer_person):
    """A key partnership (Chorley) awaiting Executive Cabinet's approval, led by the officer, its
    report to Executive Cabinet (the business case) written."""
    partnership = f.PartnershipFactory(
        name="Chorley Health Partnership", status="awaiting_approval", is_key_partnership=True
    )
    f.RoleFactory(partnership=partnership, person=officer_person, role="lead_officer")
    f.MembershipFactory(partnership=partnership)
    ArtefactRecord.objects.create(
        partnership=partnership,
        slot="business_case",
        kind="business_case",
        title="Business case",
        complete=True,
    )
    return partnership


@pytest.fixture
def cabinet_clerk(users):
    """The approver, appointed to record Executive Cabinet's decisions."""
    Appointment.objects.create(user=users["approver"], framework_id="chorley", role_id=ROLE)
    return users["approver"]


def decide_url(partnership) -> str:
    return reverse("decide", args=[partnership.pk, ARTEFACT, ROLE])


def nothing_written(partnership, status="awaiting_approval"):
    assert not Decision.objects.filter(partnership=partnership).exists()
    assert Partnership.objects.get(pk=partnership.pk).status == status


@pytest.mark.django_db
def test_an_appointed_approver_approves_and_the_decision_is_recorded(client, awaiting, cabinet_clerk):
    assert services.state(awaiting, loader.current()).tier_id == "key"
    client.force_login(cabinet_clerk)
    page = client.get(decide_url(awaiting)).content.decode()
    assert 'name="outcome"' in page and "Chorley Health Partnership" in page
    response = client.post(decide_url(awaiting), decision())
    assert response.status_code == 302
    assert response["Location"] == reverse("approvals", args=[awaiting.pk])
    made = Decision.objects.get(partnership=awaiting)
    assert (made.artefact_id, made.role_id, made.outcome) == (ARTEFACT, ROLE, "approved")
    assert made.comment == "The case shows value for money."
    assert made.decision_reference == "Executive Cabinet minute 23/45"
    assert made.decided_on.isoformat() == "2025-03-04"
    assert made.decided_by == cabinet_clerk
    assert services.check(awaiting, "agreement", framework=loader.current()).ok
    approvals = html.unescape(client.get(response["Location"]).content.decode())
    assert "The case shows value for money." in approvals and "Executive Cabinet minute 23/45" in approvals


def test_the_decisions_table_can_be_scrolled_with_the_keyboard(client, awaiting, cabinet_clerk):
    """Its eight columns scroll sideways on a narrow screen, so the region takes the keyboard focus and
    is named (axe-core: scrollable-region-focusable, found by the Redditch journey)."""
    client.force_login(cabinet_clerk)
    client.post(decide_url(awaiting), decision())
    page = html.unescape(client.get(reverse("approvals", args=[awaiting.pk])).content.decode())
    assert (
        '<div class="accord-table-wrap" role="region" aria-label="Decisions on Chorley Health Partnership" '
        'tabindex="0">'
    ) in page


@pytest.mark.django_db
def test_a_decision_needs_a_comment(client, awaiting, cabinet_clerk):
    client.force_login(cabinet_clerk)
    response = client.post(decide_url(awaiting), decision(comment="  "))
    page = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in page
    assert "Enter a comment explaining the decision" in page
    nothing_written(awaiting)


@pytest.mark.django_db
def test_the_lead_officer_cannot_approve_their_own_case(client, awaiting):
    # The lead officer also holds the approver role and the appointment: still refused.
    lead = f.make_user("approver", username="lead-approver", person=f.PersonFactory(name="Lee Lead"))
    f.RoleFactory(partnership=awaiting, person=lead.person, role="lead_officer")
    Appointment.objects.create(user=lead, framework_id="chorley", role_id=ROLE)
    client.force_login(lead)
    page = client.get(decide_url(awaiting)).content.decode()
    assert "Nobody approves their own case" in page
    assert 'name="outcome"' not in page
    response = client.post(decide_url(awaiting), decision())
    assert response.status_code == 200
    assert "You cannot decide on a case you prepared or lead" in response.content.decode()
    nothing_written(awaiting)


@pytest.mark.django_db
def test_an_author_of_the_business_case_cannot_approve_it(client, awaiting, cabinet_clerk):
    ArtefactRecord.objects.filter(partnership=awaiting, slot="business_case").update(
        created_by=cabinet_clerk, updated_by=cabinet_clerk
    )
    client.force_login(cabinet_clerk)
    assert 'name="outcome"' not in client.get(decide_url(awaiting)).content.decode()
    response = client.post(decide_url(awaiting), decision())
    assert "You cannot decide on a case you prepared or lead" in response.content.decode()
    nothing_written(awaiting)


@pytest.mark.django_db
def test_an_approver_not_appointed_to_the_role_cannot_decide(client, users, awaiting):
    client.force_login(users["approver"])
    page = client.get(decide_url(awaiting)).content.decode()
    assert "You are not appointed as the Executive Cabinet" in page
    assert 'name="outcome"' not in page
    response = client.post(decide_url(awaiting), decision())
    assert "You are not appointed to decide in this role" in response.content.decode()
    nothing_written(awaiting)


@pytest.mark.django_db
def test_a_refusal_sends_the_case_back_with_the_reasons(client, awaiting, cabinet_clerk):
    client.force_login(cabinet_clerk)
    response = client.post(
        decide_url(awaiting), decision(outcome="refused", comment="The exit strategy is missing.")
    )
    assert response.status_code == 302
    assert Partnership.objects.get(pk=awaiting.pk).status == "business_case"
    back = Transition.objects.get(partnership=awaiting, to_status="business_case")
    assert back.from_status == "awaiting_approval"
    assert "The exit strategy is missing." in back.reason
    assert Decision.objects.get(partnership=awaiting).outcome == "refused"


@pytest.mark.django_db
def test_nothing_to_decide_shows_why_without_a_form(client, own_partnership, cabinet_clerk):
    client.force_login(cabinet_clerk)
    response = client.get(decide_url(own_partnership))  # active: Executive Cabinet's approval is behind it
    assert response.status_code == 200
    page = response.content.decode()
    assert "Nothing is waiting for this decision now" in page
    assert 'name="outcome"' not in page


@pytest.mark.django_db
def test_the_approvals_page_shows_the_case_and_its_warnings_prominently(
    client, users, awaiting, cabinet_clerk
):
    framework = services.state(awaiting, loader.current()).framework
    before = next(b for b in content.business_case_banks(framework) if b.purpose == "before_setting_up")
    question = before.questions[0]
    ArtefactRecord.objects.filter(partnership=awaiting, slot="business_case").update(
        answers={
            "sections": {"structure": {"answer": "A joint committee with South Ribble"}},
            "banks": {before.id: {question.id: {"answer": "no", "comment": "Not yet"}}},
        },
    )
    client.force_login(cabinet_clerk)
    page = html.unescape(client.get(reverse("approvals", args=[awaiting.pk])).content.decode())
    assert "govuk-warning-text" in page and question.text in page
    assert "What is the intended structure, and why?" in page  # Chorley's own question (eight points)
    assert "A joint committee with South Ribble" in page
    assert "Key partnership" in page  # the tier
    assert decide_url(awaiting) in page  # waiting for this approver
    assert reverse("document", args=[awaiting.pk, "committee-report"]) in page
    # The lead officer sees the case too, and why they cannot decide on it.
    client.force_login(users["officer"])
    assert client.get(reverse("approvals", args=[awaiting.pk])).status_code == 200


@pytest.mark.django_db
def test_the_inbox_lists_decisions_waiting_for_the_approver(client, users, awaiting, own_partnership):
    client.force_login(users["approver"])
    page = client.get(reverse("approver-inbox")).content.decode()
    assert "You are not appointed" in page and "Appointments" in page
    Appointment.objects.create(user=users["approver"], framework_id="chorley", role_id=ROLE)
    page = client.get(reverse("approver-inbox")).content.decode()
    assert decide_url(awaiting) in page
    assert own_partnership.name not in page


@pytest.mark.django_db
def test_appointments_are_added_refused_when_duplicated_and_removed(client, users):
    client.force_login(users["administrator"])
    url = reverse("appointments")
    approver = users["approver"]
    response = client.post(url, {"role": ROLE, "user": approver.pk})
    assert response.status_code == 302
    appointment = Appointment.objects.get(user=approver, framework_id="chorley", role_id=ROLE)
    page = client.get(url).content.decode()
    assert "Executive Cabinet" in page and f'name="remove" value="{appointment.pk}"' in page

    response = client.post(url, {"role": ROLE, "user": approver.pk})
    page = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in page
    assert "is already appointed as Executive Cabinet" in page
    assert Appointment.objects.filter(user=approver).count() == 1

    response = client.post(url, {"role": ROLE, "user": users["member"].pk})  # not an approver
    assert "Select person from the list" in response.content.decode()
    assert Appointment.objects.count() == 1

    assert client.post(url, {"remove": "not-a-number"}).status_code == 302
    assert Appointment.objects.count() == 1
    assert client.post(url, {"remove": appointment.pk}).status_code == 302
    assert not Appointment.objects.exists()


@pytest.mark.django_db
def test_settings_link_to_appointments(client, users):
    client.force_login(users["administrator"])
    assert reverse("appointments") in client.get(reverse("reference")).content.decode()


@pytest.mark.django_db
def test_members_cannot_decide_see_the_inbox_or_manage_appointments(client, users, awaiting):
    Appointment.objects.create(user=users["member"], framework_id="chorley", role_id=ROLE)
    client.force_login(users["member"])
    assert client.get(decide_url(awaiting)).status_code == 403
    assert client.post(decide_url(awaiting), decision()).status_code == 403
    assert client.get(reverse("approver-inbox")).status_code == 403
    assert client.get(reverse("appointments")).status_code == 403
    assert client.post(reverse("appointments"), {"role": ROLE, "user": users["member"].pk}).status_code == 403
    nothing_written(awaiting)
    client.force_login(users["approver"])
    assert client.get(reverse("appointments")).status_code == 403


def _inbox_queries(client) -> tuple[int, str]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        page = client.get(reverse("approver-inbox")).content.decode()
    return len(captured), page


@pytest.mark.django_db
def test_the_inbox_costs_the_same_queries_for_thirty_cases_as_for_three(client, users, cabinet_clerk):
    # The load test found the inbox working out each candidate's state on its own (about 24 queries
    # a partnership, 11 s for 200); it now reads them together.
    def waiting(count: int, start: int):
        for n in range(start, start + count):
            p = f.PartnershipFactory(
                name=f"Key Partnership {n:02}", status="awaiting_approval", is_key_partnership=True
            )
            f.MembershipFactory(partnership=p)
            f.RoleFactory(partnership=p, role="lead_officer")
            ArtefactRecord.objects.create(
                partnership=p,
                slot="business_case",
                kind="business_case",
                title="Business case",
                complete=True,
            )

    client.force_login(cabinet_clerk)
    waiting(3, 0)
    few, page = _inbox_queries(client)
    assert page.count(f"/{ARTEFACT}/{ROLE}/") == 3
    waiting(27, 3)
    many, page = _inbox_queries(client)
    assert page.count(f"/{ARTEFACT}/{ROLE}/") == 30
    assert many == few
