"""A report counts only for a real period (ADR 0024): a period that ends on the day it starts (6 Dec –
6 Dec) is refused by the form with a GOV.UK error and by the service, and a report covering one never
meets Redditch's "first report within 6 months"."""

import html
from datetime import date

import pytest
from django.urls import reverse

from accord.domain.monitoring import progress, rules
from accord.domain.monitoring.models import ProgressReport
from accord.domain.monitoring.services import MonitoringError
from accord.frameworks import apply, engine, loader
from tests.clock import on_day

from .factories import ProgressReportFactory

pytestmark = pytest.mark.django_db
SIXTH_DECEMBER = date(2026, 12, 6)


def when(name: str, day: date) -> dict:
    return {f"{name}-day": day.day, f"{name}-month": day.month, f"{name}-year": day.year}


@pytest.fixture
def redditch(settings, own_partnership):
    """Redditch; the council joined in the autumn, so its first progress report is due within 6 months."""
    settings.ACCORD_FRAMEWORK = "redditch"
    own_partnership.start_date = date(2026, 9, 1)
    own_partnership.save()
    return rules.progress_kind(loader.get("redditch"), "progress_report")


def answers(kind) -> dict[str, str]:
    return {h.id: f"Written for {h.id}" for h in kind.template.headings}


def test_a_zero_length_report_period_is_refused(client, users, own_partnership, redditch):
    client.force_login(users["officer"])
    data = {"action": "submit", **when("period_start", SIXTH_DECEMBER), **when("period_end", SIXTH_DECEMBER)}
    data.update({f"answer_{h}": text for h, text in answers(redditch).items()})
    with on_day(SIXTH_DECEMBER):
        response = client.post(
            reverse("progress-report-new", args=[own_partnership.pk, "progress_report"]), data
        )
    page = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "The end of the period must be after its start" in page
    assert 'href="#id_period_end-day"' in page or 'href="#id_period_end"' in page
    assert not ProgressReport.objects.exists()


def test_the_progress_report_service_refuses_a_zero_length_period_too(users, own_partnership, redditch):
    with pytest.raises(MonitoringError, match="must be after its start"):
        progress.save_draft(
            users["officer"],
            own_partnership,
            redditch,
            SIXTH_DECEMBER,
            SIXTH_DECEMBER,
            answers(redditch),
            framework=loader.current(),
        )
    assert not ProgressReport.objects.exists()


def test_a_report_covering_a_zero_length_period_never_meets_redditchs_first_report(own_partnership, redditch):
    """The finding: a progress report covering 6 Dec – 6 Dec met 'first report within 6 months'. One
    already in the register (submitted before the rule) still does not count."""
    ProgressReportFactory(
        partnership=own_partnership,
        artefact_id="progress_report",
        template_id="progress_report",
        period_start=SIXTH_DECEMBER,
        period_end=SIXTH_DECEMBER,
        answers=answers(redditch),
        status="submitted",
        submitted_on=SIXTH_DECEMBER,
    )
    with on_day(SIXTH_DECEMBER):
        first = next(
            r
            for r in apply.obligations_for(own_partnership, framework=loader.current())
            if r.obligation_id == "progress_report"
        )
    assert first.evidence is None and first.status != engine.MET


def test_a_draft_saved_with_a_zero_length_period_cannot_be_submitted(users, own_partnership, redditch):
    draft = ProgressReportFactory(
        partnership=own_partnership,
        artefact_id="progress_report",
        template_id="progress_report",
        period_start=SIXTH_DECEMBER,
        period_end=SIXTH_DECEMBER,
        answers=answers(redditch),
    )
    with pytest.raises(MonitoringError, match="must be after its start"):
        progress.submit(users["officer"], draft, redditch, framework=loader.current())
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_a_report_for_a_real_period_meets_the_first_report(users, own_partnership, redditch):
    with on_day(SIXTH_DECEMBER):
        report = progress.save_draft(
            users["officer"],
            own_partnership,
            redditch,
            date(2026, 9, 1),
            SIXTH_DECEMBER,
            answers(redditch),
            framework=loader.current(),
        )
        progress.submit(users["officer"], report, redditch, framework=loader.current())
        first = next(
            r
            for r in apply.obligations_for(own_partnership, framework=loader.current())
            if r.obligation_id == "progress_report"
        )
    assert first.evidence == SIXTH_DECEMBER
