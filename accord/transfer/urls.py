"""URLs of accord.transfer: importing and exporting the register."""

site_urls: list = []
