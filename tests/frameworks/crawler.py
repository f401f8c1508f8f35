"""A breadth-first crawl of Accord as one signed-in user, for the framework crawl test (issue 16).

From the home page it follows every same-site link (`href`) the pages show, a few URLs of each
pattern (numbers in the path read as {id}; a query string by its keys), fetches the documents they
link to (Word, Excel, CSV, PDF, JSON) and reads their text. Each page and document is checked by the
caller's `inspect`, which returns its findings; a link that answers 4xx or 5xx is a finding here.
"""

import io
import re
import time
import zipfile
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urldefrag, urlsplit

PER_PATTERN = 2
# Every partnership's record and cycle page, so each state's links are followed (a few of each other page)
WIDER = {"/partnerships/{id}/": 40, "/partnerships/{id}/cycle/": 40}
# A report's PDF holds the same Report as its Word document and workbook, which are crawled; laying it
# out costs seconds each (ADR 0033), and tests/reports/test_pdf.py reads the PDFs' text instead.
SKIPPED = ("/static/", "/sign-out", "/media/", "/report.pdf", "/pack.pdf")
NUMBER = re.compile(r"/\d+(?=/|$)")
TAG = re.compile(r"<[^>]+>")
VISIBLE_INPUTS = ("text", "email", "url", "tel", "search", "number", "date", "submit", "button")


@dataclass(frozen=True)
class Finding:
    kind: str  # "status", "file name", "note", "other council"
    role: str
    pattern: str
    url: str
    detail: str
    via: str = ""


class _Page(HTMLParser):
    """The links and the visible text (outside <script> and <style>) of an HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.text: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag in ("script", "style"):
            self._hidden += 1
        if tag in ("a", "link", "area") and values.get("href"):
            if tag == "link" and values.get("rel") in ("stylesheet", "icon", "manifest", "preload"):
                return
            self.links.append(values["href"] or "")
        for name in ("title", "aria-label", "alt", "placeholder"):
            if values.get(name):
                self.text.append(values[name] or "")
        if tag == "input" and values.get("type", "text") in VISIBLE_INPUTS and values.get("value"):
            self.text.append(values["value"] or "")  # what a form shows filled in is read like text

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self.text.append(data)


def pattern_of(url: str) -> str:
    parts = urlsplit(url)
    keys = sorted({k for k, _ in parse_qsl(parts.query, keep_blank_values=True)})
    path = NUMBER.sub("/{id}", parts.path)
    return path + (f"?{'&'.join(keys)}" if keys else "")


def document_text(content_type: str, content: bytes) -> str:
    """The text of a generated document: Word and Excel through their XML parts, PDF through
    pypdf, anything else as UTF-8."""
    if content[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            parts = [n for n in archive.namelist() if n.endswith(".xml") or n.endswith(".rels")]
            xml = " ".join(archive.read(n).decode("utf-8", "replace") for n in parts)
        return re.sub(r"\s+", " ", TAG.sub(" ", xml))
    if content[:4] == b"%PDF" or "pdf" in content_type:
        from pypdf import PdfReader

        return " ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(content)).pages)
    return content.decode("utf-8", "replace")


def _same_site(href: str) -> str | None:
    href = urldefrag(href.strip())[0]
    if not href:
        return None
    if href.startswith("http://testserver"):
        href = href[len("http://testserver") :]
    if not href.startswith("/") or href.startswith("//"):
        return None
    if any(href.startswith(s) or s in href for s in SKIPPED):
        return None
    return href


@dataclass
class Crawl:
    client: object
    role: str
    inspect: Callable[[str, str, str], Iterable[tuple[str, str]]]  # (url, raw, text) -> (kind, detail)
    start: tuple[str, ...] = ("/",)
    per_pattern: int = PER_PATTERN
    findings: list[Finding] = field(default_factory=list)
    visited: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)  # by pattern: where a slow crawl spends its time

    def run(self) -> list[Finding]:
        queue: deque[tuple[str, str]] = deque((url, "") for url in self.start)
        seen: set[str] = set(self.start)
        per_pattern: dict[str, int] = {}
        while queue:
            url, via = queue.popleft()
            pattern = pattern_of(url)
            if per_pattern.get(pattern, 0) >= WIDER.get(pattern, self.per_pattern):
                continue
            per_pattern[pattern] = per_pattern.get(pattern, 0) + 1
            started = time.perf_counter()
            links = self._visit(url, pattern, via)
            self.seconds[pattern] = self.seconds.get(pattern, 0.0) + time.perf_counter() - started
            for link in links:
                if link not in seen:
                    seen.add(link)
                    queue.append((link, url))
        return self.findings

    def _visit(self, url: str, pattern: str, via: str) -> list[str]:
        response = self.client.get(url)  # type: ignore[attr-defined]
        self.visited[url] = response.status_code
        if response.status_code >= 400:
            detail = f"answers {response.status_code}"
            self.findings.append(Finding("status", self.role, pattern, url, detail, via))
            return []
        if response.status_code in (301, 302, 303, 307, 308):
            target = _same_site(response["Location"])
            if target and target.startswith("/sign-in") and not url.startswith("/sign-in"):
                detail = "redirects to sign-in"
                self.findings.append(Finding("status", self.role, pattern, url, detail, via))
                return []
            return [target] if target else []
        content_type = response.get("Content-Type", "")
        if getattr(response, "streaming", False):
            content = b"".join(response.streaming_content)
        else:
            content = response.content
        links: list[str] = []
        if content_type.startswith("text/html"):
            raw = content.decode("utf-8", "replace")
            page = _Page()
            page.feed(raw)
            text = re.sub(r"\s+", " ", " ".join(page.text))
            links = [link for href in page.links if (link := _same_site(href))]
        else:
            raw = text = document_text(content_type, content)
        for kind, detail in self.inspect(url, raw, text):
            self.findings.append(Finding(kind, self.role, pattern, url, detail, via))
        return links
