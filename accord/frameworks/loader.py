"""Loading framework files: parse YAML, validate the schema, run the checks, report every problem
as `file: path.to.item: what is wrong`, and each problem's line in the file (`Issue`)."""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

import yaml
from django.conf import settings
from pydantic import ValidationError

from . import checks, yaml_lines
from .schema import Framework

FILES_DIR = Path(__file__).resolve().parent / "files"


@dataclass(frozen=True)
class Issue:
    """One problem in a file: where (a dotted location), what is wrong, and the line it is on."""

    path: Path
    where: str
    what: str
    line: int | None = None

    def __str__(self) -> str:
        """`file:line: where: what`, as editors and CI logs link to it."""
        at = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{at}: {self.where}: {self.what}"


@dataclass
class LoadResult:
    path: Path
    framework: Framework | None = None
    problems: list[str] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.framework is not None and not self.problems

    def _add(self, where: str, what: str, line: int | None = None) -> None:
        self.problems.append(f"{self.path.name}: {where}: {what}")
        self.issues.append(Issue(self.path, where, what, line))

    def _place(self, text: str) -> None:
        """Give each issue its line, from the file's node tree (composed only when there are issues)."""
        root = yaml_lines.compose(text) if self.issues else None
        self.issues = [
            Issue(i.path, i.where, i.what, i.line or yaml_lines.line_of(root, i.where)) for i in self.issues
        ]


def seeds_dir() -> Path | None:
    configured = getattr(settings, "ACCORD_SEEDS_DIR", None)
    return Path(configured) if configured else None


def load_path(path: Path, seeds: Path | None = None) -> LoadResult:
    result = LoadResult(path)
    try:
        text = path.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
    except OSError as error:
        result._add("(file)", f"cannot be read: {error}")
        return result
    except yaml.YAMLError as error:
        what = f"cannot be read as YAML: {error}".replace("\n", " ")
        result._add("(file)", what, yaml_lines.error_line(error))
        return result
    if not isinstance(data, dict):
        result._add("(file)", "must be a mapping of framework fields", 1)
        return result
    try:
        framework = Framework.model_validate(data)
    except ValidationError as error:
        for item in error.errors():
            result._add(".".join(str(part) for part in item["loc"]) or "(file)", item["msg"])
        result._place(text)
        return result
    result.framework = framework
    own = None if path.resolve().parent == FILES_DIR.resolve() else path.parent  # a council's own file
    for where, what in checks.check(framework, seeds, own):
        result._add(where, what)
    result._place(text)
    return result


def council_dir() -> Path | None:
    """The council's own folder of framework files (setting ACCORD_FRAMEWORKS_DIR), if any: read
    besides the bundled files, so a council's framework lives outside Accord's code."""
    configured = getattr(settings, "ACCORD_FRAMEWORKS_DIR", "")
    return Path(configured) if configured else None


def is_file_setting(chosen: str) -> bool:
    """Whether ACCORD_FRAMEWORK names a file (a path ending .yaml or .yml) rather than an id."""
    return chosen.endswith((".yaml", ".yml")) or "/" in chosen


def _yaml_in(folder: Path | None) -> list[Path]:
    if folder is None or not folder.is_dir():
        return []
    return sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])


def framework_paths() -> list[Path]:
    """Every framework file Accord can read: the bundled ones, then the council's own folder's."""
    return sorted(FILES_DIR.glob("*.yaml")) + _yaml_in(council_dir())


def bundled_paths() -> list[Path]:
    return sorted(FILES_DIR.glob("*.yaml"))


@cache
def all_frameworks() -> dict[str, Framework]:
    """Every bundled framework, validated; raises ValueError listing every problem if any is invalid."""
    results = [load_path(path, seeds_dir()) for path in bundled_paths()]
    problems = [p for r in results for p in r.problems]
    if problems:
        raise ValueError("Invalid framework files:\n" + "\n".join(problems))
    return {r.framework.id: r.framework for r in results if r.framework}


def _stamp(path: Path) -> tuple[str, int, int]:
    stat = path.stat()
    return (str(path.resolve()), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=64)
