"""Access-test URL cases for accord.api (see tests/access_cases/__init__.py)."""


def cases(world) -> list[tuple[str, str, object]]:
    return []
