"""Per-request server time and SQL query count, for the benchmark harness (bench/run.py).

Enabled only when ACCORD_BENCH_METRICS=true. Settings puts the middleware first, so the time
covers the whole middleware stack, including the session save; it does not cover the WSGI server
or Django closing the database connection after the response. Each response gets:

    Server-Timing: app;dur=<milliseconds>
    X-Query-Count: <SQL statements run on the default database while handling the request>
"""

import time
from collections.abc import Callable
from typing import Any

from django.db import connection
from django.http import HttpRequest, HttpResponseBase


class QueryCounter:
    """A database execute wrapper that counts every statement (executemany counts once)."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute: Callable[..., Any], sql: str, params: Any, many: bool, context: dict) -> Any:
        self.count += 1
        return execute(sql, params, many, context)


class ServerTimingMiddleware:
    """Adds the request's server time and SQL query count to the response headers."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        counter = QueryCounter()
        started = time.perf_counter()
        with connection.execute_wrapper(counter):
            response = self.get_response(request)
        elapsed_ms = (time.perf_counter() - started) * 1000
        response["Server-Timing"] = f"app;dur={elapsed_ms:.3f}"
        response["X-Query-Count"] = str(counter.count)
        return response