def _load_stamped(stamp: tuple[str, int, int], seeds: str) -> LoadResult:
    return load_path(Path(stamp[0]), Path(seeds) if seeds else None)


def load_file(path: Path) -> Framework:
    """A framework file anywhere (a council's own), validated; read again when the file changes.
    Raises KeyError when there is no such file, ValueError with every problem when it is invalid."""
    if not path.is_file():
        raise KeyError(f"No framework file {path}")
    seeds = seeds_dir()
    result = _load_stamped(_stamp(path), str(seeds) if seeds else "")
    if not result.ok or result.framework is None:
        raise ValueError(invalid(result))
    return result.framework


def invalid(result: LoadResult) -> str:
    """The message for an invalid file: every problem as `file:line: where: what`."""
    return "Invalid framework file:\n" + "\n".join(str(issue) for issue in result.issues)


@lru_cache(maxsize=256)
def _id_of(stamp: tuple[str, int, int]) -> str | None:
    """The id a file declares, read cheaply (without validating the rest); for a file that cannot be
    read as YAML, its name (`<id>.yaml`), so choosing it reports the file's problems, not "no such
    framework"."""
    path = Path(stamp[0])
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return path.stem
    value = data.get("id") if isinstance(data, dict) else None
    return value if isinstance(value, str) else path.stem


def files_for(framework_id: str) -> list[Path]:
    """The files that define this framework: the bundled `<id>.yaml`, and any file in the council's
    folder declaring that id (a council's own framework, or a new version of one)."""
    found = [p for p in [FILES_DIR / f"{framework_id}.yaml"] if p.is_file()]
    found += [p for p in _yaml_in(council_dir()) if _id_of(_stamp(p)) == framework_id]
    return found


@cache
def _bundled(framework_id: str) -> Framework:
    result = load_path(FILES_DIR / f"{framework_id}.yaml", seeds_dir())
    if not result.ok or result.framework is None:
        raise ValueError(invalid(result))
    return result.framework


_chooser: Callable[[str, list[Path]], Framework] | None = None


def set_chooser(choose: Callable[[str, list[Path]], Framework]) -> None:
    """Register who decides which of several files defining one framework is in force: the versions
    module (ADR 0035), registered by the app when Django starts; it reads the adoptions."""
    global _chooser
    _chooser = choose


def _choose(framework_id: str, paths: list[Path]) -> Framework:
    """Which of several files defining one framework is in force: the version adopted (ADR 0035)."""
    if _chooser is None:
        versions = ", ".join(sorted(load_file(p).version for p in paths))
        raise ValueError(f"Several files define the framework '{framework_id}' (versions {versions}).")
    return _chooser(framework_id, paths)


def get(framework_id: str) -> Framework:
    """One framework by id, validated: the bundled `<id>.yaml`, or the council's own file with that id."""
    paths = files_for(framework_id)
    if not paths:
        available = ", ".join(sorted({p.stem for p in bundled_paths()} | _council_ids()))
        raise KeyError(f"No framework '{framework_id}'; available: {available}")
    if len(paths) == 1:
        path = paths[0]
        return _bundled(framework_id) if path.parent == FILES_DIR else load_file(path)
    return _choose(framework_id, paths)


def _council_ids() -> set[str]:
    return {i for p in _yaml_in(council_dir()) if (i := _id_of(_stamp(p)))}


def current() -> Framework:
    """The framework this council has chosen (setting ACCORD_FRAMEWORK): an id, or a file's path."""
    chosen = settings.ACCORD_FRAMEWORK
    if is_file_setting(chosen):
        return load_file(Path(chosen))
    return get(chosen)


def for_request(request) -> Framework:
    """The framework a request works under, fetched once at the boundary and kept on the request.

    Today it is the council's framework for every request; a per-request framework (ADR 0026) is a
    change here alone, because the views pass what this returns down to the services and engines."""
    framework = getattr(request, "accord_framework", None)
    if framework is None:
        framework = current()
        request.accord_framework = framework
    return framework
