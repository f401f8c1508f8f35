"""Bury App 3's declaration ("I have consulted the above…"), signed by name and dated: the framework
declares it on its sign-off (schema v2, ADR 0028); the sign-off is complete only once it is signed,
and a change to who was consulted unsigns it."""

import html
from datetime import date

import pytest
from django.urls import reverse

from accord.domain.lifecycle import signoff
from accord.domain.lifecycle.models import ArtefactRecord
from accord.frameworks import loader
from tests import factories as f

from .test_signoff import BURY_EXPECTED, values

pytestmark = pytest.mark.django_db


@pytest.fixture
def bury(settings):
    settings.ACCORD_FRAMEWORK = "bury"


def url(partnership) -> str:
    return reverse("sign-off-declaration", args=[partnership.pk])


def record(partnership) -> ArtefactRecord | None:
    return ArtefactRecord.objects.filter(partnership=partnership, slot="sign_off").first()


def consulted_everyone(user, partnership) -> None:
    for department in BURY_EXPECTED:
        signoff.save_consultee(user, partnership, values(department), loader.current())


def test_bury_declares_its_app_3_declaration_in_its_own_words(bury):
    declaration = signoff.declaration(loader.current())
    assert declaration.text.startswith("I have consulted the above, considered their advice")
    assert declaration.signed_by == "Director / Chief Officer"
    assert signoff.declaration(loader.get("chorley")) is None  # Chorley's framework has none


def test_the_declaration_is_signed_by_name_and_dated(client, users, own_partnership, bury):
    consulted_everyone(users["officer"], own_partnership)
    client.force_login(users["officer"])
    page = html.unescape(client.get(reverse("sign-off", args=[own_partnership.pk])).content.decode())
    assert "I have consulted the above" in page and "Not signed yet" in page
    assert "The Director / Chief Officer signs and dates the declaration" in page
    form = {"name": "Dee Director", "signed_on-day": "1", "signed_on-month": "3", "signed_on-year": "2025"}
    response = client.post(url(own_partnership), form)
    assert response.status_code == 302
    signed = record(own_partnership)
    assert signed.complete
    assert signed.answers["declaration"]["name"] == "Dee Director"
    assert signed.answers["declaration"]["signed_on"] == "2025-03-01"
    page = html.unescape(client.get(reverse("sign-off", args=[own_partnership.pk])).content.decode())
    assert "Signed by Dee Director, Director / Chief Officer, on 1 March 2025." in page


def test_a_declaration_without_a_name_or_date_is_refused_and_nothing_changes(
    client, users, own_partnership, bury
):
    consulted_everyone(users["officer"], own_partnership)
    before = record(own_partnership).revision
    client.force_login(users["officer"])
    response = client.post(url(own_partnership), {"name": " "})
    page = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert "Enter the name of the Director / Chief Officer signing the declaration" in page
    assert "Enter the date the declaration is signed" in page
    assert record(own_partnership).revision == before


def test_nobody_signs_before_anyone_is_consulted(users, own_partnership, bury):
    with pytest.raises(signoff.SignOffError, match="Record who was consulted"):
        signoff.sign_declaration(users["officer"], own_partnership, loader.current(), "Dee", date(2025, 3, 1))


def test_changing_who_was_consulted_unsigns_the_declaration(users, own_partnership, bury):
    consulted_everyone(users["officer"], own_partnership)
    framework = loader.current()
    signoff.sign_declaration(users["officer"], own_partnership, framework, "Dee Director", date(2025, 3, 1))
    assert record(own_partnership).complete
    consultee = own_partnership.consultees.first()
    changed = values(consultee.department, advice="New advice")
    signoff.save_consultee(users["officer"], own_partnership, changed, framework, consultee)
    assert not record(own_partnership).complete
    assert signoff.signed(record(own_partnership)) == {}


def test_a_framework_without_a_declaration_has_no_declaration_page(client, users, own_partnership):
    client.force_login(users["officer"])
    assert client.get(url(own_partnership)).status_code == 404


@pytest.mark.parametrize("role", ["member", "approver", "auditor", "partner"])
def test_only_those_who_may_change_the_partnership_sign(client, users, own_partnership, role, bury):
    consulted_everyone(users["officer"], own_partnership)
    client.force_login(users[role])
    form = {"name": "Someone", "signed_on-day": "1", "signed_on-month": "3", "signed_on-year": "2025"}
    assert client.get(url(own_partnership)).status_code in (403, 404)
    assert client.post(url(own_partnership), form).status_code in (403, 404)
    assert signoff.signed(record(own_partnership)) == {}


def test_an_officer_not_on_the_partnership_cannot_sign(client, users, bury):
    partnership = f.PartnershipFactory(name="Somebody else's")
    client.force_login(users["officer"])
    assert client.get(url(partnership)).status_code in (403, 404)


# Bury App 3: the sign-off checklist is "to be attached to the Record of Delegated Decision sheet".


def test_bury_declares_its_record_of_delegated_decision_in_its_words(bury):
    framework = loader.current()
    [artefact] = [a for a in framework.artefacts if a.id == "record_of_delegated_decision"]
    assert artefact.name == "Record of Delegated Decision"
    bank = next(b for b in framework.question_banks if b.id == "record_of_delegated_decision")
    assert [q.text for q in bank.questions][:2] == [
        "What advice/guidance has been sought throughout the process?",
        "Has that advice/guidance been followed?",
    ]
    [needed] = [r for r in framework.requirements if r.artefact == artefact.id]
    assert needed.gate == "active"
    for other in ("chorley", "redditch", "northampton", "central_bedfordshire", "model"):
        assert not any(a.id == artefact.id for a in loader.get(other).artefacts)


def test_the_record_of_delegated_decision_is_reached_from_the_cycle_and_its_gate(
    client, users, own_partnership, bury
):
    from accord.domain.lifecycle import services
    from accord.register.models import Partnership

    Partnership.objects.filter(pk=own_partnership.pk).update(status="agreement")
    own_partnership.refresh_from_db()
    client.force_login(users["officer"])
    page_url = reverse(
        "checklist", args=[own_partnership.pk, "record_of_delegated_decision", "record_of_delegated_decision"]
    )
    cycle = client.get(reverse("cycle", args=[own_partnership.pk])).content.decode()
    assert f'href="{page_url}"' in cycle
    missing = services.check(own_partnership, "active", framework=loader.current()).missing
    assert any(m.text.startswith("Record of Delegated Decision") for m in missing), [m.text for m in missing]
    page = html.unescape(client.get(page_url).content.decode())
    assert "What evidence does the Partnership Agreement provide" in page
    assert "Code of Practice for Partnerships, App 3" in page
    answers = {
        "action": "complete",
        "record_of_delegated_decision-comment_advice_sought": "Legal, Finance and Procurement advice",
        "record_of_delegated_decision-comment_advice_followed": "Yes, all of it",
        "record_of_delegated_decision-comment_recommendations_taken_into_account": "Clauses 4, 9 and 12",
    }
    assert client.post(page_url, answers).status_code == 302
    missing = services.check(own_partnership, "active", framework=loader.current()).missing
    assert not any(m.text.startswith("Record of Delegated Decision") for m in missing)
