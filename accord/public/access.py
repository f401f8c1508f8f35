"""Which action each of accord.public's URLs needs (merged into accord.accounts.url_policy)."""

URL_POLICY: dict[str, str] = {}
