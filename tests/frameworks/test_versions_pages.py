"""The framework versions pages and `accord framework versions|preview|adopt` (ADR 0035)."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from accord.frameworks import adoption, loader
from accord.frameworks.models import FrameworkAdoption
from tests.clock import on_day
from tests.frameworks import versions_setup
from tests.frameworks.versions_setup import TAKES_EFFECT, TODAY

pytestmark = pytest.mark.django_db
council_folder = versions_setup.council_folder
reviewed = versions_setup.reviewed


def date_fields(day: date, prefix: str = "on") -> dict[str, str]:
    return {f"{prefix}-day": str(day.day), f"{prefix}-month": str(day.month), f"{prefix}-year": str(day.year)}


def test_staff_see_the_versions_and_only_an_administrator_is_offered_adoption(client, users, reviewed):
    with on_day(TODAY):
        adoption.adopt(users["administrator"], "chorley", "2.0", TAKES_EFFECT, "Cabinet")
        for role in ("member", "auditor", "officer"):
            client.force_login(users[role])
            page = client.get(reverse("framework-versions")).content.decode()
            assert "chorley-2027.yaml" in page and "In force" in page
            assert "Takes effect on 1 February 2027" in page
            preview = client.get(
                reverse("framework-version-preview", args=["2.0"]), date_fields(TAKES_EFFECT)
            )
            assert preview.status_code == 200 and "Adopt version 2.0" not in preview.content.decode()
            adopt_url = reverse("framework-version-adopt", args=["2.0"]) + f"?on={TAKES_EFFECT}"
            assert client.get(adopt_url).status_code == 403
        client.force_login(users["partner"])
        assert client.get(reverse("framework-versions")).status_code == 403


def test_the_preview_lists_the_partnerships_that_become_due_with_links(client, users, reviewed):
    with on_day(TODAY):
        client.force_login(users["administrator"])
        page = client.get(reverse("framework-version-preview", args=["2.0"]), date_fields(TAKES_EFFECT))
    assert page.status_code == 200, (page.status_code, page.get("Location"))
    html = page.content.decode()
    assert "repeats every year (was every 3 years)." in html
    assert "three_yearly_review" not in html and "P1Y" not in html  # no ids, no durations as codes
    assert "Duties that become overdue or due soon on the day (2)" in html
    assert reverse("partnership", args=[reviewed["a"].pk]) in html
    assert "Chorley Allotments Forum" not in html
    assert reverse("framework-version-adopt", args=["2.0"]) + "?on=2027-02-01" in html


def test_bad_and_past_dates_get_an_error_summary_and_an_unknown_version_is_not_found(client, users, reviewed):
    url = reverse("framework-version-preview", args=["2.0"])
    with on_day(TODAY):
        client.force_login(users["administrator"])
        bad = client.get(url, {"on-day": "31", "on-month": "2", "on-year": "2027"}).content.decode()
        assert "There is a problem" in bad and "Date it takes effect must be a real date" in bad
        past = client.get(url, date_fields(date(2027, 1, 14))).content.decode()
        assert "The date it takes effect must be today or in the future" in past
        assert "Affected" not in past and "On 14 January 2027" not in past
        assert client.get(reverse("framework-version-preview", args=["9.9"])).status_code == 404
        assert (
            client.get(reverse("framework-version-adopt", args=["9.9"]) + "?on=2027-02-01").status_code == 404
        )
        no_date = client.get(reverse("framework-version-adopt", args=["2.0"]))
        assert no_date.status_code == 302 and no_date["Location"] == url


def test_an_administrator_checks_and_adopts_a_version_with_a_reason(client, users, reviewed):
    url = reverse("framework-version-adopt", args=["2.0"])
    with on_day(TODAY):
        client.force_login(users["administrator"])
        check = client.get(url + "?on=2027-02-01").content.decode()
        assert "Check before adopting version 2.0" in check
        assert "Version 2.0 replaces version 1.0 from 1 February 2027." in check
        blank = client.post(url, {"on": "2027-02-01", "reason": ""}).content.decode()
        assert "Enter why this version is being adopted" in blank
        assert not FrameworkAdoption.objects.exists()
        done = client.post(url, {"on": "2027-02-01", "reason": "Executive Cabinet, 12 January"}, follow=True)
        assert "Version 2.0 adopted: it takes effect on 1 February 2027." in done.content.decode()
        assert FrameworkAdoption.objects.get().takes_effect_on == TAKES_EFFECT
        again = client.get(url + "?on=2027-02-01").content.decode()
        assert "Version 2.0 is already adopted from 1 February 2027" in again and 'name="reason"' not in again
    with on_day(TAKES_EFFECT):
        assert loader.current().version == "2.0"


def test_the_partnership_page_says_an_assessment_was_made_under_an_earlier_version(client, users, reviewed):
    from accord.frameworks import apply

    with on_day(TODAY):
        client.force_login(users["administrator"])
        apply.record_assessment(reviewed["a"], users["administrator"], {}, framework=loader.current())
        page = client.get(reverse("partnership", args=[reviewed["a"].pk])).content.decode()
        assert "assessed under version 1.0</strong>" not in page
        adoption.adopt(users["administrator"], "chorley", "2.0", TODAY, "Cabinet")
        page = client.get(reverse("partnership", args=[reviewed["a"].pk])).content.decode()
        assert "assessed under version 1.0</strong>; version 2.0 is now in force" in page


def test_the_command_line_lists_previews_and_adopts(users, reviewed):
    out = StringIO()
    with on_day(TODAY):
        call_command("framework", "versions", "chorley", stdout=out)
        lines = out.getvalue().splitlines()
        assert lines[0].startswith("2.0") and "never adopted" in lines[0]
        assert lines[1].startswith("1.0") and "in force" in lines[1]
        out = StringIO()
        call_command("framework", "preview", "chorley", "2.0", "--on", "2027-02-01", stdout=out)
        text = out.getvalue()
        assert "2 of 3 open partnerships affected" in text
        assert "Chorley Community Safety Partnership — " in text and "Overdue, due 15 July 2026" in text
        out = StringIO()
        call_command(
            "framework", "adopt", "chorley", "2.0", "--on", "2027-02-01", "--reason", "Cabinet",
            "--by", users["administrator"].username, stdout=out,
        )  # fmt: skip
        assert "it takes effect on 1 February 2027" in out.getvalue()
        out = StringIO()
        call_command("framework", "versions", "chorley", stdout=out)
        assert "adopted, takes effect on 1 February 2027" in out.getvalue()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["preview", "chorley", "2.0", "--on", "1-2-2027"], "--on must be a date like"),
        (["preview", "chorley", "9.9", "--on", "2027-02-01"], "No file defines version 9.9"),
        (["preview", "nowhere", "2.0", "--on", "2027-02-01"], "No framework 'nowhere'"),
        (
            ["adopt", "chorley", "2.0", "--on", "2027-01-01", "--reason", "x", "--by", "administrator"],
            "today or",
        ),
        (
            ["adopt", "chorley", "2.0", "--on", "2027-02-01", "--reason", "x", "--by", "officer"],
            "not an admin",
        ),
        (
            ["adopt", "chorley", "2.0", "--on", "2027-02-01", "--reason", "x", "--by", "nobody"],
            "No active user",
        ),
    ],
)
def test_the_command_line_refuses_with_one_clear_line(users, reviewed, args, message):
    with on_day(TODAY), pytest.raises(CommandError, match=message):
        call_command("framework", *args)
    assert not FrameworkAdoption.objects.exists()


def test_a_rating_given_under_an_earlier_version_says_so(client, users, reviewed):
    from accord.domain.reviews.models import AssuranceRating

    with on_day(TODAY):
        client.force_login(users["administrator"])
        for version in ("1.0", "2.0"):
            AssuranceRating.objects.create(
                partnership=reviewed["a"],
                level="substantial",
                proposed_level="substantial",
                rated_on=TODAY,
                framework_id="chorley",
                framework_version=version,
            )
        adoption.adopt(users["administrator"], "chorley", "2.0", TODAY, "Cabinet")
        page = client.get(reverse("ratings", args=[reviewed["a"].pk])).content.decode()
    assert page.count("(under version 1.0)") == 1
    assert "(under version 2.0)" not in page
