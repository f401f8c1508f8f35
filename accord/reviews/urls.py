"""URLs of accord.reviews: under a partnership (partnership_urls) and across the council (site_urls)."""

from django.urls import path  # noqa: F401

partnership_urls: list = []

site_urls: list = []
