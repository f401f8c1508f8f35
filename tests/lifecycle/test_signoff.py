"""The sign-off (Bury App 3): consultee rows, the consultees the framework expects, and when the
sign-off is complete."""

import html
from datetime import date

import pytest
from django.urls import reverse

from accord.domain.lifecycle import services, signoff
from accord.domain.lifecycle.models import Appointment, ArtefactRecord, Consultee
from accord.frameworks import loader
from accord.kernel.audit.models import AuditEvent
from accord.register.models import Partnership
from tests import factories as f

BURY_EXPECTED = [
    "Portfolio Holder",
    "Director of Legal & Democratic Services",
    "Director of Finance & E-Government",
    "Corporate Procurement/ Legal Services",
    "Insurance Section & Risk Manager",
    "Corporate ICT",
    "Corporate Personnel",
    "Corporate Performance Team",
]


def row(**overrides):
    data = {
        "department": "Legal Services",
        "key_areas": "Legal powers; terms of agreement",
        "officer_name": "Ada Lawyer",
        "officer_position": "Senior Solicitor",
        "advice": "The council has the power to join.",
        "followed": "True",
        "why_not_followed": "",
        "consulted_on-day": "3",
        "consulted_on-month": "2",
        "consulted_on-year": "2025",
    }
    data.update(overrides)
    return data


def values(department: str, **overrides) -> dict:
    data = {
        "department": department,
        "key_areas": "Everything",
        "officer_name": "An Officer",
        "officer_position": "Head of Service",
        "advice": "Go ahead.",
        "followed": True,
        "why_not_followed": "",
        "consulted_on": None,
    }
    data.update(overrides)
    return data


def sign_off_record(partnership) -> ArtefactRecord | None:
    return ArtefactRecord.objects.filter(partnership=partnership, slot="sign_off").first()


@pytest.fixture
def officer_client(client, users):
    client.force_login(users["officer"])
    return client


@pytest.mark.django_db
def test_advice_not_followed_needs_the_reason_why(officer_client, own_partnership):
    url = reverse("consultee-add", args=[own_partnership.pk])
    response = officer_client.post(url, row(followed="False", why_not_followed=""))
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "Enter why the advice was not followed" in page
    assert not Consultee.objects.exists()
    assert sign_off_record(own_partnership) is None


@pytest.mark.django_db
def test_the_service_refuses_a_row_not_followed_without_a_reason(users, own_partnership):
    framework = loader.current()
    with pytest.raises(signoff.SignOffError, match="Enter why the advice was not followed"):
        signoff.save_consultee(users["officer"], own_partnership, values("Legal", followed=False), framework)
    assert not Consultee.objects.exists()


@pytest.mark.django_db
def test_a_consultee_is_added_with_history_and_the_sign_off_recomputed(officer_client, own_partnership):
    response = officer_client.post(reverse("consultee-add", args=[own_partnership.pk]), row())
    assert response.status_code == 302
    assert response["Location"] == reverse("sign-off", args=[own_partnership.pk])
    consultee = Consultee.objects.get(partnership=own_partnership)
    assert consultee.officer_name == "Ada Lawyer" and consultee.followed is True
    assert AuditEvent.objects.filter(
        partnership=own_partnership, object_type="consultee", action="created"
    ).exists()
    record = sign_off_record(own_partnership)
    # Chorley's framework has no sign-off artefact: one consultee completes it.
    assert record.complete and record.kind == "sign_off" and record.title == "Sign-off"
    page = officer_client.get(reverse("sign-off", args=[own_partnership.pk])).content.decode()
    assert "Ada Lawyer" in page and "Complete" in page


