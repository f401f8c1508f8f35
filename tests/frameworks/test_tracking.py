"""Tracking starts at go-live (ADR 0021): the council's 'tracking from' date, and when a duty was last
done before Accord, recorded per partnership — in the pages, with their refusals."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from accord.frameworks import apply, engine, loader, services, tracking
from accord.frameworks.models import PriorCompletion, TrackingStart
from accord.kernel import clock
from accord.kernel.audit.models import AuditEvent
from tests import factories as f

pytestmark = pytest.mark.django_db
GO_LIVE = date(2026, 9, 1)


@pytest.fixture
def chorley_key(settings, own_partnership):
    """A key partnership under Chorley's framework, active since 2012, entered in the register."""
    settings.ACCORD_FRAMEWORK = "chorley"
    type(own_partnership).objects.filter(pk=own_partnership.pk).update(
        is_key_partnership=True, start_date=date(2012, 4, 1)
    )
    own_partnership.refresh_from_db()
    return own_partnership


def review(partnership) -> engine.ObligationResult:
    return next(
        r
        for r in apply.obligations_for(partnership, framework=loader.current())
        if r.obligation_id == "three_yearly_review"
    )


def test_without_a_setting_tracking_starts_the_day_the_first_partnership_was_entered(chorley_key):
    assert tracking.tracking_from() == clock.today()
    assert review(chorley_key).status == engine.BEFORE_ACCORD


def test_an_administrator_sets_the_go_live_date_with_a_reason_kept_in_the_history(client, users):
    client.force_login(users["administrator"])
    page = client.get(reverse("tracking-start"))
    assert page.status_code == 200
    response = client.post(
        reverse("tracking-start"),
        {
            "started_on-day": "1",
            "started_on-month": "9",
            "started_on-year": "2026",
            "reason": "Went live at Cabinet",
        },
    )
    assert response.status_code == 302
    assert tracking.tracking_from() == GO_LIVE
    event = AuditEvent.objects.get(object_type="tracking start")
    assert event.reason == "Went live at Cabinet"
    dashboard = client.get(reverse("compliance")).content.decode()
    assert "since <strong>1 September 2026</strong>" in dashboard


def test_a_go_live_date_needs_a_reason_and_cannot_be_in_the_future(client, users):
    client.force_login(users["administrator"])
    blank = client.post(
        reverse("tracking-start"),
        {"started_on-day": "1", "started_on-month": "9", "started_on-year": "2026", "reason": ""},
    )
    assert "Enter why the date is being set or changed" in blank.content.decode()
    future = clock.today() + timedelta(days=400)
    later = client.post(
        reverse("tracking-start"),
        {
            "started_on-day": future.day,
            "started_on-month": future.month,
            "started_on-year": future.year,
            "reason": "x",
        },
    )
    assert "must be today or in the past" in later.content.decode()
    assert not TrackingStart.objects.exists()


def test_only_an_administrator_may_set_the_go_live_date(client, users):
    for role in ("officer", "approver", "auditor", "member"):
        client.force_login(users[role])
        assert client.get(reverse("tracking-start")).status_code == 403
    assert not TrackingStart.objects.exists()


def test_recording_when_a_review_was_last_done_sets_the_next_due_date(client, users, chorley_key):
    f.track_from(GO_LIVE)
    f.RoleFactory(partnership=chorley_key, person=users["officer"].person, role="lead_officer")
    client.force_login(users["officer"])
    page = client.get(reverse("partnership", args=[chorley_key.pk])).content.decode()
    url = reverse("last-done", args=[chorley_key.pk, "three_yearly_review"])
    assert url in page and "Record when it was last done" in page
    response = client.post(
        url, {"done_on-day": "14", "done_on-month": "3", "done_on-year": "2024", "note": "Cabinet 14/3"}
    )
    assert response.status_code == 302
    result = review(chorley_key)
    assert (result.evidence, result.due) == (date(2024, 3, 14), date(2027, 3, 14))
    assert AuditEvent.objects.filter(
        partnership=chorley_key, object_type__startswith="record of when"
    ).exists()


def test_a_last_done_date_on_or_after_go_live_is_refused_and_nothing_is_recorded(client, users, chorley_key):
    """No side door: from go-live, only a review carried out in Accord meets the duty."""
    f.track_from(GO_LIVE)
    client.force_login(users["administrator"])
    url = reverse("last-done", args=[chorley_key.pk, "three_yearly_review"])
    response = client.post(url, {"done_on-day": "2", "done_on-month": "9", "done_on-year": "2026"})
    assert "record anything done since then in Accord itself" in response.content.decode()
    assert not PriorCompletion.objects.exists()
    assert review(chorley_key).status == engine.BEFORE_ACCORD


def test_only_the_frameworks_own_duties_take_a_last_done_date(client, users, chorley_key):
    client.force_login(users["administrator"])
    assert client.get(reverse("last-done", args=[chorley_key.pk, "assurance_rereview"])).status_code == 404
    with pytest.raises(services.TrackingError):
        services.record_last_done(
            users["administrator"], chorley_key, "no_such_duty", date(2020, 1, 1), framework=loader.current()
        )


def test_someone_who_cannot_change_the_partnership_cannot_record_a_last_done_date(client, users, chorley_key):
    f.track_from(GO_LIVE)
    url = reverse("last-done", args=[chorley_key.pk, "three_yearly_review"])
    for role in ("approver", "auditor", "member"):
        client.force_login(users[role])
        assert (
            client.post(url, {"done_on-day": "14", "done_on-month": "3", "done_on-year": "2024"}).status_code
            == 403
        )
    assert not PriorCompletion.objects.exists()


def test_a_correction_supersedes_the_earlier_date_which_stays_in_the_history(users, chorley_key):
    f.track_from(GO_LIVE)
    admin = users["administrator"]
    services.record_last_done(
        admin, chorley_key, "three_yearly_review", date(2023, 3, 14), framework=loader.current()
    )
    services.record_last_done(
        admin, chorley_key, "three_yearly_review", date(2024, 3, 14), framework=loader.current()
    )
    assert PriorCompletion.objects.count() == 2
    assert review(chorley_key).due == date(2027, 3, 14)


def test_moving_go_live_later_turns_an_overdue_duty_into_before_accord(users, chorley_key):
    f.track_from(date(2012, 1, 1))
    assert review(chorley_key).status == engine.OVERDUE
    services.set_tracking_from(
        users["administrator"], GO_LIVE, "We went live in September", framework=loader.current()
    )
    assert review(chorley_key).status == engine.BEFORE_ACCORD
