"""Review actions in reminders, My work and the calendar feed: their owners hear of them."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from accord.domain.reviews.models import Review, ReviewAction
from accord.frameworks import loader
from accord.outputs.reminders import feeds, services

from .factories import hold, key_partnership, person

pytestmark = pytest.mark.django_db
DUE = date(2026, 9, 30)


def action(
    partnership, owner=None, due_on=DUE, status="open", text="Refresh the partnership's terms of reference"
):
    review = Review.objects.create(
        partnership=partnership,
        artefact_id="three_yearly_review",
        bank_id="three_yearly_review",
        period_start=date(2025, 4, 1),
        period_end=date(2026, 3, 31),
        started_on=date(2026, 4, 10),
    )
    return ReviewAction.objects.create(
        partnership=partnership,
        review=review,
        description=text,
        owner=owner,
        owner_name=owner.name if owner else "Someone outside the register",
        due_on=due_on,
        status=status,
    )


@pytest.fixture
def csp(db):
    partnership = key_partnership(start_date=date(2026, 6, 1))  # its first report is due in December
    hold(
        partnership, person("Olive Officer", "olive@chorley.example.gov.uk", username="olive"), "lead_officer"
    )
    hold(partnership, person("Hannah Head", "hannah@chorley.example.gov.uk"), "accountable_head_of_service")
    return partnership


def test_the_owner_of_a_review_action_is_reminded_of_it_even_without_a_role_on_the_partnership(csp):
    sam = person("Sam Scrutiny", "sam@chorley.example.gov.uk")
    action(csp, owner=sam)
    services.send_reminders(DUE - timedelta(days=5), framework=loader.current())
    (email,) = mail.outbox
    assert email.to == ["sam@chorley.example.gov.uk"]
    assert "Review action: Refresh the partnership's terms of reference" in email.body
    assert "This is due 30 September 2026 (in 5 days)." in email.body
    review_action = ReviewAction.objects.get()
    assert f"/partnerships/{csp.pk}/review-actions/{review_action.pk}/" in email.body


def test_an_overdue_action_is_escalated_after_fourteen_days_naming_its_owner(csp):
    sam = person("Sam Scrutiny", "sam@chorley.example.gov.uk")
    action(csp, owner=sam)
    services.send_reminders(DUE + timedelta(days=14), framework=loader.current())
    hannah = next(m for m in mail.outbox if m.to == ["hannah@chorley.example.gov.uk"])
    assert "Review action: Refresh" in hannah.body and "Reminded: Sam Scrutiny." in hannah.body


def test_an_action_whose_owner_cannot_be_emailed_goes_to_the_partnerships_owner(csp):
    action(csp, owner=None)
    services.send_reminders(DUE + timedelta(days=1), framework=loader.current())
    assert [m.to for m in mail.outbox] == [["olive@chorley.example.gov.uk"]]


def test_done_actions_are_not_chased(csp):
    action(csp, owner=person("Sam Scrutiny", "sam@chorley.example.gov.uk"), status="done")
    services.send_reminders(DUE + timedelta(days=1), framework=loader.current())
    assert mail.outbox == []


def test_my_work_and_the_calendar_feed_list_the_actions_a_person_owns(client, csp):
    sam = person("Sam Scrutiny", "sam@chorley.example.gov.uk", username="sam")
    action(csp, owner=sam, due_on=date.today() + timedelta(days=60))
    client.force_login(sam.user)
    html = client.get(reverse("my-work")).content.decode()
    assert "Review action: Refresh the partnership&#39;s terms of reference" in html.split('id="later"')[1]
    _, token = feeds.create_feed(sam.user)
    calendar = Calendar.from_ical(client.get(reverse("calendar-feed-ics", args=[token])).content)
    (event,) = calendar.walk("VEVENT")
    assert str(event.get("summary")).startswith("Due: Review action: Refresh")
    assert event.decoded("dtstart") == date.today() + timedelta(days=60)