@pytest.mark.django_db
def test_changing_a_consultee_makes_a_new_revision_and_advice_not_followed_is_shown(
    officer_client, own_partnership
):
    officer_client.post(reverse("consultee-add", args=[own_partnership.pk]), row())
    consultee = Consultee.objects.get()
    first = sign_off_record(own_partnership).revision
    response = officer_client.post(
        reverse("consultee-change", args=[own_partnership.pk, consultee.pk]),
        row(followed="False", why_not_followed="The partners would not agree to it."),
    )
    assert response.status_code == 302
    consultee.refresh_from_db()
    assert consultee.followed is False
    assert consultee.why_not_followed == "The partners would not agree to it."
    record = sign_off_record(own_partnership)
    assert record.revision == first + 1 and record.complete
    page = html.unescape(officer_client.get(reverse("sign-off", args=[own_partnership.pk])).content.decode())
    assert "The partners would not agree to it." in page


@pytest.mark.django_db
def test_removing_a_consultee_needs_a_reason_and_is_kept_in_the_history(officer_client, own_partnership):
    officer_client.post(reverse("consultee-add", args=[own_partnership.pk]), row())
    consultee = Consultee.objects.get()
    url = reverse("consultee-remove", args=[own_partnership.pk, consultee.pk])
    assert officer_client.get(url).status_code == 200
    response = officer_client.post(url, {"reason": ""})
    assert "Enter the reason for removing this consultee" in response.content.decode()
    assert Consultee.objects.filter(pk=consultee.pk).exists()

    response = officer_client.post(url, {"reason": "Recorded against the wrong partnership"})
    assert response.status_code == 302
    assert not Consultee.objects.filter(pk=consultee.pk).exists()
    event = AuditEvent.objects.get(partnership=own_partnership, object_type="consultee", action="removed")
    assert event.reason == "Recorded against the wrong partnership"
    assert not sign_off_record(own_partnership).complete  # no consultees left


@pytest.mark.django_db
def test_bury_expects_its_app_3_consultees(settings):
    settings.ACCORD_FRAMEWORK = "bury"
    expected = signoff.expected_departments(loader.current())
    assert [e.department for e in expected] == BURY_EXPECTED
    legal = expected[1]
    assert "Legal powers" in legal.key_areas and legal.cite.endswith("App 3")


@pytest.mark.django_db
def test_bury_sign_off_is_complete_only_when_every_expected_department_has_advised(
    settings, users, own_partnership
):
    settings.ACCORD_FRAMEWORK = "bury"
    framework = loader.current()
    officer = users["officer"]
    signoff.save_consultee(officer, own_partnership, values("Portfolio Holder"), framework)
    assert not sign_off_record(own_partnership).complete
    missing = signoff.gaps(framework, list(own_partnership.consultees.all()))
    assert "Record the advice of Director of Legal & Democratic Services" in missing

    # Matched ignoring case and punctuation, '&' or 'and'.
    for department in BURY_EXPECTED[1:-1]:
        signoff.save_consultee(officer, own_partnership, values(department.lower()), framework)
    assert not sign_off_record(own_partnership).complete
    last = signoff.save_consultee(
        officer,
        own_partnership,
        values("CORPORATE PERFORMANCE TEAM", followed=False, why_not_followed="x"),
        framework,
    )
    # Everyone has advised; App 3's declaration is still to sign.
    assert not sign_off_record(own_partnership).complete
    assert signoff.gaps(framework, list(own_partnership.consultees.all())) == [
        "The Director / Chief Officer signs and dates the declaration"
    ]
    signoff.sign_declaration(officer, own_partnership, framework, "Dee Director", date(2025, 3, 1))
    assert sign_off_record(own_partnership).complete
    signature = signoff.signed(sign_off_record(own_partnership))
    assert signoff.gaps(framework, list(own_partnership.consultees.all()), signature) == []

    # A row whose advice was not followed without saying why (e.g. entered before the rule) is a gap.
    Consultee.objects.filter(pk=last.pk).update(why_not_followed="")
    assert signoff.gaps(framework, list(own_partnership.consultees.all()), signature) == [
        "CORPORATE PERFORMANCE TEAM: give why the advice was not followed"
    ]


