"""The load test's users (bench/load_users.py) read Accord's pages the way a browser would: these
check its page-reading helpers on the real edit and decision pages, and its percentile arithmetic.
The load itself is a benchmark (bench/load.py), not a test."""

import importlib.util
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from accord.domain.lifecycle.models import Appointment, ArtefactRecord, Decision
from accord.register.models import Partnership
from tests import factories as f

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


pages = _load("load_pages")
report = _load("load_report")


def test_a_form_is_read_as_a_browser_would_submit_it():
    html = """
    <form method="post" action="/sign-out/"><input type="hidden" name="csrfmiddlewaretoken" value="a"></form>
    <form method="post">
      <input type="hidden" name="version" value="7">
      <input type="text" name="name" value="Fish &amp; Chips">
      <input type="checkbox" name="is_key" value="on" checked>
      <input type="checkbox" name="covers_expenses" value="on">
      <input type="radio" name="outcome" value="approved">
      <input type="radio" name="outcome" value="refused">
      <select name="type"><option value="1">One</option><option value="2" selected>Two</option></select>
      <select name="status"><option value="">Any</option><option value="active">Active</option></select>
      <textarea name="vision">
A safer borough</textarea>
      <button type="submit" name="save">Save</button>
    </form>"""
    assert pages.form_with(html, "version") == {
        "version": "7",
        "name": "Fish & Chips",
        "is_key": "on",
        "type": "2",
        "status": "",
        "vision": "A safer borough",
    }
    assert pages.form_with(html, "csrfmiddlewaretoken") == {"csrfmiddlewaretoken": "a"}
    assert pages.form_with(html, "nothing-like-this") is None


def test_decision_links_and_conflicts_are_recognised():
    html = (
        '<a href="/partnerships/12/cycle/approvals/executive_cabinet_approval/executive_cabinet/">x</a>'
        '<a href="/partnerships/12/cycle/approvals/executive_cabinet_approval/executive_cabinet/">again</a>'
        '<a href="/partnerships/12/cycle/approvals/">the approvals page, not a decision</a>'
    )
    assert pages.decide_links(html) == [
        "/partnerships/12/cycle/approvals/executive_cabinet_approval/executive_cabinet/"
    ]
    assert pages.is_conflict("<p>The case has changed since you opened this page.</p>")
    assert not pages.is_conflict("<p>Enter a comment explaining the decision</p>")
    assert pages.server_ms("app;dur=12.5") == 12.5 and pages.server_ms(None) is None


@pytest.mark.django_db
def test_an_officers_edit_form_read_from_the_page_saves_when_posted_back(client, users, own_partnership):
    client.force_login(users["officer"])
    path = reverse("partnership-edit", args=[own_partnership.pk, "about"])
    form = pages.form_with(client.get(path).content.decode(), "version")
    assert form is not None and form["name"] == own_partnership.name
    form["vision"] = "A healthier, safer borough."
    response = client.post(path, form)
    assert response.status_code == 302
    saved = Partnership.objects.get(pk=own_partnership.pk)
    assert saved.vision == "A healthier, safer borough." and saved.name == own_partnership.name


@pytest.mark.django_db
def test_a_second_save_with_the_same_version_is_a_conflict_not_an_error(client, users, own_partnership):
    client.force_login(users["officer"])
    path = reverse("partnership-edit", args=[own_partnership.pk, "about"])
    form = pages.form_with(client.get(path).content.decode(), "version")
    assert client.post(path, {**form, "vision": "First"}).status_code == 302
    stale = client.post(path, {**form, "vision": "Second"})
    assert stale.status_code == 200 and pages.is_conflict(stale.content.decode())


@pytest.mark.django_db
def test_an_approver_finds_the_decision_in_their_list_and_the_form_read_from_it_records_it(
    client, users, officer_person
):
    partnership = f.PartnershipFactory(
        name="Load Test Partnership", status="awaiting_approval", is_key_partnership=True
    )
    f.RoleFactory(partnership=partnership, person=officer_person, role="lead_officer")
    f.MembershipFactory(partnership=partnership)
    ArtefactRecord.objects.create(
        partnership=partnership,
        slot="business_case",
        kind="business_case",
        title="Business case",
        complete=True,
    )
    Appointment.objects.create(user=users["approver"], framework_id="chorley", role_id="executive_cabinet")
    client.force_login(users["approver"])
    links = pages.decide_links(client.get(reverse("approver-inbox")).content.decode())
    assert links == [
        reverse("decide", args=[partnership.pk, "executive_cabinet_approval", "executive_cabinet"])
    ]
    approvals_page = client.get(reverse("approvals", args=[partnership.pk])).content.decode()
    assert pages.decide_links(approvals_page) == links  # where approvers look without their list
    form = pages.form_with(client.get(links[0]).content.decode(), "revision")
    assert form is not None and form["decided_on-year"]
    response = client.post(links[0], {**form, "outcome": "approved", "comment": "Approved in the load test."})
    assert response.status_code == 302
    assert Decision.objects.get(partnership=partnership).outcome == "approved"
    again = client.get(links[0]).content.decode()
    assert pages.form_with(again, "revision") is None and pages.is_conflict(again)


def test_percentiles_are_nearest_rank():
    values = list(range(1, 101))
    assert report.percentile(values, 50) == 50
    assert report.percentile(values, 95) == 95
    assert report.percentile([3.0], 99) == 3.0


def test_the_summary_counts_errors_and_conflicts_apart_and_keeps_the_baseline_out_of_the_overall():
    samples = [
        ["register", 0.0, 100.0, 200, 90.0, "ok"],
        ["register", 1.0, 300.0, 200, 280.0, "ok"],
        ["edit (save)", 2.0, 50.0, 200, 40.0, "conflict"],
        ["edit (save)", 3.0, 60.0, 500, None, "HTTP 500"],
        ["ping (signed in)", 4.0, 10.0, 200, 1.0, "ok"],
    ]
    summary = report.summarise(samples, seconds=10)
    assert (summary["errors"], summary["conflicts"]) == (1, 1)
    assert summary["overall"]["requests"] == 4
    assert summary["baseline"]["signed_in"]["p95_ms"] == 10.0
    assert summary["p95_ratio_to_ping"] == 30.0
    assert summary["error_reasons"] == {"edit (save): HTTP 500": 1}


def test_a_request_left_unanswered_for_long_is_an_error_and_one_sent_at_the_end_is_only_cut_off():
    samples = [
        ["register", 0.0, 100.0, 200, 90.0, "ok"],
        ["ping (signed in)", 0.5, 10.0, 200, 1.0, "ok"],
        ["inbox", 1.0, 65_000.0, 0, None, "no answer before the load stopped"],
        ["register", 59.0, 1_500.0, 0, None, "no answer before the load stopped"],
    ]
    summary = report.summarise(samples, seconds=60)
    assert summary["errors"] == 1 and summary["cut_off_at_the_end"] == 1
    assert summary["error_reasons"] == {"inbox: no answer before the load stopped": 1}
    assert summary["pages"]["register"]["requests"] == 1
