"""The partnership pack: one partnership's record on a page, for a board meeting or an audit."""

from datetime import date
from io import BytesIO

from django.urls import reverse
from openpyxl import load_workbook

from accord.domain.representation.models import Attendance, Meeting
from accord.outputs.reports.builders import PACK, build
from accord.outputs.reports.models import ReportSnapshot

from . import factories as r
from .conftest import YEAR, column, rows


def pack(context, partnership):
    return build(PACK, context(YEAR), partnership)


def test_the_pack_holds_the_register_entry_obligations_and_risks(context, known):
    report = pack(context, known["safety"])
    assert report.title == "Partnership pack: Chorley Community Safety Partnership (CSP-01)"
    entry = dict(rows(report, "entry"))
    assert entry["Reference"] == "CSP-01"
    assert entry["Lead officer"] == "Olive Officer"
    assert entry["Tier"] == "Key partnership"
    assert "Lancashire Constabulary" in column(report, "members", "Organisation")
    obligations = column(report, "obligations", "Obligation")
    assert (
        "Report on the key partnership's performance to Executive Cabinet (at least bi-annually)"
        in obligations
    )
    assert column(report, "risks", "Reference") == ["R-01", "R-02"]


def test_the_pack_holds_performance_the_last_review_and_ratings_over_time(context, known):
    safety = known["safety"]
    asb = r.indicator(safety, "Anti-social behaviour incidents", "100", direction="lower")
    r.value(asb, date(2026, 1, 1), date(2026, 3, 31), "90", "on_target")
    report = pack(context, safety)
    assert rows(report, "indicators")[0][2:5] == [
        "Anti-social behaviour incidents",
        asb.target,
        asb.values.get().actual,
    ]
    review = report.section("review")
    assert review.paragraphs[0].startswith("The last review was completed on 1 October 2025")
    assert "Decision: Continue with changes." in review.paragraphs
    assert column(report, "ratings", "Rating") == ["Limited", "Reasonable"]  # newest first
    assert column(report, "review_actions", "Action") == ["Review the joint risk register quarterly"]


def test_the_pack_holds_the_history_and_the_representatives_meetings(context, known, officer_person):
    safety = known["safety"]
    meeting = Meeting.objects.create(partnership=safety, held_on=date(2025, 9, 10), title="Partnership Board")
    Attendance.objects.create(meeting=meeting, person=officer_person, status="attended")
    report = pack(context, safety)
    assert rows(report, "meetings") == [[date(2025, 9, 10), "Partnership Board", "Olive Officer (attended)"]]
    assert rows(report, "cycle")[0][:2] == [date(2019, 6, 1), "Recorded as Active"]


def test_the_pack_page_and_downloads(client, users, known):
    client.force_login(users["member"])
    pk = known["safety"].pk
    page = client.get(reverse("partnership-pack", args=[pk]), {"period": "2025-26"}).content.decode()
    assert "Partnership pack" in page and "Olive Officer" in page
    assert "<strong>Pack</strong>" in page  # the partnership's navigation shows where you are
    workbook = load_workbook(
        BytesIO(client.get(reverse("partnership-pack-download", args=[pk, "xlsx"])).content)
    )
    assert "The partnership's record" in workbook.sheetnames


def test_an_administrator_issues_a_pack_and_it_is_kept_with_the_partnership(client, users, known):
    client.force_login(users["administrator"])
    pk = known["safety"].pk
    response = client.post(reverse("partnership-pack-issue", args=[pk]), {"period": "2025-26"})
    snapshot = ReportSnapshot.objects.get()
    assert response["Location"] == reverse("report-snapshot", args=[snapshot.pk])
    assert (snapshot.kind, snapshot.partnership_id) == ("pack", pk)
    page = client.get(reverse("report-snapshot", args=[snapshot.pk])).content.decode()
    assert "Partnership pack: Chorley Community Safety Partnership" in page
