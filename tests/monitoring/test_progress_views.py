"""Progress report pages: the next one due, writing a draft, submitting (refused while any heading is
empty, with the GOV.UK error summary), and a submitted report read-only."""

import html
from datetime import date

import pytest
from django.urls import reverse

from accord.domain.monitoring import rules
from accord.domain.monitoring.models import ProgressReport, ReportStatus
from accord.frameworks import loader

from .factories import ProgressReportFactory

pytestmark = pytest.mark.django_db


def page(response) -> str:
    return html.unescape(response.content.decode())


def when(name: str, day: date) -> dict:
    return {f"{name}-day": day.day, f"{name}-month": day.month, f"{name}-year": day.year}


@pytest.fixture
def redditch(settings, own_partnership):
    settings.ACCORD_FRAMEWORK = "redditch"
    own_partnership.start_date = date(2025, 4, 1)
    own_partnership.save()
    return rules.progress_kind(loader.get("redditch"), "progress_report")


@pytest.fixture
def officer(client, users):
    client.force_login(users["officer"])
    return client


def form_data(kind, action: str, **answers) -> dict:
    data = {
        "action": action,
        **when("period_start", date(2026, 4, 1)),
        **when("period_end", date(2026, 9, 30)),
    }
    for heading in kind.template.headings:
        data[f"answer_{heading.id}"] = answers.get(heading.id, "")
    return data


def test_the_list_shows_the_next_report_due_with_its_clause(officer, own_partnership, redditch):
    text = page(officer.get(reverse("progress-reports", args=[own_partnership.pk])))
    assert "Partnership progress report" in text
    assert "Partnership Governance Framework and Toolkit, 8" in text
    assert "Start a partnership progress report" in text


def test_a_new_report_starts_with_the_partnerships_name_and_the_officer(
    officer, users, own_partnership, redditch
):
    text = page(officer.get(reverse("progress-report-new", args=[own_partnership.pk, "progress_report"])))
    assert "Chorley Community Safety Partnership</textarea>" in text
    assert f"{users['officer'].display_name}</textarea>" in text
    assert "Key achievements of partnership from" in text and "X to X" not in text


def test_submitting_with_headings_empty_is_refused_and_saves_nothing(officer, own_partnership, redditch):
    url = reverse("progress-report-new", args=[own_partnership.pk, "progress_report"])
    response = officer.post(
        url, form_data(redditch, "submit", name="CSP", key_achievements="Fewer repeat victims")
    )
    text = page(response)
    assert response.status_code == 200
    assert "There is a problem" in text
    assert 'href="#id_answer_council_role"' in text
    assert not ProgressReport.objects.exists()


def test_a_draft_is_saved_continued_and_submitted_then_read_only(officer, own_partnership, redditch):
    url = reverse("progress-report-new", args=[own_partnership.pk, "progress_report"])
    response = officer.post(url, form_data(redditch, "save", key_achievements="Fewer repeat victims"))
    draft = ProgressReport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("progress-report-edit", args=[own_partnership.pk, draft.pk])
    assert draft.status == ReportStatus.DRAFT and draft.answers == {
        "key_achievements": "Fewer repeat victims"
    }
    # Starting again continues the one draft.
    assert "Fewer repeat victims" in page(officer.get(url))

    everything = {h.id: f"About {h.id}" for h in redditch.template.headings}
    response = officer.post(
        reverse("progress-report-edit", args=[own_partnership.pk, draft.pk]),
        {**form_data(redditch, "submit", **everything), "version": draft.version},
    )
    draft.refresh_from_db()
    assert response.status_code == 302 and draft.status == ReportStatus.SUBMITTED
    shown = page(officer.get(reverse("progress-report", args=[own_partnership.pk, draft.pk])))
    assert "Submitted on" in shown and "About work_plan" in shown and "Continue the draft" not in shown

    response = officer.post(
        reverse("progress-report-edit", args=[own_partnership.pk, draft.pk]),
        {**form_data(redditch, "save", **everything | {"work_plan": "Changed"}), "version": draft.version},
    )
    draft.refresh_from_db()
    assert response.status_code == 302
    assert draft.answers["work_plan"] == "About work_plan"


def test_a_report_the_framework_does_not_ask_for_is_not_found(officer, own_partnership, redditch):
    response = officer.get(reverse("progress-report-new", args=[own_partnership.pk, "annual_review"]))
    assert response.status_code == 404


def test_a_framework_without_progress_reports_says_so(officer, own_partnership, settings):
    settings.ACCORD_FRAMEWORK = "bury"
    text = page(officer.get(reverse("progress-reports", args=[own_partnership.pk])))
    assert "does not ask for progress reports" in text


def test_staff_read_submitted_reports_but_only_officers_on_the_partnership_write_them(
    client, users, other_partnership, redditch
):
    report = ProgressReportFactory(
        partnership=other_partnership,
        artefact_id="progress_report",
        status="submitted",
        submitted_on=date(2026, 10, 1),
    )
    client.force_login(users["member"])
    assert client.get(reverse("progress-report", args=[other_partnership.pk, report.pk])).status_code == 200
    client.force_login(users["officer"])
    response = client.post(
        reverse("progress-report-new", args=[other_partnership.pk, "progress_report"]), {"action": "save"}
    )
    assert response.status_code == 403
