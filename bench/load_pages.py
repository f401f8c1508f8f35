"""Reading Accord's pages for bench/load_users.py: the fields of a form as a browser would submit
them, the CSRF token, the approver's decision links, edit conflicts and error summaries. Plain
functions on HTML text (no locust import: tests/bench/test_load_pages.py checks them)."""

import re
from html import unescape
from html.parser import HTMLParser
from typing import Any


class _Forms(HTMLParser):
    """Collects each <form>'s fields as a browser would submit them, unchanged."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[dict[str, Any]] = []
        self._select: str | None = None
        self._select_first: str | None = None
        self._textarea: str | None = None
        self._text: list[str] = []

    def _fields(self) -> dict[str, str] | None:
        return self.forms[-1]["fields"] if self.forms and self.forms[-1]["open"] else None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.forms.append(
                {
                    "action": a.get("action", ""),
                    "method": a.get("method", "get").lower(),
                    "fields": {},
                    "open": True,
                }
            )
            return
        fields = self._fields()
        if fields is None:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text").lower()
            if kind in ("submit", "button", "image", "file", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            fields[name] = a.get("value", "on" if kind in ("checkbox", "radio") else "")
        elif tag == "select" and name:
            self._select, self._select_first = name, None
        elif tag == "option" and self._select:
            value = a.get("value", "")
            if self._select_first is None:
                self._select_first = value
                fields[self._select] = value
            if "selected" in a:
                fields[self._select] = value
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        fields = self._fields()
        if tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea and fields is not None:
            text = "".join(self._text)
            fields[self._textarea] = text[1:] if text.startswith("\n") else text
            self._textarea = None
        elif tag == "form" and self.forms:
            self.forms[-1]["open"] = False


def form_with(html: str, field: str) -> dict[str, str] | None:
    """The fields of the first form on the page that has `field` (None if no form has it)."""
    parser = _Forms()
    parser.feed(html)
    return next((f["fields"] for f in parser.forms if field in f["fields"]), None)


CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
DECIDE_LINK = re.compile(r'href="(/partnerships/\d+/cycle/approvals/[\w-]+/[\w-]+/)"')
SERVER_TIMING = re.compile(r"app;dur=([0-9.]+)")


def csrf_token(html: str) -> str | None:
    found = CSRF.search(html)
    return unescape(found.group(1)) if found else None


def decide_links(html: str) -> list[str]:
    """The approver list's links to decisions they can take now (without duplicates, in order)."""
    return list(dict.fromkeys(DECIDE_LINK.findall(html)))


def server_ms(value: str | None) -> float | None:
    found = SERVER_TIMING.fullmatch(value or "")
    return float(found.group(1)) if found else None


CONFLICT_TEXTS = (
    "Someone else changed this record while you were editing it",  # the register's edit conflict
    "changed since you opened",  # the approver's case changed under them
    "Nothing is waiting for this decision",
    "There is nothing waiting for this decision",
    "has already approved the current version",
)


def is_conflict(html: str) -> bool:
    text = unescape(html)
    return any(phrase in text for phrase in CONFLICT_TEXTS)


ERROR_SUMMARY = re.compile(r"govuk-error-summary__list.*?<a[^>]*>([^<]+)", re.S)


def error_summary(html: str) -> str:
    """The first message in a page's error summary ("no reason shown" without one)."""
    found = ERROR_SUMMARY.search(html)
    return unescape(found.group(1)).strip() if found else "no reason shown"
