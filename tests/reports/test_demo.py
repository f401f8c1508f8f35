"""The demo council comes with earlier issues of the committee reports, so the live reports have
something to say what changed since."""

import os

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from accord.outputs.reports.models import ReportSnapshot


def test_the_demo_has_issued_reports_to_compare_with(client, db):
    call_command("demo", stdout=open(os.devnull, "w"))
    assert set(ReportSnapshot.objects.values_list("kind", flat=True)) == {"annual", "key-partnerships"}
    client.force_login(get_user_model().objects.get(username="member"))
    page = client.get(reverse("report", args=["annual"])).content.decode()
    assert "What changed since" in page
    assert "Chorley" in page
