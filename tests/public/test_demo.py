"""The demo council's published register: partnerships to browse, how each is governed, complaints
procedures (and the fallback), and a published progress report."""

import pytest
from django.urls import reverse

from accord.domain.monitoring.models import ProgressReport
from accord.outputs.public import queries
from accord.site.demo import load_demo

pytestmark = pytest.mark.django_db


def test_the_demo_council_has_a_published_register_to_explore(client):
    load_demo()
    published = queries.published_partnerships()
    assert published.count() >= 20
    assert not published.exclude(status="closed").filter(governance_summary="").exists()  # closed: read-only
    assert published.filter(complaints_procedure="").exists()  # some show the council's procedure
    report = ProgressReport.objects.get(is_published=True)
    assert report.status == "submitted" and published.filter(pk=report.partnership_id).exists()
    text = client.get(reverse("public-partnership", args=[report.partnership.reference])).content.decode()
    assert "No progress report has been published yet" not in text
    assert "How it is governed" in text
