"""Fixtures for the resilience tests: a fresh database per test and gunicorn servers on it.

These tests do not use pytest-django's test database: the server is another process, so the test
and the server share a real database of the test's own (see harness.py).
"""

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from .checks import consistent
from .harness import Database, Server, Template, drop_template, make_template


@pytest.fixture(scope="session")
def template(tmp_path_factory) -> Iterator[Template]:
    made = make_template(tmp_path_factory.mktemp("resilience"))
    yield made
    drop_template(made)


@pytest.fixture
def facts(template) -> dict[str, Any]:
    return template.facts


@pytest.fixture
def database(template) -> Iterator[Database]:
    fresh = template.fresh()
    assert consistent(fresh) == [], "the seeded database should start consistent"
    yield fresh
    template.drop(fresh)


@pytest.fixture
def serve(database, tmp_path) -> Iterator[Callable[..., Server]]:
    """Start gunicorn on the test's database: serve(workers=, threads=, pause=, port=)."""
    started: list[Server] = []

    def start(workers: int = 1, threads: int = 1, pause: str = "", port: int | None = None) -> Server:
        server = Server(database, tmp_path) if port is None else Server(database, tmp_path, port=port)
        started.append(server)
        return server.start(workers=workers, threads=threads, pause=pause)

    yield start
    for server in started:
        server.stop()
