"""The council's framework is fetched only at a boundary (issue 15 point 5, ADR 0026): a view (through
`loader.for_request(request)`), a URL module, a management command, a scheduled task, an API router,
app start-up, a demo loader, a receiver of the register's signals, or the templates' `|cite` filter.
Everything below — services, engines, gatherers, builders, presenters — is given the framework as a
parameter, so a per-request framework is later a change to `loader.for_request` alone."""

import ast
from pathlib import Path

ACCORD = Path(__file__).resolve().parents[1] / "accord"
# The calls that fetch the global framework.
FETCHES = {"current", "for_request"}
# Signal receivers are boundaries; they live in service modules, so they are allowed by name.
RECEIVERS = {
    "frameworks/services.py": {"on_partnerships_created", "on_partnerships_changed"},
    "domain/lifecycle/first_state.py": {"on_partnerships_created"},
    # the templates' |cite and |stage filters: a page's request framework, or the council's for an email
    "jinja2.py": {"page_framework"},
}


def is_boundary(relative: str) -> bool:
    """Whether a module (path relative to accord/, with /) may fetch the framework anywhere in it."""
    parts = relative.split("/")
    name = parts[-1]
    return (
        relative == "frameworks/loader.py"  # where current() and for_request() are defined
        or "views" in parts[:-1]  # a views package
        or name in ("views.py", "urls.py", "tasks.py", "apps.py", "checks_startup.py")
        or parts[-3:-1] == ["management", "commands"]
        or parts[:-1] == ["outputs", "api", "routers"]
        or name == "demo.py"
        or (name.startswith("demo_") and name.endswith(".py"))
    )


def _fetches(node: ast.AST) -> str | None:
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in FETCHES:
        owner = node.func.value
        if isinstance(owner, ast.Name) and owner.id in ("loader", "framework_loader"):
            return f"loader.{node.func.attr}()"
        if isinstance(owner, ast.Attribute) and owner.attr == "loader":
            return f"loader.{node.func.attr}()"
    if isinstance(node, ast.ImportFrom) and (node.module or "").endswith("loader"):
        names = sorted(a.name for a in node.names if a.name in FETCHES)
        if names:
            return f"from {node.module} import {', '.join(names)}"
    return None


def fetches_in(tree: ast.AST, relative: str) -> list[str]:
    """`path:line: call` for each fetch of the framework outside a boundary."""
    if is_boundary(relative):
        return []
    allowed_functions = RECEIVERS.get(relative, set())
    allowed_lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name in allowed_functions:
            allowed_lines |= {n.lineno for n in ast.walk(node) if hasattr(n, "lineno")}
    found = [
        (node.lineno, call)
        for node in ast.walk(tree)
        if (call := _fetches(node)) and node.lineno not in allowed_lines
    ]
    return [f"accord/{relative}:{line}: {call}" for line, call in sorted(found)]


def framework_fetches() -> list[str]:
    found = []
    for path in sorted(ACCORD.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        relative = path.relative_to(ACCORD).as_posix()
        found += fetches_in(ast.parse(path.read_text(), str(path)), relative)
    return found


def test_only_boundaries_fetch_the_framework():
    assert framework_fetches() == [], (
        "Take the framework as a parameter; fetch it only at a boundary:\n" + "\n".join(framework_fetches())
    )


SERVICE = """
from accord.frameworks import loader

def assess(partnership):
    return loader.current().id

def on_partnerships_created(sender, actor, partnerships, **kwargs):
    return loader.current()
"""


def test_the_lint_finds_a_service_fetching_the_framework():
    tree = ast.parse(SERVICE)
    assert fetches_in(tree, "domain/risks/services.py") == [
        "accord/domain/risks/services.py:5: loader.current()",
        "accord/domain/risks/services.py:8: loader.current()",
    ]
    assert fetches_in(ast.parse("from accord.frameworks.loader import current\n"), "outputs/x.py") == [
        "accord/outputs/x.py:1: from accord.frameworks.loader import current"
    ]


def test_the_lint_allows_boundaries_and_named_receivers():
    tree = ast.parse(SERVICE)
    for boundary in (
        "domain/risks/views/risk.py",
        "domain/representation/views.py",
        "frameworks/management/commands/refresh_obligations.py",
        "outputs/api/routers/risks.py",
        "outputs/reminders/tasks.py",
        "domain/risks/demo.py",
        "frameworks/demo_assessed.py",
        "frameworks/apps.py",
    ):
        assert fetches_in(tree, boundary) == [], boundary
    # In frameworks/services.py only the receiver may fetch it, not the service beside it.
    assert fetches_in(tree, "frameworks/services.py") == ["accord/frameworks/services.py:5: loader.current()"]
    assert not is_boundary("frameworks/store.py")
    assert not is_boundary("outputs/reports/builders/common.py")
