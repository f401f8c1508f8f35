"""My work and the council calendar as people see them."""

import re
from datetime import date

import pytest
from django.urls import reverse

from accord.frameworks import loader, store

from .factories import hold, key_partnership, person

pytestmark = pytest.mark.django_db
TODAY = date(2026, 12, 10)  # the report (due 1 July) is overdue, the governance check (1 January) due soon


@pytest.fixture
def today(monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *args: TODAY)
    return TODAY


@pytest.fixture
def people(db):
    csp = key_partnership()
    waste = key_partnership("Lancashire Waste Partnership", start_date=date(2026, 9, 1))
    olive = person("Olive Officer", "olive@chorley.example.gov.uk", username="olive")
    hannah = person("Hannah Head", "hannah@chorley.example.gov.uk", username="hannah")
    hold(csp, olive, "lead_officer")
    hold(waste, hannah, "lead_officer")
    hold(csp, hannah, "accountable_head_of_service")
    return {"olive": olive.user, "hannah": hannah.user, "csp": csp, "waste": waste}


def sections(html: str) -> list[str]:
    return re.findall(r'<h2 class="govuk-heading-m" id="(\w+)">', html)


def test_my_work_groups_the_persons_items_overdue_due_soon_and_later_with_links(client, people, today):
    client.force_login(people["olive"])
    html = client.get(reverse("my-work")).content.decode()
    assert sections(html) == ["overdue", "due_soon", "later"]
    overdue = html.split('id="overdue"')[1].split('id="due_soon"')[0]
    assert "Report on the key partnership&#39;s performance" in overdue
    # The report links to where it is written and submitted: the progress reports page (ADR 0024).
    assert f'href="/partnerships/{people["csp"].pk}/progress-reports/"' in overdue
    assert "162 days overdue" in overdue
    assert "Lancashire Waste Partnership" not in html  # not hers


def test_my_work_shows_items_escalated_to_the_head_of_service(client, people, today):
    client.force_login(people["hannah"])
    html = client.get(reverse("my-work")).content.decode()
    overdue = html.split('id="overdue"')[1].split("<h2")[0]
    assert "Escalated to you" in overdue and "Owner: Olive Officer" in overdue
    assert "Chorley Community Safety Partnership" in overdue
    # Her own partnership's report (due 1 March 2027) is later, not escalated.
    assert "Lancashire Waste Partnership" in html.split('id="later"')[1]


def test_my_work_says_so_when_an_account_is_not_linked_to_the_register(client, users, today):
    client.force_login(users["approver"])
    html = client.get(reverse("my-work")).content.decode()
    assert "not linked to an entry in the register" in html


def test_partner_organisations_users_see_no_council_work(client, users, own_partnership, today):
    client.force_login(users["partner"])
    html = client.get(reverse("my-work")).content.decode()
    assert "Reminders and due dates are for council officers" in html
    assert "Calendar address" not in html and 'id="overdue"' not in html


def test_my_work_is_in_the_main_navigation(client, users):
    client.force_login(users["officer"])
    html = client.get(reverse("home")).content.decode()
    assert f'href="{reverse("my-work")}"' in html and "My work" in html


def row(html: str, heading: str) -> list[int]:
    cells = re.search(rf"<th[^>]*>{heading}</th>(.*?)</tr>", html, re.S).group(1)
    return [int(n) for n in re.findall(r">\s*(\d+)\s*<", cells)]


def test_the_council_calendar_counts_reviews_and_reports_per_month_with_a_chart(client, people, users, today):
    store.refresh_all(TODAY, framework=loader.current())
    client.force_login(users["member"])
    html = client.get(reverse("council-calendar")).content.decode()
    assert "<svg" in html and 'role="img"' in html
    assert "Reviews and reports due per month" in html
    # The report overdue since July is counted before this month; Waste's first report is due March 2027.
    assert row(html, "Earlier") == [1, 0, 1]  # the chart's table: overdue, due, total
    assert row(html, "Mar 2027") == [0, 1, 1]
    assert "Before this month (1)</a>" in html and "March 2027 (1)</a>" in html
    assert "January 2027 (1)</a>" in html  # the annual governance check is a review
    assert "November 2026 (" not in html  # nothing due: no link


def test_a_month_of_the_council_calendar_lists_what_is_due(client, people, users, today):
    store.refresh_all(TODAY, framework=loader.current())
    client.force_login(users["member"])
    html = client.get(reverse("council-calendar"), {"what": "reviews", "month": "2027-03"}).content.decode()
    listed = html.split('id="month"')[1]
    assert "Lancashire Waste Partnership" in listed and "1 March 2027" in listed
    assert "Chorley Community Safety Partnership" not in listed


def test_every_obligation_can_be_shown_not_only_reviews_and_reports(client, people, users, today):
    store.refresh_all(TODAY, framework=loader.current())
    client.force_login(users["member"])
    html = client.get(reverse("council-calendar"), {"what": "all", "month": "2027-01"}).content.decode()
    assert "Every obligation due per month" in html
    assert "Check partners&#39; governance" in html.split('id="month"')[1]


def test_a_month_outside_the_calendar_lists_nothing_and_changes_nothing(client, people, users, today):
    client.force_login(users["member"])
    response = client.get(reverse("council-calendar"), {"month": "1999-99"})
    assert response.status_code == 200 and 'id="month"' not in response.content.decode()
