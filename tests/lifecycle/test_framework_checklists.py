"""Everything a council's framework defines is reachable from the partnership's cycle (issue 16):
the checklists no artefact answers (Central Bedfordshire's board duties, Chorley's data-quality
steps, Northampton's SMART delivery planning...) each have a page, and every record the framework
asks for is linked, whether or not a gate needs it."""

import pytest
from django.urls import reverse

from accord.domain.lifecycle import framework_checklists, services
from accord.domain.lifecycle.models import ArtefactRecord
from accord.domain.lifecycle.where import artefact_url
from accord.frameworks import loader
from tests.lifecycle.test_casework import bank_data

pytestmark = pytest.mark.django_db

SEED_FRAMEWORKS = ["bury", "central_bedfordshire", "chorley", "northampton", "redditch"]


@pytest.mark.parametrize("framework_id", SEED_FRAMEWORKS)
def test_the_cycle_page_links_every_checklist_and_record_of_the_framework(
    client, users, own_partnership, settings, framework_id
):
    settings.ACCORD_FRAMEWORK = framework_id
    framework = loader.get(framework_id)
    client.force_login(
        users["administrator"]
    )  # every role's links are followed by tests/frameworks/test_crawl.py
    page = client.get(reverse("cycle", args=[own_partnership.pk])).content.decode()
    banks = framework_checklists.standalone_banks(framework)
    for bank in banks:
        href = reverse("bank-checklist", args=[own_partnership.pk, bank.id])
        assert f'href="{href}"' in page, bank.id
        assert client.get(href).status_code == 200, href
    answered = {b for a in framework.artefacts for b in a.banks}
    assert {b.id for b in banks} | answered >= {
        b.id for b in framework.question_banks if b.purpose not in framework_checklists.ELSEWHERE_PURPOSES
    }
    conditions = services.state(own_partnership, framework).facts.conditions
    for artefact in framework.artefacts:
        if artefact.kind == "approval":
            continue
        if framework_checklists.only_when_not_met(framework, artefact.id, conditions):
            # asked for only where a fact holds that does not hold here (ADR 0028): not listed
            continue
        href = artefact_url(own_partnership, framework, artefact).split("#")[0]
        assert f'href="{href}' in page, artefact.id


def test_central_bedfordshires_board_duties_are_answered_by_the_officer_and_read_by_the_auditor(
    client, users, own_partnership, settings
):
    settings.ACCORD_FRAMEWORK = "central_bedfordshire"
    bank = next(b for b in loader.get("central_bedfordshire").question_banks if b.id == "board_duties")
    url = reverse("bank-checklist", args=[own_partnership.pk, bank.id])
    client.force_login(users["officer"])
    data = {"action": "complete", **bank_data(bank, comment="The board adopted its duties on 3 March.")}
    assert client.post(url, data).status_code == 302
    record = ArtefactRecord.objects.get(partnership=own_partnership, slot="checklist-board_duties")
    assert record.complete

    client.force_login(users["auditor"])
    page = client.get(url).content.decode()
    assert "The board adopted its duties on 3 March." in page
    assert not any(f'name="{key}"' in page for key in data if key != "action")
    assert client.post(url, data).status_code == 403
    cycle = client.get(reverse("cycle", args=[own_partnership.pk])).content.decode()
    assert "Duties of the Joint Committee or Board</a> – complete" in cycle


def test_a_bank_an_artefact_answers_has_no_page_of_its_own(client, users, own_partnership, settings):
    settings.ACCORD_FRAMEWORK = "redditch"  # App 4a is the working arrangements checklist and the review
    client.force_login(users["administrator"])
    url = reverse("bank-checklist", args=[own_partnership.pk, "annual_review"])
    assert client.get(url).status_code == 404
    # App 1's operational checklist, which no artefact answers, has its own page
    url = reverse("bank-checklist", args=[own_partnership.pk, "operational_checklist"])
    assert client.get(url).status_code == 200