@pytest.mark.django_db
def test_bury_sign_off_page_shows_who_is_still_to_be_consulted_and_the_written_approvals(
    settings, client, users, own_partnership
):
    settings.ACCORD_FRAMEWORK = "bury"
    signoff.save_consultee(users["officer"], own_partnership, values("Corporate ICT"), loader.current())
    client.force_login(users["officer"])
    page = html.unescape(client.get(reverse("sign-off", args=[own_partnership.pk])).content.decode())
    assert "Record the advice of Portfolio Holder" in page
    assert "Director of Legal and Democratic Services" in page  # a required written approval (role title)
    assert "Director of Finance and E-Government" in page
    assert "Not decided" in page
    add = reverse("consultee-add", args=[own_partnership.pk]) + "?department=Portfolio%20Holder"
    assert add in page
    form = html.unescape(client.get(add).content.decode())
    assert 'value="Portfolio Holder"' in form


@pytest.mark.django_db
def test_changing_the_sign_off_means_its_approvals_must_be_given_again(settings, users, officer_person):
    settings.ACCORD_FRAMEWORK = "bury"
    framework = loader.current()
    partnership = f.PartnershipFactory(status="agreement")
    f.RoleFactory(partnership=partnership, person=officer_person, role="lead_officer")
    for department in BURY_EXPECTED:
        signoff.save_consultee(users["officer"], partnership, values(department), framework)
    signoff.sign_declaration(users["officer"], partnership, framework, "Dee Director", date(2025, 3, 1))
    approver = users["approver"]
    Appointment.objects.create(user=approver, framework_id="bury", role_id="director_legal")
    pending = services.pending_for(approver, partnership, framework=loader.current())
    assert ("sign_off_checklist", "director_legal") in [(a.id, r) for a, r, _ in pending]
    services.decide(
        approver,
        partnership,
        "sign_off_checklist",
        "director_legal",
        "approved",
        comment="Fine",
        framework=loader.current(),
    )
    assert (
        services.state(partnership, loader.current()).facts.approvals[
            ("sign_off_checklist", "director_legal")
        ]
        == "approved"
    )

    consultee = partnership.consultees.first()
    signoff.save_consultee(
        users["officer"], partnership, values(consultee.department, advice="New advice"), framework, consultee
    )
    assert ("sign_off_checklist", "director_legal") not in services.state(
        partnership, loader.current()
    ).facts.approvals


@pytest.mark.django_db
def test_only_those_who_may_change_the_partnership_can_change_its_sign_off(client, users, own_partnership):
    consultee = Consultee.objects.create(
        partnership=own_partnership,
        department="Finance",
        key_areas="Funding",
        officer_name="Fin Officer",
        officer_position="Accountant",
        advice="Affordable",
        followed=True,
    )
    for role in ("member", "approver", "auditor"):
        client.force_login(users[role])
        page = client.get(reverse("sign-off", args=[own_partnership.pk]))
        assert page.status_code == 200 and "Fin Officer" in page.content.decode()
        assert reverse("consultee-add", args=[own_partnership.pk]) not in page.content.decode()
        assert client.get(reverse("consultee-add", args=[own_partnership.pk])).status_code == 403
        response = client.post(
            reverse("consultee-remove", args=[own_partnership.pk, consultee.pk]), {"reason": "x"}
        )
        assert response.status_code == 403
    assert Consultee.objects.filter(pk=consultee.pk).exists()


@pytest.mark.django_db
def test_a_closed_partnership_sign_off_is_read_only(client, users, own_partnership):
    Partnership.objects.filter(pk=own_partnership.pk).update(status="closed")
    client.force_login(users["administrator"])
    assert client.get(reverse("sign-off", args=[own_partnership.pk])).status_code == 200
    assert client.post(reverse("consultee-add", args=[own_partnership.pk]), row()).status_code == 403
    assert not Consultee.objects.exists()
