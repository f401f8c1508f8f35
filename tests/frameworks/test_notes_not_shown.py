"""Maintainers' notes are never shown: the pages a partnership's people read under each framework
carry no "the seed", no source file name, no "documented default" and no file identifier such as
"question bank performance_report" or "(template terms_of_reference)"."""

import html
import re

import pytest
from django.urls import reverse

from accord.register.models import PartnershipType
from tests import factories as f

FRAMEWORKS = ["bury", "central_bedfordshire", "chorley", "northampton", "redditch", "model"]
LEAK = re.compile(
    r"\d{3}_[0-9a-f]{16}\.txt|\bthe seed\b|seed text|documented default|default scale point"
    r"|question bank [a-z]+_|\(template [a-z]+_",
    re.IGNORECASE,
)
PAGES = ("partnership", "cycle", "progress-reports", "representatives", "risks")


@pytest.mark.django_db
@pytest.mark.parametrize("framework_id", FRAMEWORKS)
def test_a_partnerships_pages_show_no_maintainers_remark(client, users, settings, framework_id):
    settings.ACCORD_FRAMEWORK = framework_id
    partnership = f.PartnershipFactory(
        name="Riverside Community Trust", status="active", is_key_partnership=True
    )
    client.force_login(users["administrator"])
    for name in PAGES:
        response = client.get(reverse(name, args=[partnership.pk]))
        assert response.status_code == 200, name
        text = html.unescape(response.content.decode())
        assert not LEAK.findall(text), (name, LEAK.findall(text))


@pytest.mark.django_db
def test_an_open_report_back_rule_shows_its_guidance_not_its_note(client, users, settings):
    settings.ACCORD_FRAMEWORK = "bury"
    joint = PartnershipType.objects.get(name="Joint committee")
    partnership = f.PartnershipFactory(name="Bury Joint Committee", status="active", partnership_type=joint)
    client.force_login(users["administrator"])
    text = html.unescape(client.get(reverse("representatives", args=[partnership.pk])).content.decode())
    assert "Agree who attends and how they report back with the relevant lead Chief Officer." in text
    assert "empty in the seed text" not in text
