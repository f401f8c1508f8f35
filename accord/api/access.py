"""Which action each of accord.api's URLs needs (merged into accord.accounts.url_policy)."""

URL_POLICY: dict[str, str] = {}
