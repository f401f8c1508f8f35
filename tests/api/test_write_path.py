"""Every way of adding a partnership (the form, the API, an import, the demo) goes through the
register's one write path (accord.register.writes) and so has the same side effects (issue 15)."""

import pytest
from django.urls import reverse

from accord.domain.lifecycle.models import Transition
from accord.frameworks.models import SignificanceAssessment
from accord.kernel.audit.models import AuditEvent
from accord.outputs.transfer.commit import commit
from accord.outputs.transfer.reading import read
from accord.register.models import Membership, Partnership, SearchTerm
from accord.site import demo
from tests import factories as f
from tests.test_bad_input import create_data
from tests.transfer.helpers import PARTNERSHIP_HEADERS, guessed_mapping, partnership_row, xlsx


def add_on_the_form(client, users, api_as):
    client.force_login(users["officer"])
    assert client.post(reverse("partnership-create"), create_data()).status_code == 302
    return Partnership.objects.get(reference="YP-01")


def add_through_the_api(client, users, api_as):
    data = create_data()
    body = {k: v for k, v in data.items() if not k.startswith("significance-")}
    response = api_as("administrator").post("partnerships", body)
    assert response.status_code == 201, response.content
    return Partnership.objects.get(pk=response.json()["id"])


def add_by_import(client, users, api_as):
    f.PartnershipTypeFactory(name="Public sector strategic")
    f.DirectorateFactory(code="COMM", name="Communities")
    content = xlsx(
        {"Partnerships": [PARTNERSHIP_HEADERS, partnership_row("YP-01", "Chorley Youth Partnership")]}
    )
    book = read("register.xlsx", content)
    commit(users["administrator"], "register.xlsx", book, guessed_mapping(book))
    return Partnership.objects.get(reference="YP-01")


def add_in_the_demo(client, users, api_as):
    council = f.council()
    row = {
        "reference": "YP-01",
        "name": "Chorley Youth Partnership",
        "type": "youth",
        "lead_organisation": "council",
        "council_role": "lead",
        "directorate": "COMM",
        "status": "proposed",
        "members": [{"organisation": "council", "role": "lead"}],
    }
    [partnership] = demo.load_partnerships(
        [row],
        {"youth": f.PartnershipTypeFactory()},
        {"council": council},
        {"COMM": f.DirectorateFactory()},
        {},
        {},
    )
    return partnership


@pytest.mark.django_db
@pytest.mark.parametrize("add", [add_on_the_form, add_through_the_api, add_by_import, add_in_the_demo])
def test_every_way_of_adding_a_partnership_has_the_same_side_effects(add, client, users, settings, api_as):
    settings.ACCORD_FRAMEWORK = "central_bedfordshire"  # every tier is reached by facts: nothing to ask
    partnership = add(client, users, api_as)
    created = AuditEvent.objects.filter(partnership=partnership, object_type="partnership", action="created")
    assert created.count() == 1
    first = Transition.objects.get(partnership=partnership)
    assert first.from_status == "" and first.to_status == partnership.status
    assert Membership.objects.filter(partnership=partnership, organisation__is_council=True).count() == 1
    assert SearchTerm.objects.filter(partnership=partnership, term="youth").exists()
    assert SignificanceAssessment.objects.filter(
        partnership=partnership, framework_id="central_bedfordshire"
    ).exists()
    history = AuditEvent.objects.filter(partnership=partnership).values_list("changes", flat=True)
    assert any(c["label"] == "Significance" for change in history for c in change)
