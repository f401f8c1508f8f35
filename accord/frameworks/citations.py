"""Citations in the user's words.

Framework files cite a seed document by its file name and section ("003_6cf6fd1a73ee76f7.txt 2.1");
users see the council's title for the document instead ("Key Partnerships Framework, 2.1"). The
titles come from each framework file's `source_documents`; the file name is for maintainers only
(the `framework` command), never a page, a generated document, an email or the API.
"""

from functools import cache

from .loader import all_frameworks, get
from .schema import Framework
from .schema_base import cite_text


@cache
def _titles(framework_id: str | None) -> dict[str, str]:
    model = get("model")
    if framework_id is None:
        # No framework at hand (an email, a document built away from a request): every bundled
        # framework's titles, each council's own wording over the model framework's.
        known = dict(model.document_titles())
        for framework in all_frameworks().values():
            if framework.id != model.id:
                known.update(framework.document_titles())
        return known
    framework = get(framework_id)
    known = dict(model.document_titles()) if framework.id != model.id else {}
    known.update(framework.document_titles())
    return known


def titles(framework: Framework | None = None) -> dict[str, str]:
    """Seed file → title: the framework's own, then the model framework's (whose rules a council
    framework falls back on); with no framework, every bundled framework's."""
    if framework is None:
        return _titles(None)
    known = titles(None) if framework.id not in all_frameworks() else _titles(framework.id)
    return {**known, **framework.document_titles()}


def display(cite: str | None, framework: Framework | None = None) -> str:
    """One stored citation (or text holding citations) as users read it; empty stays empty. A seed
    file with no known title is left out rather than shown."""
    if not cite:
        return ""
    return cite_text(cite, titles(framework))
