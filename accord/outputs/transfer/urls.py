"""URLs of accord.outputs.transfer: importing and exporting the register."""

from django.urls import path

from . import views

site_urls: list = [
    path("partnerships/import-export/", views.transfer_index, name="transfer"),
    path("partnerships/import-export/export/<slug:fmt>/", views.export_download, name="transfer-export"),
    path("partnerships/import-export/import/", views.import_upload, name="transfer-upload"),
    path(
        "partnerships/import-export/import/<int:pk>/columns/", views.import_columns, name="transfer-columns"
    ),
    path("partnerships/import-export/import/<int:pk>/check/", views.import_preview, name="transfer-preview"),
    path("partnerships/import-export/import/<int:pk>/", views.import_result, name="transfer-result"),
]
