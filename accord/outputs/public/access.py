"""Which action each of accord.outputs.public's URLs needs (merged into accord.kernel.accounts.url_policy).

Everything here is for anyone, signed in or not: the published register shows only what
accord.outputs.public.fields allows (ADR 0012).
"""

URL_POLICY: dict[str, str] = {
    "public-register": "public",
    "public-partnership": "public",
    "public-data": "public",
    "public-data-csv": "public",
    "public-data-json": "public",
    "public-data-metadata": "public",
}
