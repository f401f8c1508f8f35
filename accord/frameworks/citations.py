"""Citations in the user's words.

Framework files cite a seed document by its file name and section ("003_6cf6fd1a73ee76f7.txt 2.1");
users see the council's title for the document instead ("Key Partnerships Framework, 2.1"). The
titles come from the framework's own `source_documents` only: a citation of another council's
document has no title under this framework and is left out, so another council's clause is never
shown (ADR 0027). Parts adopted from the model framework are cited as the model's own
(accord.frameworks.defaults). The file name is for maintainers only (the `framework` command), never
a page, a generated document, an email or the API.
"""

from functools import cache

from .loader import all_frameworks
from .schema import Framework
from .schema_base import cite_text

MODEL_ID = "model"


@cache
def _council_titles() -> dict[str, str]:
    known: dict[str, str] = {}
    for framework in all_frameworks().values():
        if framework.id != MODEL_ID:
            known.update(framework.document_titles())
    return known


def titles(framework: Framework | None = None) -> dict[str, str]:
    """Seed file → title, from the framework's own `source_documents`. With no framework at hand (a
    calendar feed, the API's stored reasons), the council frameworks' titles: pass the framework
    wherever it is known, as pages, documents and reports do."""
    if framework is None:
        return _council_titles()
    return framework.document_titles()


def display(cite: str | None, framework: Framework | None = None) -> str:
    """One stored citation (or text holding citations) as users read it; empty stays empty. A seed
    file with no known title is left out rather than shown."""
    if not cite:
        return ""
    return cite_text(cite, titles(framework))
