"""The report pages: choosing a period, reading a report, downloading it, issuing it and reading the
issued report back from its frozen snapshot."""

from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from accord.outputs.reports import periods
from accord.outputs.reports.models import ReportSnapshot

ANNUAL = reverse("report", args=["annual"])


def test_the_reports_page_lists_every_report_of_the_councils_framework(client, users):
    client.force_login(users["member"])
    page = client.get(reverse("reports")).content.decode()
    for title in (
        "Annual partnerships report",
        "Key partnerships performance report",  # Chorley's own
        "Partnership packs",
    ):
        assert title in page
    # Central Bedfordshire's reports are offered under its framework only (ADR 0027)
    assert "Annual review report" not in page and "Private sector partnerships report" not in page


def test_the_annual_report_for_a_chosen_year_shows_its_tables_with_captions(client, users, known):
    client.force_login(users["member"])
    page = client.get(ANNUAL, {"period": "2025-26"}).content.decode()
    assert "Annual partnerships report: 2025/26" in page
    assert "1 April 2025 to 31 March 2026" in page
    assert (
        '<caption class="govuk-table__caption govuk-table__caption--s">Ratings that went down</caption>'
        in page
    )
    assert "Chorley Community Safety Partnership" in page
    assert "£25,000" in page
    assert "Issue this report" not in page  # members read reports; administrators issue them


def test_without_a_period_the_annual_report_covers_the_last_complete_financial_year(client, users, known):
    client.force_login(users["member"])
    expected = periods.last_complete(periods.YEAR, timezone.localdate())
    page = client.get(ANNUAL).content.decode()
    assert f"Annual partnerships report: {periods.fy_label(expected.start.year)}" in page
    assert f'<option value="{expected.id}" selected>' in page


def test_a_wrong_period_says_so_and_shows_the_default_year(client, users, known):
    client.force_login(users["member"])
    response = client.get(ANNUAL, {"period": "1066-67"})
    assert response.status_code == 200
    assert "Select period from the list" in response.content.decode()


def test_an_unknown_report_or_format_is_not_found(client, users):
    client.force_login(users["administrator"])
    assert client.get(reverse("report", args=["horoscope"])).status_code == 404
    assert client.get(reverse("report-download", args=["annual", "odt"])).status_code == 404
    assert client.get(reverse("report-download", args=["annual", "docx"]), {"period": "x"}).status_code == 404


def test_the_excel_download_has_a_sheet_per_table(client, users, known):
    client.force_login(users["auditor"])
    response = client.get(reverse("report-download", args=["annual", "xlsx"]), {"period": "2025-26"})
    assert response["Content-Disposition"] == 'attachment; filename="annual-2025-26.xlsx"'
    workbook = load_workbook(BytesIO(response.content))
    assert workbook.sheetnames[0] == "Summary"
    assert "Rated Limited or Weak" in workbook.sheetnames


def test_issuing_freezes_the_report_with_the_administrators_recommendations(client, users, known):
    client.force_login(users["administrator"])
    issue = reverse("report-issue", args=["annual"])
    form = client.get(issue, {"period": "2025-26"})
    assert "rated Limited or Weak report" in form.content.decode()  # suggestions filled in
    response = client.post(
        issue, {"period": "2025-26", "recommendations": "That the report be noted.\n\nThat CSP-01 improves."}
    )
    snapshot = ReportSnapshot.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "report-snapshot", args=[snapshot.pk]
    )
    assert snapshot.kind == "annual" and snapshot.issued_by == users["administrator"]
    section = next(s for s in snapshot.data["sections"] if s["id"] == "recommendations")
    assert section["paragraphs"] == ["That the report be noted.", "That CSP-01 improves."]


def test_recommendations_are_needed_to_issue_and_nothing_is_issued_without_them(client, users, known):
    client.force_login(users["administrator"])
    response = client.post(
        reverse("report-issue", args=["annual"]), {"period": "2025-26", "recommendations": " "}
    )
    assert response.status_code == 200
    assert "Enter the recommendations" in response.content.decode()
    assert not ReportSnapshot.objects.exists()


def test_an_issued_report_reads_from_its_snapshot_not_the_live_record(client, users, known):
    client.force_login(users["administrator"])
    client.post(
        reverse("report-issue", args=["annual"]), {"period": "2025-26", "recommendations": "Note it."}
    )
    snapshot = ReportSnapshot.objects.get()
    known["safety"].name = "Renamed Safety Partnership"
    known["safety"].save()
    page = client.get(reverse("report-snapshot", args=[snapshot.pk])).content.decode()
    assert "Chorley Community Safety Partnership" in page
    assert "Renamed Safety Partnership" not in page
    listed = client.get(reverse("report-snapshots")).content.decode()
    assert "Annual partnerships report: 2025/26" in listed
    download = client.get(reverse("report-snapshot-download", args=[snapshot.pk, "xlsx"]))
    sheet = load_workbook(BytesIO(download.content))["Register at end of period"]
    assert "Chorley Community Safety Partnership" in [c.value for c in sheet["B"]]


@pytest.mark.parametrize("role", ["officer", "approver", "member", "auditor"])
def test_only_administrators_issue_reports(client, users, known, role):
    client.force_login(users[role])
    response = client.post(
        reverse("report-issue", args=["annual"]), {"period": "2025-26", "recommendations": "x"}
    )
    assert response.status_code == 403
    assert not ReportSnapshot.objects.exists()


def test_partners_see_no_reports(client, users, known, own_partnership):
    client.force_login(users["partner"])
    assert client.get(reverse("reports")).status_code == 403
    assert client.get(ANNUAL).status_code == 403
    assert client.get(reverse("partnership-pack", args=[own_partnership.pk])).status_code == 403


def test_reports_is_in_the_main_navigation_for_staff(client, users):
    client.force_login(users["member"])
    assert f'href="{reverse("reports")}"' in client.get(reverse("home")).content.decode()


def test_issuing_for_a_period_that_does_not_exist_changes_nothing(client, users, known):
    client.force_login(users["administrator"])
    response = client.post(
        reverse("report-issue", args=["annual"]), {"period": "2025-27", "recommendations": "x"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "period is not recognised" in page
    assert "<title>Error: " in page
    assert not ReportSnapshot.objects.exists()
