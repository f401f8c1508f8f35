"""The cycle's states are defined once (accord.register.states) and shown in the council's words:
the name its framework gives each stage (issue 17 point 3)."""

import html

import pytest
from django.urls import reverse

from accord.domain.lifecycle import cycle
from accord.frameworks import loader, schema, stage_names
from accord.register import states
from accord.register.models import PartnershipStatus
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_one_vocabulary_for_the_register_the_schema_and_the_engine():
    assert dict(PartnershipStatus.choices) == states.NAMES
    assert schema.LIFECYCLE_STATES == states.CYCLE
    assert cycle.MAIN_PATH == states.MAIN_PATH
    assert set(cycle.MOVES) == set(states.NAMES)  # every state has its moves, and no other state exists


@pytest.mark.parametrize(
    "framework_id", ["bury", "central_bedfordshire", "chorley", "northampton", "redditch"]
)
def test_each_framework_names_every_stage_of_its_cycle(framework_id):
    framework = loader.get(framework_id)
    named = {s.id: s.name for s in framework.stages}
    for state in states.CYCLE:
        assert stage_names.stage_name(framework, state) == named.get(state, states.NAMES[state])
    assert stage_names.stage_name(framework, states.WITHDRAWN) == "Withdrawn"  # an outcome, not a stage


def test_the_cycle_page_names_the_stage_as_bury_does(client, users, settings):
    settings.ACCORD_FRAMEWORK = "bury"
    partnership = f.PartnershipFactory(name="Bury Leisure Trust", reference="BLT-01", status="active")
    client.force_login(users["administrator"])
    page = html.unescape(client.get(reverse("cycle", args=[partnership.pk])).content.decode())
    assert "Stage: <strong>Partnership in operation</strong>" in page
    assert "<strong>Partnership in operation (current stage)</strong>" in page
    for name in ("Issue, idea or need identified", "Approval in principle", "Exit", "Dissolution"):
        assert name in page
    assert "Stage: <strong>Active</strong>" not in page


def test_the_same_partnership_under_chorley_reads_in_chorleys_words(client, users):
    partnership = f.PartnershipFactory(name="Leisure contract", reference="LC-01", status="active")
    client.force_login(users["administrator"])
    page = html.unescape(client.get(reverse("cycle", args=[partnership.pk])).content.decode())
    assert "Stage: <strong>Monitoring</strong>" in page
    assert "Three-yearly review" in page
    assert "Partnership in operation" not in page  # Bury's words never appear under Chorley


def test_the_move_page_and_the_banner_use_the_frameworks_names(client, users, settings):
    settings.ACCORD_FRAMEWORK = "bury"
    partnership = f.PartnershipFactory(name="Bury Leisure Trust", reference="BLT-02", status="active")
    client.force_login(users["administrator"])
    page = html.unescape(
        client.get(reverse("cycle-move", args=[partnership.pk, "under_review"])).content.decode()
    )
    assert "'Partnership in operation' to 'Review of the Partnership Agreement'" in page
    banner = client.get(reverse("cycle", args=[partnership.pk]) + "?moved=under_review").content.decode()
    assert "The partnership is now at the stage: Review of the Partnership Agreement</p>" in banner
    assert "&lt;p class" not in banner  # the banner's markup is markup, not text


def test_the_button_to_enter_a_stage_says_what_the_framework_says(client, users, settings):
    partnership = f.PartnershipFactory(name="Leisure contract", reference="LC-02", status="business_case")
    client.force_login(users["administrator"])
    page = html.unescape(client.get(reverse("cycle", args=[partnership.pk])).content.decode())
    assert "Next: report the proposal to Executive Cabinet" in page  # Chorley's stage `action`
    assert "submit for approval" not in page.lower()
    settings.ACCORD_FRAMEWORK = "central_bedfordshire"  # names no action: Accord's plain words
    page = html.unescape(client.get(reverse("cycle", args=[partnership.pk])).content.decode())
    assert "Next: submit for approval" in page
    assert "can move to 'Decision to enter'" in page  # CBC's name for the stage
    assert "Executive Cabinet" not in page
