"""The site collects every app's URLs from the app configs; the order they are collected in does not
matter: every URL resolves to the same view whichever app comes first (ADR 0026 notes)."""

import random
import re
from collections import Counter

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, resolve
from django.urls.converters import get_converters

from accord.site import urls

SAMPLES = {"int": "7", "slug": "x-1", "str": "x-1", "path": "x/1"}


def _sample(route: str) -> str:
    """A concrete URL the route matches: each converter replaced by a value it accepts (the first of the
    words an app's own converter matches, e.g. the register's kinds of child)."""

    def value(found: re.Match) -> str:
        kind = found.group(1) or "str"
        return SAMPLES.get(kind) or get_converters()[kind].regex.split("|")[0]

    return re.sub(r"<(?:(\w+):)?\w+>", value, route)


def _named(patterns, prefix: str = "", namespace: str = ""):
    """(name, sample URL) for every named pattern, inside includes too."""
    for p in patterns:
        if isinstance(p, URLResolver):
            inner = namespace + (f"{p.namespace}:" if p.namespace else "")
            yield from _named(p.url_patterns, prefix + str(p.pattern), inner)
        elif isinstance(p, URLPattern) and p.name and "^" not in str(p.pattern):
            yield namespace + p.name, "/" + _sample(prefix + str(p.pattern))


class _URLconf:
    """A URL map in place of a module (hashable, as Django caches resolvers by URLconf)."""

    def __init__(self, urlpatterns):
        self.urlpatterns = urlpatterns


def _where(url: str, urlconf) -> tuple:
    match = resolve(url, urlconf=urlconf)
    return match.view_name, match.func, match.kwargs


def _orders():
    configs = list(apps.get_app_configs())
    yield "reversed", configs[::-1]
    for seed in range(5):
        shuffled = configs[:]
        random.Random(seed).shuffle(shuffled)
        yield f"shuffled {seed}", shuffled


NAMED = sorted(set(_named(urls.urlpatterns)))


def test_every_named_url_resolves_to_itself():
    assert len(NAMED) > 150
    counts = Counter(url for _, url in NAMED)
    shared = {url for url, n in counts.items() if n > 1}
    for name, url in NAMED:
        if url not in shared:  # the API names one path once per method
            assert resolve(url).view_name == name, url


ORDERS = list(_orders())


@pytest.mark.parametrize("label, configs", ORDERS, ids=[label for label, _ in ORDERS])
def test_every_named_url_resolves_to_the_same_view_in_any_app_order(label, configs):
    shuffled = _URLconf(urls.build(configs))
    for name, url in NAMED:
        assert _where(url, shuffled) == _where(url, urls), (label, name, url)


def test_every_app_with_urls_declares_them_on_its_config():
    declared = {c.name for c in apps.get_app_configs() if getattr(c, "url_module", None)}
    assert {
        "accord.kernel.accounts",
        "accord.kernel.ui",
        "accord.register",
        "accord.frameworks",
        "accord.domain.lifecycle",
        "accord.domain.risks",
        "accord.domain.monitoring",
        "accord.domain.reviews",
        "accord.domain.representation",
        "accord.outputs.reminders",
        "accord.outputs.reports",
        "accord.outputs.public",
        "accord.outputs.transfer",
        "accord.outputs.api",
    } == declared
