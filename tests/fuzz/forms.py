"""Reading a page's forms (fields, hidden values, choices) and taking the database's fingerprint."""

from dataclasses import dataclass

import lxml.html
from django.apps import apps
from django.db import connection, models

from tests.fuzz.strategies import Field

ACCORD_APPS = [config for config in apps.get_app_configs() if config.name.startswith("accord.")]


@dataclass
class Form:
    method: str
    action: str
    fields: list[Field]
    multipart: bool


def _date_input(name: str) -> str | None:
    for part in ("-day", "-month", "-year"):
        if name.endswith(part):
            return name[: -len(part)]
    return None


def read_forms(html: str, page_url: str) -> list[Form]:
    """Every form on the page with the fields a browser would send (GOV.UK date inputs as one field)."""
    if not html.strip():
        return []
    document = lxml.html.fromstring(html)
    found = []
    for element in document.forms:
        fields: dict[str, Field] = {}
        for control in element.xpath(".//input|.//select|.//textarea|.//button"):
            name = control.get("name")
            if not name or control.get("disabled") is not None:
                continue
            tag = control.tag
            kind = control.get("type", "text").lower() if tag == "input" else tag
            if tag == "button" or kind in ("submit", "button", "reset", "image"):
                continue
            if name == "csrfmiddlewaretoken":
                continue
            date_name = _date_input(name)
            if date_name and kind == "text":
                fields.setdefault(date_name, Field(date_name, "date"))
                continue
            if kind in ("radio", "checkbox"):
                existing = fields.setdefault(name, Field(name, kind))
                existing.options.append(control.get("value", "on"))
                continue
            if tag == "select":
                options = [o.get("value", o.text_content()) for o in control.xpath(".//option")]
                chosen = [o.get("value", o.text_content()) for o in control.xpath(".//option[@selected]")]
                fields[name] = Field(name, "select", value=(chosen or [""])[0], options=options)
                continue
            value = control.text_content() if tag == "textarea" else control.get("value", "")
            if kind in ("number",) or control.get("inputmode") in ("numeric", "decimal"):
                kind = "number"
            elif kind not in ("hidden", "file", "textarea"):
                kind = "text"
            fields[name] = Field(name, kind, value=value)
        found.append(
            Form(
                method=(element.get("method") or "get").lower(),
                action=element.get("action") or page_url,
                fields=list(fields.values()),
                multipart=(element.get("enctype") or "") == "multipart/form-data",
            )
        )
    return found


def _measures() -> list[tuple[str, str]]:
    """(label, SQL) for what the fingerprint reads: for each model of every accord app its row count,
    the sum of its versions and the latest auto-updated stamp where it has them."""
    quote = connection.ops.quote_name
    found = []
    for config in ACCORD_APPS:
        for model in config.get_models():
            table = model._meta.db_table
            found.append((f"{table} rows", f"(SELECT COUNT(*) FROM {quote(table)})"))
            for f in model._meta.concrete_fields:
                if f.name == "version" and isinstance(f, models.IntegerField):  # a lock's counter, not "1.0"
                    found.append(
                        (f"{table} versions", f"(SELECT SUM({quote(f.column)}) FROM {quote(table)})")
                    )
                elif isinstance(f, models.DateTimeField) and getattr(f, "auto_now", False):
                    found.append(
                        (f"{table} {f.name}", f"(SELECT MAX({quote(f.column)}) FROM {quote(table)})")
                    )
    return found


def fingerprint() -> tuple:
    """A snapshot of every accord table in one query: a write shows up as a difference."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(sql for _, sql in _measures()))
        return tuple(cursor.fetchone())


def differences(before: tuple, after: tuple) -> list[str]:
    """What changed between two fingerprints, named by table."""
    labels = [label for label, _ in _measures()]
    return [f"{label}: {b} → {a}" for label, b, a in zip(labels, before, after, strict=True) if b != a]
