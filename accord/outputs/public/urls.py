"""URLs of accord.outputs.public: the published register and open data, no sign-in needed."""

from django.urls import path

from .views import data, pages

site_urls: list = [
    path("public/", pages.register, name="public-register"),
    path("public/partnerships/<str:reference>/", pages.partnership, name="public-partnership"),
    path("public/data/", data.about, name="public-data"),
    path("public/data/partnerships.csv", data.partnerships_csv, name="public-data-csv"),
    path("public/data/partnerships.json", data.partnerships_json, name="public-data-json"),
    path("public/data/metadata.json", data.metadata, name="public-data-metadata"),
]
