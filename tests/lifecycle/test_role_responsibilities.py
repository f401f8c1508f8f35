"""Role responsibilities as data (schema v2, ADR 0028): Redditch App 6 says what each role is to do;
the appointments page shows it under the council's framework only."""

import html

import pytest
from django.urls import reverse

from accord.frameworks import loader

pytestmark = pytest.mark.django_db


def test_redditch_app_6_gives_each_role_its_responsibilities():
    roles = {r.id: r for r in loader.get("redditch").roles}
    assert len(roles["officer_representative"].responsibilities) == 6
    assert (
        roles["head_of_strategy_and_partnerships"].responsibilities[1].startswith("produce an annual report")
    )
    assert roles["leader"].responsibilities == []  # App 6 says nothing of the Leader


def test_the_appointments_page_shows_what_each_role_is_to_do(client, users, settings):
    settings.ACCORD_FRAMEWORK = "redditch"
    client.force_login(users["administrator"])
    page = html.unescape(client.get(reverse("appointments")).content.decode())
    assert "What each role is to do" in page
    assert "Undertake an annual review of the partnership's governance and performance effectiveness" in page
    assert "Source: Partnership Governance Framework and Toolkit, App 6" in page
    assert "004_0d99c29b5f1d20f0" not in page


def test_a_framework_without_role_responsibilities_shows_none(client, users):
    client.force_login(users["administrator"])  # Chorley
    page = client.get(reverse("appointments")).content.decode()
    assert "What each role is to do" not in page
    assert "annual review of the partnership's governance" not in page
