"""Loading framework files: parse YAML, validate the schema, run the checks, report every problem
as `file: path.to.item: what is wrong`."""

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml
from django.conf import settings
from pydantic import ValidationError

from . import checks
from .schema import Framework

FILES_DIR = Path(__file__).resolve().parent / "files"


@dataclass
class LoadResult:
    path: Path
    framework: Framework | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.framework is not None and not self.problems


def seeds_dir() -> Path | None:
    configured = getattr(settings, "ACCORD_SEEDS_DIR", None)
    return Path(configured) if configured else None


def load_path(path: Path, seeds: Path | None = None) -> LoadResult:
    result = LoadResult(path)
    name = path.name
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        result.problems.append(f"{name}: (file): cannot be read as YAML: {error}".replace("\n", " "))
        return result
    if not isinstance(data, dict):
        result.problems.append(f"{name}: (file): must be a mapping of framework fields")
        return result
    try:
        framework = Framework.model_validate(data)
    except ValidationError as error:
        for item in error.errors():
            location = ".".join(str(part) for part in item["loc"]) or "(file)"
            result.problems.append(f"{name}: {location}: {item['msg']}")
        return result
    result.framework = framework
    result.problems = [f"{name}: {where}: {what}" for where, what in checks.check(framework, seeds)]
    return result


def framework_paths() -> list[Path]:
    return sorted(FILES_DIR.glob("*.yaml"))


@cache
def all_frameworks() -> dict[str, Framework]:
    """Every bundled framework, validated; raises ValueError listing every problem if any is invalid."""
    results = [load_path(path, seeds_dir()) for path in framework_paths()]
    problems = [p for r in results for p in r.problems]
    if problems:
        raise ValueError("Invalid framework files:\n" + "\n".join(problems))
    return {r.framework.id: r.framework for r in results if r.framework}


@cache
def get(framework_id: str) -> Framework:
    """One bundled framework by id (its file is `<id>.yaml`), validated."""
    path = FILES_DIR / f"{framework_id}.yaml"
    if not path.is_file():
        available = ", ".join(p.stem for p in framework_paths())
        raise KeyError(f"No framework '{framework_id}'; available: {available}")
    result = load_path(path, seeds_dir())
    if not result.ok or result.framework is None:
        raise ValueError("Invalid framework file:\n" + "\n".join(result.problems))
    return result.framework


def current() -> Framework:
    """The framework this council has chosen (setting ACCORD_FRAMEWORK)."""
    return get(settings.ACCORD_FRAMEWORK)


def for_request(request) -> Framework:
    """The framework a request works under, fetched once at the boundary and kept on the request.

    Today it is the council's framework for every request; a per-request framework (ADR 0026) is a
    change here alone, because the views pass what this returns down to the services and engines."""
    framework = getattr(request, "accord_framework", None)
    if framework is None:
        framework = current()
        request.accord_framework = framework
    return framework
