"""Which action each of accord.api's URLs needs (merged into accord.accounts.url_policy).

The JSON API's operations are marked `API`: they authenticate with a bearer token rather than a
session (no sign-in redirect: 401 instead), and each checks the same policy as its web page
(accord.accounts.policy). tests/api/ checks every operation for every role; tests/test_access.py
checks that each is declared here and leaves them to those tests.
"""

API = "api"  # a JSON API operation: token-authenticated, checked per role by tests/api

API_OPERATIONS = (
    "api-partnerships",
    "api-partnership",
    "api-partnership-create",
    "api-partnership-change",
    "api-roles",
    "api-role-create",
    "api-role-change",
    "api-role-end",
    "api-organisations",
    "api-organisation",
    "api-organisation-create",
    "api-organisation-change",
    "api-people",
    "api-person",
    "api-person-create",
    "api-person-change",
    "api-risks",
    "api-risk",
    "api-risk-create",
    "api-risk-change",
    "api-risk-actions",
    "api-risk-action-create",
    "api-risk-action-change",
    "api-obligations",
    "api-partnership-obligations",
    "api-reviews",
    "api-review",
    "api-ratings",
)

URL_POLICY: dict[str, str] = {
    "api-root": "public",  # where the description and docs are
    "openapi-json": "public",  # the API's OpenAPI description (no data in it)
    "openapi-view": "public",  # interactive documentation
    "api-docs-asset": "public",  # Swagger UI's files, served locally
    "api-tokens": "signed_in",
    "api-token-revoke": "signed_in",
    **dict.fromkeys(API_OPERATIONS, API),
}
