"""Personal calendar feeds: the secret address shown once, kept hashed, read by a calendar program
(parsed here with icalendar), stopped and made again."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from icalendar import Calendar

from accord.outputs.reminders import feeds
from accord.outputs.reminders.models import CalendarFeed

from .factories import GOVERNANCE_DUE, REPORT, REPORT_DUE, hold, key_partnership, person

pytestmark = pytest.mark.django_db
FEED = re.compile(r"http://testserver(/calendar/feed/[A-Za-z0-9_-]+\.ics)")


@pytest.fixture
def olive(db):
    partnership = key_partnership()
    olive = person("Olive Officer", "olive@chorley.example.gov.uk", username="olive")
    hold(partnership, olive, "lead_officer")
    return olive.user


def make_address(client, user) -> str:
    client.force_login(user)
    page = client.post(reverse("calendar-feed")).content.decode()
    return FEED.search(page).group(1)


def parse(response) -> Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def test_the_address_is_shown_once_and_only_its_hash_is_kept(client, olive):
    path = make_address(client, olive)
    token = path.split("/")[-1].removesuffix(".ics")
    assert len(token) >= 40
    feed = CalendarFeed.objects.get(user=olive)
    assert feed.token_hash == feeds.token_hash(token) and token not in feed.token_hash
    later = client.get(reverse("calendar-feed")).content.decode()
    assert token not in later and "It is not shown again" in later


def test_the_feed_lists_the_persons_due_dates_as_all_day_events(client, olive, settings):
    settings.ACCORD_BASE_URL = "https://partnerships.chorley.example.gov.uk"
    path = make_address(client, olive)
    client.logout()
    calendar = parse(client.get(path))  # no sign-in: the token is the key
    assert calendar.get("version") == "2.0"
    events = {str(e.get("summary")): e for e in calendar.walk("VEVENT")}
    report = next(e for s, e in events.items() if "performance to Executive Cabinet" in s)
    assert report.decoded("dtstart") == REPORT_DUE  # a date, not a date-time: an all-day event
    assert report.decoded("dtend") == REPORT_DUE + timedelta(days=1)
    assert str(report.get("summary")).endswith("(Chorley Community Safety Partnership)")
    assert "Required by Key Partnerships Framework, Monitoring and review arrangements" in str(
        report.get("description")
    )
    partnership = olive.person.partnership_roles.get().partnership
    assert (
        str(report.get("url"))
        == f"https://partnerships.chorley.example.gov.uk/partnerships/{partnership.pk}/progress-reports/"
    )
    assert any(e.decoded("dtstart") == GOVERNANCE_DUE for e in events.values())


def test_event_ids_stay_the_same_from_one_fetch_to_the_next(client, olive):
    path = make_address(client, olive)
    first = [str(e.get("uid")) for e in parse(client.get(path)).walk("VEVENT")]
    second = [str(e.get("uid")) for e in parse(client.get(path)).walk("VEVENT")]
    assert first == second and len(set(first)) == len(first) > 0
    assert any(
        uid.startswith(f"accord-{olive.person.partnership_roles.get().partnership_id}-{REPORT}@")
        for uid in first
    )


def test_a_wrong_address_is_not_found(client, olive):
    make_address(client, olive)
    assert client.get(reverse("calendar-feed-ics", args=["not-the-token"])).status_code == 404


def test_a_stopped_address_is_not_found_and_a_new_one_works(client, olive):
    old = make_address(client, olive)
    response = client.post(reverse("calendar-feed-revoke"), follow=True)
    assert "Your calendar address has been stopped" in response.content.decode()
    assert client.get(old).status_code == 404
    new = make_address(client, olive)
    assert new != old
    assert client.get(new).status_code == 200 and client.get(old).status_code == 404


def test_making_a_new_address_stops_the_old_one(client, olive):
    old = make_address(client, olive)
    new = make_address(client, olive)
    assert client.get(old).status_code == 404 and client.get(new).status_code == 200
    assert CalendarFeed.objects.filter(user=olive, revoked_at__isnull=True).count() == 1


def test_an_address_stops_working_when_its_account_is_switched_off(client, olive):
    path = make_address(client, olive)
    olive.is_active = False
    olive.save()
    assert client.get(path).status_code == 404


def test_partner_organisations_users_cannot_make_an_address(client, users):
    client.force_login(users["partner"])
    response = client.post(reverse("calendar-feed"))
    assert response.status_code == 403
    assert not CalendarFeed.objects.exists()


def test_making_and_stopping_an_address_is_in_the_persons_history(client, olive):
    from accord.kernel.audit.models import AuditEvent

    make_address(client, olive)
    client.post(reverse("calendar-feed-revoke"))
    reasons = list(AuditEvent.objects.filter(person=olive.person).values_list("reason", flat=True))
    assert "Calendar address made" in reasons and "Calendar address stopped" in reasons
