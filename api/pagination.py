"""Limit/offset pagination with a stable order and one envelope for every list:

{"count": 120, "limit": 50, "offset": 50, "next": "...", "previous": "...", "items": [...]}
"""

from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Schema
from pydantic import create_model

from api.params import MAX_OFFSET

DEFAULT_LIMIT = settings.API_DEFAULT_LIMIT
MAX_LIMIT = settings.API_MAX_LIMIT


class PageParams(Schema):
    limit: int = Field(
        DEFAULT_LIMIT,
        ge=1,
        le=MAX_LIMIT,
        description=f"Hur många poster per sida (högst {MAX_LIMIT}).",
    )
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Hur många poster som hoppas över.")


def page_schema(item: type[Schema]) -> type[Schema]:
    """The envelope schema for a list of `item`, named e.g. `PromiseSummaryPage`."""
    return create_model(
        f"{item.__name__}Page",
        __base__=Schema,
        count=(int, ...),
        limit=(int, ...),
        offset=(int, ...),
        next=(str | None, ...),
        previous=(str | None, ...),
        items=(list[item], ...),
    )


def _link(request: HttpRequest, limit: int, offset: int) -> str:
    query = request.GET.copy()
    query["limit"], query["offset"] = str(limit), str(offset)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def paginate(
    request: HttpRequest,
    queryset: QuerySet,
    page: PageParams,
    serialize: Callable[[Iterable[Any]], list[dict]],
) -> dict:
    """One page of `queryset` (ordered by id, so pages never overlap or skip), serialized."""
    count = queryset.count()
    rows = list(queryset.order_by("id")[page.offset : page.offset + page.limit])
    following = page.offset + page.limit
    return {
        "count": count,
        "limit": page.limit,
        "offset": page.offset,
        "next": _link(request, page.limit, following) if following < count else None,
        "previous": _link(request, page.limit, max(page.offset - page.limit, 0))
        if page.offset > 0
        else None,
        "items": serialize(rows),
    }
