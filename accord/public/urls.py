"""URLs of accord.public: the published register and open data, no sign-in needed."""

site_urls: list = []
