"""URLs of accord.api: the JSON API under /api/v1/ and the pages to manage personal tokens."""

site_urls: list = []
