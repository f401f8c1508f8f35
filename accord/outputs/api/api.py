"""The JSON API at /api/v1/: one NinjaAPI, a router per resource, bearer-token auth, JSON errors."""

from django.contrib.auth.decorators import login_not_required
from ninja import NinjaAPI

from . import errors
from .docs_page import LocalSwagger
from .routers import assurance, directory, partnerships, risks, roles
from .throttles import PersonalToken, throttles

DESCRIPTION = """The council's partnership register, for other systems (finance, performance, Power BI).

Authenticate with a personal API token (Accord → API tokens): `Authorization: Bearer <token>`.
A token has exactly the permissions of its owner's role. Lists are paged with `limit` and `offset`;
errors are JSON with a message per field. Requests are rate limited (600 a minute per user by
default); past the limit the answer is 429 with a Retry-After header. See docs/api.md."""

api = NinjaAPI(
    title="Accord API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api-1",
    auth=PersonalToken(),
    throttle=throttles(),
    openapi_url="/openapi.json",
    docs_url="/docs",
    docs=LocalSwagger(),
    docs_decorator=login_not_required,
)
errors.install(api)
for module in (partnerships, roles, directory, risks, assurance):
    api.add_router("/", module.router)
