"""The JSON API at /api/v1/: one NinjaAPI, a router per resource, bearer-token auth, JSON errors."""

from django.contrib.auth.decorators import login_not_required
from ninja import NinjaAPI

from . import errors
from .auth import PersonalToken
from .docs_page import LocalSwagger
from .routers import assurance, directory, partnerships, risks, roles

DESCRIPTION = """The council's partnership register, for other systems (finance, performance, Power BI).

Authenticate with a personal API token (Accord → API tokens): `Authorization: Bearer <token>`.
A token has exactly the permissions of its owner's role. Lists are paged with `limit` and `offset`;
errors are JSON with a message per field. See docs/api.md."""

api = NinjaAPI(
    title="Accord API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api-1",
    auth=PersonalToken(),
    openapi_url="/openapi.json",
    docs_url="/docs",
    docs=LocalSwagger(),
    docs_decorator=login_not_required,
)
errors.install(api)
for module in (partnerships, roles, directory, risks, assurance):
    api.add_router("/", module.router)
