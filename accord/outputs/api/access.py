"""Which action each of accord.outputs.api's URLs needs (merged into accord.kernel.accounts.url_policy).

Each JSON API operation needs the same action (accord.kernel.accounts.policy) as the web page that does
the same thing; they are listed in `API_OPERATIONS`, the token-authenticated URLs: a bearer token,
not a session, so a request without one answers 401 rather than the sign-in redirect.
tests/test_access.py calls every operation in the OpenAPI description for every role and checks
the answer (allowed, 403 or 404) against this table.
"""

from accord.kernel.accounts.policy import Action

API_OPERATIONS: dict[str, Action] = {
    "api-partnerships": Action.VIEW_REGISTER,
    "api-partnership": Action.VIEW_REGISTER,
    "api-partnership-create": Action.CREATE_PARTNERSHIP,
    "api-partnership-change": Action.CHANGE_PARTNERSHIP,
    "api-roles": Action.VIEW_REGISTER,
    "api-role-create": Action.CHANGE_PARTNERSHIP,
    "api-role-change": Action.CHANGE_PARTNERSHIP,
    "api-role-end": Action.CHANGE_PARTNERSHIP,
    "api-organisations": Action.VIEW_DIRECTORY,
    "api-organisation": Action.VIEW_DIRECTORY,
    "api-organisation-create": Action.CREATE_ORGANISATION,
    "api-organisation-change": Action.CHANGE_ORGANISATION,
    "api-people": Action.VIEW_DIRECTORY,
    "api-person": Action.VIEW_DIRECTORY,
    "api-person-create": Action.CREATE_PERSON,
    "api-person-change": Action.CHANGE_PERSON,
    "api-risks": Action.VIEW_RISKS,
    "api-risk": Action.VIEW_RISKS,
    "api-risk-create": Action.CHANGE_RISKS,
    "api-risk-change": Action.CHANGE_RISKS,
    "api-risk-actions": Action.VIEW_RISKS,
    "api-risk-action-create": Action.CHANGE_RISKS,
    "api-risk-action-change": Action.CHANGE_RISKS,
    "api-obligations": Action.VIEW_COMPLIANCE,
    "api-partnership-obligations": Action.VIEW_COMPLIANCE,
    "api-reviews": Action.VIEW_MONITORING,
    "api-review": Action.VIEW_MONITORING,
    "api-ratings": Action.VIEW_MONITORING,
}
TOKEN_AUTHENTICATED = frozenset(API_OPERATIONS)

URL_POLICY: dict[str, str] = {
    "api-root": "public",  # where the description and docs are
    "openapi-json": "public",  # the API's OpenAPI description (no data in it)
    "openapi-view": "public",  # interactive documentation
    "api-docs-asset": "public",  # Swagger UI's files, served locally
    "api-tokens": "signed_in",
    "api-token-revoke": "signed_in",
    **API_OPERATIONS,
}
