"""URLs of accord.representation: under a partnership and across the council."""

from django.urls import path  # noqa: F401

partnership_urls: list = []

site_urls: list = []
