"""The layers (ADR 0026): the import contracts themselves run as `lint-imports` in `make test`; these
tests check what import-linter does not: that no import hides inside a function to dodge a cycle,
that the apps' import graph has no cycle at all, and that the README's Layout names every app."""

import ast
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ACCORD = ROOT / "accord"
GROUPS = {"kernel", "domain", "outputs"}  # folders that hold the apps of one layer


def _modules() -> list[tuple[Path, str]]:
    found = []
    for path in sorted(ACCORD.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        found.append((path, ".".join(path.relative_to(ROOT).with_suffix("").parts)))
    return found


def _app(module: str) -> str:
    parts = module.split(".")
    if len(parts) > 2 and parts[1] in GROUPS:
        return ".".join(parts[1:3])
    return parts[1] if len(parts) > 1 else parts[0]


def _imported(node: ast.AST, module: str, is_package: bool) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom):
        if node.level:
            base = module.split(".")
            base = base[: len(base) - node.level + (1 if is_package else 0)]
            return [".".join([*base, node.module] if node.module else base)]
        return [node.module or ""]
    return []


# The one import deliberately made when first needed: the PDF renderer loads WeasyPrint (Pango and its
# fonts, most of a second), which only a PDF download needs; a missing Pango then fails that download
# and `check --deploy` (accord.E201), not the whole site (ADR 0033).
LAZY = {("accord/outputs/reports/views/common.py", "_pdf")}


def _function_local_imports() -> list[str]:
    found = []
    for path, module in _modules():
        tree = ast.parse(path.read_text(), str(path))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            if path.name == "apps.py" and function.name == "ready":
                continue  # Django's place for connecting signals and registering checks
            if (str(path.relative_to(ROOT)), function.name) in LAZY:
                continue
            for node in ast.walk(function):
                names = _imported(node, module, path.name == "__init__.py")
                if any(name.startswith("accord") for name in names):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def _app_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = defaultdict(set)
    for path, module in _modules():
        source = _app(module)
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            for name in _imported(node, module, path.name == "__init__.py"):
                if name.startswith("accord.") and (target := _app(name)) != source:
                    graph[source].add(target)
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One cycle in the graph, or [] if there is none (depth-first search)."""
    state: dict[str, str] = {}
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = "open"
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == "open":
                return [*path[path.index(target) :], target]
            if target not in state and (found := visit(target)):
                return found
        state[node] = "done"
        path.pop()
        return []

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return []


def test_no_import_hides_inside_a_function():
    assert _function_local_imports() == [], "Import at the top of the module (or fix the layering)"


def test_the_apps_import_each_other_without_a_cycle():
    graph = _app_graph()
    assert len(graph) >= 15, "the graph found too few apps: the check would pass vacuously"
    assert _cycle(graph) == []


def test_the_cycle_finder_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": {"c"}}) == []


def test_the_readme_layout_names_every_app():
    layout = (ROOT / "README.md").read_text().split("## Layout", 1)[1]
    apps = sorted(
        str(path.parent.relative_to(ROOT))
        for path in ACCORD.rglob("apps.py")
        if "migrations" not in path.parts
    )
    assert len(apps) >= 15
    missing = [app for app in apps if f"`{app}`" not in layout]
    assert missing == []
