"""Pages of results: `limit` and `offset`, the total `count`, and links to the next and previous pages."""

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Query, Schema
from pydantic import create_model

MAX_LIMIT = 100
DEFAULT_LIMIT = 20
MAX_OFFSET = 10_000_000


class PageParams(Schema):
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Results per page (at most 100)")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="How many results to skip")


PageQuery = Query[PageParams]


def page_of(item: type[Schema], name: str) -> type[Schema]:
    """The schema of a page of `item`s."""
    return create_model(
        name,
        __base__=Schema,
        count=(int, Field(..., description="How many results there are in all")),
        limit=(int, ...),
        offset=(int, ...),
        next=(str | None, Field(..., description="The next page's address, or null on the last page")),
        previous=(str | None, Field(..., description="The previous page's address, or null on the first")),
        results=(list[item], ...),
    )


def _link(request: HttpRequest, offset: int, limit: int) -> str:
    query = request.GET.copy()
    query["offset"] = str(offset)
    query["limit"] = str(limit)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def paginate(
    request: HttpRequest, queryset: QuerySet | list, page: PageParams, counted: QuerySet | None = None
) -> dict[str, Any]:
    """One page of `queryset`; `counted` is the same set shaped for counting, if cheaper to count."""
    if isinstance(queryset, list):
        count = len(queryset)
    else:
        count = (counted if counted is not None else queryset).count()
    results = list(queryset[page.offset : page.offset + page.limit])
    following = page.offset + page.limit
    return {
        "count": count,
        "limit": page.limit,
        "offset": page.offset,
        "next": _link(request, following, page.limit) if following < count else None,
        "previous": _link(request, max(page.offset - page.limit, 0), page.limit) if page.offset > 0 else None,
        "results": results,
    }
