"""Under each council's framework, a crawl of every page and every generated document, as every role,
finds only that council's framework (issue 16): no link answering 4xx or 5xx, no source file name,
no maintainer's note and no other council's name, clause, form or report.

The data is the demo council's, moved to the framework's council: the demo's own place name is
replaced by the framework council's, so any other council's name the crawl finds comes from Accord or
the framework files, not from the data. Set ACCORD_CRAWL_REPORT to a path to get the findings as JSON.
"""

import json
import logging
import os
import re
import time
from collections import defaultdict
from typing import Any

import pytest
from django.apps import apps
from django.db import models
from django.db.models.functions import Replace

from accord.domain.representation import demo as representation_demo
from accord.frameworks import loader
from accord.site import demo
from tests.frameworks.crawler import Crawl, Finding

PLACES = {
    "bury": "Bury",
    "central_bedfordshire": "Central Bedfordshire",
    "chorley": "Chorley",
    "northampton": "Northampton",
    "redditch": "Redditch",
}
DEMO_PLACE = "Chorley"  # the demo council's own place, in its data
ACCOUNTS = {
    "administrator": "admin",
    "officer": "officer",
    "approver": "approver",
    "member": "member",
    "auditor": "auditor",
    "partner": "partner",
}
SEED_FILE = re.compile(r"\d{3}_[0-9a-f]{16}\.txt")
# Words only a maintainer writes: the framework files' authoring notes and Accord's internal names.
NOTE_MARKERS = (
    "the seed",
    "The seed",
    "seed's",
    "Default scale point",
    "(template ",
    "question bank ",
    "question_bank",
    "artefact record",
    "documented default",
    "docs/frameworks.md",
    "not_specified",
    "ADR 00",
    "maintainer",
    "lost in extraction",
    "extracted text",
    "is silent on",
    "says nothing about",
)


def _replace_place(value: Any, place: str) -> Any:
    if isinstance(value, str):
        return value.replace(DEMO_PLACE, place).replace(DEMO_PLACE.lower(), place.lower().replace(" ", ""))
    if isinstance(value, list):
        return [_replace_place(v, place) for v in value]
    if isinstance(value, dict):
        return {k: _replace_place(v, place) for k, v in value.items()}
    return value


def _move_text_to(place: str) -> None:
    """Text the demo's loaders write from code (not from the demo file) names the demo's place too."""
    if place == DEMO_PLACE:
        return
    old, new = models.Value(DEMO_PLACE), models.Value(place)
    for model in apps.get_models():
        if not model._meta.managed or model._meta.proxy or model._meta.app_label == "audit":
            continue
        for fld in model._meta.concrete_fields:
            if isinstance(fld, (models.CharField, models.TextField)) and not fld.choices:
                rows = model._default_manager.filter(**{f"{fld.attname}__contains": DEMO_PLACE})
                if rows.exists():
                    rows.update(**{fld.attname: Replace(fld.attname, old, new)})


def _other_councils(framework_id: str) -> list[tuple[str, re.Pattern[str]]]:
    """Each other seed council's place name and its framework's titles, as whole words."""
    own = loader.get(framework_id)
    own_titles = {own.name, *(d.title for d in own.source_documents)}
    found: list[tuple[str, re.Pattern[str]]] = []
    for other_id, place in PLACES.items():
        if other_id == framework_id or place in PLACES[framework_id]:
            continue
        other = loader.get(other_id)
        words = {place, other.name, *(d.title for d in other.source_documents)}
        for word in sorted(words):
            if any(word in title for title in own_titles):
                continue
            found.append((f"{word} ({other_id})", re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")))
    return found


def _inspector(framework_id: str):
    others = _other_councils(framework_id)

    def inspect(url: str, raw: str, text: str):
        for name in sorted(set(SEED_FILE.findall(raw))):
            yield "file name", name
        for marker in NOTE_MARKERS:
            index = text.find(marker)
            if index >= 0:
                yield "note", text[max(0, index - 60) : index + 80].strip()
        for label, word in others:
            match = word.search(text)
            if match:
                start = match.start()
                yield "other council", f"{label}: …{text[max(0, start - 60) : start + 60].strip()}…"

    return inspect


def _load_demo_for(framework_id: str, monkeypatch) -> None:
    place = PLACES[framework_id]
    for name in ("MEETINGS", "REPORT_BACKS"):
        moved = _replace_place(getattr(representation_demo, name), place)
        monkeypatch.setattr(representation_demo, name, moved)
    demo.load_demo(_replace_place(demo.load_file(), place))
    _move_text_to(place)


def report(framework_id: str, findings: list[Finding]) -> str:
    """The findings grouped by kind, then by page pattern, with the roles that met each."""
    grouped: dict[str, dict[tuple[str, str], dict[str, Any]]] = defaultdict(dict)
    for finding in findings:
        entry = grouped[finding.kind].setdefault(
            (finding.pattern, finding.detail), {"roles": set(), "url": finding.url, "via": finding.via}
        )
        entry["roles"].add(finding.role)
    lines = [f"{framework_id}: {len(findings)} findings"]
    for kind in sorted(grouped):
        lines.append(f"  {kind}:")
        for (pattern, detail), entry in sorted(grouped[kind].items()):
            via = f" (linked from {entry['via']})" if entry["via"] else ""
            roles = ",".join(sorted(entry["roles"]))
            lines.append(f"    {pattern} [{roles}] {detail} — e.g. {entry['url']}{via}")
    return "\n".join(lines)


def _save(framework_id: str, findings: list[Finding], seconds: dict[str, float]) -> None:
    """The findings, and where the crawl spent its time (seconds by page pattern, every role)."""
    path = os.environ.get("ACCORD_CRAWL_REPORT")
    if not path:
        return
    saved = json.load(open(path)) if os.path.exists(path) else {}
    saved[framework_id] = [f.__dict__ for f in findings]
    slowest = sorted(seconds.items(), key=lambda item: -item[1])
    saved[f"{framework_id} seconds"] = {pattern: round(spent, 2) for pattern, spent in slowest}
    with open(path, "w") as handle:
        json.dump(saved, handle, indent=1)


@pytest.mark.crawl
@pytest.mark.django_db
@pytest.mark.parametrize("framework_id", sorted(PLACES))
def test_every_page_and_document_is_the_councils_own_for_every_role(
    client, settings, monkeypatch, caplog, framework_id
):
    caplog.set_level(logging.CRITICAL, logger="django.request")  # the findings say which pages failed
    settings.ACCORD_FRAMEWORK = framework_id
    settings.COUNCIL_NAME = loader.get(framework_id).council
    settings.COUNCIL_SHORT_NAME = PLACES[framework_id]
    started = time.perf_counter()
    _load_demo_for(framework_id, monkeypatch)
    loaded = time.perf_counter() - started
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    inspect = _inspector(framework_id)
    findings: list[Finding] = []
    seconds: dict[str, float] = defaultdict(float, {"(the demo loaded)": loaded})
    for role, username in ACCOUNTS.items():
        client.force_login(user_model.objects.get(username=username))
        crawl = Crawl(client, role, inspect)
        findings += crawl.run()
        for pattern, spent in crawl.seconds.items():
            seconds[pattern] += spent
        client.logout()
    seconds["(in all)"] = time.perf_counter() - started
    _save(framework_id, findings, seconds)
    assert not findings, report(framework_id, findings)
