"""The API's errors: one JSON shape for all of them, with a message per field in plain words.

{"detail": "Check the details you gave", "errors": [{"field": "name", "message": "Enter name"}]}
"""

import math
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

from accord.domain.risks.services import RiskError
from accord.register.services import Finished, StaleEdit


class FieldError(Schema):
    field: str
    message: str


class Error(Schema):
    detail: str
    errors: list[FieldError]


class ApiError(Exception):
    """An error to answer with: a status, what went wrong, and a message per field if any."""

    def __init__(self, status: int, detail: str, errors: list[dict[str, str]] | None = None):
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.errors = errors or []


def invalid(errors: list[dict[str, str]], detail: str = "Check the details you gave") -> ApiError:
    return ApiError(422, detail, errors)


NOT_AUTHENTICATED = "Give a valid API token in the Authorization header: Bearer <token>"
NOT_ALLOWED = "Your role does not allow this"
NOT_FOUND = "Not found, or not visible to you"
TOO_MANY = "Too many requests: wait {seconds} seconds, then try again"
STALE = (
    "Someone else changed this record after you read it. Read it again, check their changes, "
    "then send your update with the new version."
)

# Status codes every operation may answer with, and those that depend on what it does.
COMMON = (401, 422, 429)


def responses(ok: Any, *codes: int, ok_status: int = 200) -> dict[int, Any]:
    """The documented responses of an operation: its success schema and the errors it can give."""
    documented: dict[int, Any] = {ok_status: ok}
    for code in (*COMMON, *codes):
        documented[code] = Error
    return documented


def _label(name: str) -> str:
    return name.replace("_", " ")


def _message(error: dict[str, Any]) -> tuple[str, str]:
    """A pydantic error as (field, plain-words message)."""
    location = [str(part) for part in error.get("loc", ()) if not isinstance(part, int)]
    location = [p for p in location if p not in ("body", "query", "path", "payload", "filters")]
    field = ".".join(location) or "request"
    label = _label(location[-1] if location else "the request")
    kind = error.get("type", "")
    context = error.get("ctx") or {}
    if kind == "missing":
        return field, f"Enter {label}"
    if kind.startswith("date") or kind.startswith("datetime"):
        return field, f"{label.capitalize()} must be a real date, like 2026-03-27"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return field, f"{label.capitalize()} must be a whole number"
    if kind in ("greater_than_equal", "greater_than"):
        return field, f"{label.capitalize()} must be {context.get('ge', context.get('gt'))} or more"
    if kind in ("less_than_equal", "less_than"):
        return field, f"{label.capitalize()} must be {context.get('le', context.get('lt'))} or less"
    if kind in ("bool_parsing", "bool_type"):
        return field, f"{label.capitalize()} must be true or false"
    if kind in ("enum", "literal_error"):
        return field, f"Select {label} from the list: {context.get('expected', '')}".strip()
    if kind == "string_too_long":
        return field, f"{label.capitalize()} must be {context.get('max_length')} characters or fewer"
    if kind in ("string_type", "model_type", "model_attributes_type", "dict_type", "list_type"):
        return field, f"{label.capitalize()} is not the right kind of value"
    return field, f"{label.capitalize()}: {error.get('msg', 'is not valid')}"


def _answer(api: NinjaAPI, request: HttpRequest, status: int, detail: str, errors=None) -> HttpResponse:
    return api.create_response(request, {"detail": detail, "errors": errors or []}, status=status)


def install(api: NinjaAPI) -> None:
    """Register the handlers that turn every refusal into the one JSON error shape."""

    @api.exception_handler(ApiError)
    def api_error(request, exc: ApiError):
        return _answer(api, request, exc.status, exc.detail, exc.errors)

    @api.exception_handler(ValidationError)
    def validation_error(request, exc: ValidationError):
        errors = [dict(zip(("field", "message"), _message(e), strict=True)) for e in exc.errors]
        return _answer(api, request, 422, "Check the details you gave", errors)

    @api.exception_handler(AuthenticationError)
    def not_authenticated(request, exc):
        return _answer(api, request, 401, NOT_AUTHENTICATED)

    @api.exception_handler(PermissionDenied)
    def forbidden(request, exc):
        return _answer(api, request, 403, str(exc) or NOT_ALLOWED)

    @api.exception_handler(Finished)
    def finished(request, exc):
        return _answer(api, request, 403, str(exc))

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return _answer(api, request, 404, NOT_FOUND)

    @api.exception_handler(StaleEdit)
    def stale(request, exc: StaleEdit):
        return _answer(api, request, 409, STALE)

    @api.exception_handler(RiskError)
    def refused(request, exc):
        return _answer(api, request, 422, str(exc))

    @api.exception_handler(Throttled)
    def throttled(request, exc: Throttled):
        seconds = max(1, math.ceil(exc.wait or 1))
        response = _answer(api, request, 429, TOO_MANY.format(seconds=seconds))
        response["Retry-After"] = str(seconds)
        return response

    @api.exception_handler(HttpError)
    def http_error(request, exc: HttpError):
        return _answer(api, request, exc.status_code, str(exc))
