"""URLs of the design system's own pages: accessibility, health checks and the council's brand."""

from django.urls import path

from . import views

partnership_urls: list = []

site_urls = [
    path("accessibility/", views.accessibility, name="accessibility"),
    path("healthz", views.healthz, name="healthz"),
    path("ping", views.ping, name="ping"),
    path("brand.css", views.brand_css, name="brand-css"),
]
