"""Citations in the user's words.

Framework files cite a seed document by its file name and section ("003_6cf6fd1a73ee76f7.txt 2.1");
users see the council's title for the document instead ("Key Partnerships Framework, 2.1"). The
titles come from the framework's own `source_documents` only: a citation of another council's
document has no title under this framework and is left out, so another council's clause is never
shown (ADR 0027). Parts adopted from the model framework are cited as the model's own
(accord.frameworks.defaults). The file name is for maintainers only (the `framework` command), never
a page, a generated document, an email or the API.
"""

from .schema import Framework
from .schema_base import cite_text


def titles(framework: Framework) -> dict[str, str]:
    """Seed file → title, from the framework's own `source_documents` only."""
    return framework.document_titles()


def display(cite: str | None, framework: Framework) -> str:
    """One stored citation (or text holding citations) as users read it under this framework; empty
    stays empty. A seed file with no title in this framework is left out rather than shown. Every
    caller passes the framework it works under: there is no "any council's title" fallback."""
    if not cite:
        return ""
    return cite_text(cite, titles(framework))
