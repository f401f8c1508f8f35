"""Progress reports: drafts on the framework's template, submitting (refused while any heading is
empty), and read-only once submitted."""

from datetime import date

import pytest

from accord.domain.monitoring import progress, rules
from accord.domain.monitoring.models import ReportStatus
from accord.domain.monitoring.services import MonitoringError
from accord.frameworks import loader
from accord.kernel.audit.models import AuditEvent
from accord.register.services import StaleEdit

pytestmark = pytest.mark.django_db


@pytest.fixture
def redditch(settings):
    settings.ACCORD_FRAMEWORK = "redditch"
    return rules.progress_kind(loader.get("redditch"), "progress_report")


def answers(kind, **overrides):
    return {h.id: f"Answer to {h.text}" for h in kind.template.headings} | overrides


def test_redditch_asks_for_the_app_3_headings(redditch):
    ids = [h.id for h in redditch.template.headings]
    assert ids[:4] == ["name", "officer", "key_achievements", "council_role"]
    assert {
        "contributions",
        "corporate_objectives",
        "work_plan",
        "contribution_to_objectives",
        "other_comments",
    } <= set(ids)


def test_each_framework_names_the_reports_it_asks_for_on_a_template_it_has():
    found = {fid: [k.id for k in rules.progress_kinds(fw)] for fid, fw in loader.all_frameworks().items()}
    assert found["redditch"] == ["progress_report"]
    assert found["chorley"] == ["performance_report"]
    assert found["model"] == ["progress_report", "performance_report"]
    assert found["bury"] == found["central_bedfordshire"] == found["northampton"] == []


def test_a_draft_keeps_empty_headings_and_submitting_it_is_refused_until_all_are_answered(
    users, own_partnership, redditch
):
    draft = progress.save_draft(
        users["officer"],
        own_partnership,
        redditch,
        date(2026, 4, 1),
        date(2026, 9, 30),
        {"name": "CSP"},
        framework=loader.current(),
    )
    assert draft.status == ReportStatus.DRAFT and draft.answers == {"name": "CSP"}
    with pytest.raises(progress.Incomplete) as refused:
        progress.submit(users["officer"], draft, redditch, framework=loader.current())
    assert "key_achievements" in [h.id for h in refused.value.missing]
    draft.refresh_from_db()
    assert draft.status == ReportStatus.DRAFT


def test_a_submitted_report_keeps_its_headings_and_can_no_longer_change(users, own_partnership, redditch):
    draft = progress.save_draft(
        users["officer"],
        own_partnership,
        redditch,
        date(2026, 4, 1),
        date(2026, 9, 30),
        answers(redditch),
        framework=loader.current(),
    )
    report = progress.submit(
        users["officer"], draft, redditch, expected_version=draft.version, framework=loader.current()
    )
    assert report.status == ReportStatus.SUBMITTED
    assert report.submitted_by == users["officer"] and report.submitted_on is not None
    assert [h["id"] for h in report.headings] == [h.id for h in redditch.template.headings]
    assert report.framework_id == "redditch"
    with pytest.raises(MonitoringError, match="submitted"):
        progress.save_draft(
            users["officer"],
            own_partnership,
            redditch,
            date(2026, 4, 1),
            date(2026, 9, 30),
            {},
            report,
            framework=loader.current(),
        )
    history = AuditEvent.objects.filter(object_type="progress report", object_id=report.pk)
    assert history.count() == 2
    assert "submitted" in history.order_by("-id").first().reason


def test_a_stale_draft_is_refused(users, own_partnership, redditch):
    draft = progress.save_draft(
        users["officer"],
        own_partnership,
        redditch,
        date(2026, 4, 1),
        date(2026, 9, 30),
        {},
        framework=loader.current(),
    )
    progress.save_draft(
        users["administrator"],
        own_partnership,
        redditch,
        draft.period_start,
        draft.period_end,
        {"name": "A"},
        draft,
        1,
        framework=loader.current(),
    )
    with pytest.raises(StaleEdit):
        progress.save_draft(
            users["officer"],
            own_partnership,
            redditch,
            draft.period_start,
            draft.period_end,
            {"name": "B"},
            draft,
            1,
            framework=loader.current(),
        )
    draft.refresh_from_db()
    assert draft.answers == {"name": "A"}


def test_a_period_that_ends_before_it_starts_is_refused(users, own_partnership, redditch):
    with pytest.raises(MonitoringError, match="end of the period"):
        progress.save_draft(
            users["officer"],
            own_partnership,
            redditch,
            date(2026, 9, 1),
            date(2026, 4, 1),
            {},
            framework=loader.current(),
        )


def test_the_template_placeholder_becomes_the_reports_period():
    text = rules.heading_text(
        "Key achievements of partnership from X to X [date]", date(2026, 4, 1), date(2026, 9, 30)
    )
    assert text == "Key achievements of partnership from 1 April 2026 to 30 September 2026"


def test_a_new_report_runs_on_from_the_last_one():
    assert rules.default_period(date(2026, 3, 31), date(2020, 1, 1), date(2026, 11, 22)) == (
        date(2026, 4, 1),
        date(2026, 11, 22),
    )
    assert rules.default_period(None, date(2026, 6, 1), date(2026, 11, 22)) == (
        date(2026, 6, 1),
        date(2026, 11, 22),
    )
