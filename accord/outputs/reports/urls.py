"""URLs of reports: under a partnership (partnership_urls) and across the council (site_urls)."""

from django.urls import path

from .views import council, pack, snapshots

partnership_urls = [
    path("<int:pk>/pack/", pack.pack_page, name="partnership-pack"),
    path("<int:pk>/pack.<slug:fmt>", pack.pack_download, name="partnership-pack-download"),
    path("<int:pk>/pack/issue/", pack.pack_issue, name="partnership-pack-issue"),
]

site_urls = [
    path("reports/", council.index, name="reports"),
    path("reports/issued/", snapshots.snapshot_list, name="report-snapshots"),
    path("reports/issued/<int:snapshot_id>/", snapshots.snapshot_page, name="report-snapshot"),
    path(
        "reports/issued/<int:snapshot_id>/report.<slug:fmt>",
        snapshots.snapshot_download,
        name="report-snapshot-download",
    ),
    path("reports/<slug:kind>/", council.report_page, name="report"),
    path("reports/<slug:kind>/report.<slug:fmt>", council.report_download, name="report-download"),
    path("reports/<slug:kind>/issue/", council.report_issue, name="report-issue"),
]
