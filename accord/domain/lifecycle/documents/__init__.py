"""Word documents generated from a partnership's record: the report for a decision, a draft MoU,
the registration form, the business case and the leaving form (issue 4, points 5–7 and 9).

`generate(slug, partnership, user, framework=...)` returns the .docx bytes; `DOCUMENTS` lists them by the slug
used in URLs (`committee-report`, `draft-mou`, `registration-form`, `business-case`,
`leaving-form`). Layout comes from the framework's templates; content from `dossier.gather`.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from accord.frameworks.schema import Framework
from accord.kernel.ui.word import WordDocument
from accord.register.models import Partnership

from . import generators
from .dossier import gather
from .facts import Dossier

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class GeneratedDocument:
    slug: str
    name: str  # the framework's document name, a key of Framework.documents
    title: str
    build: Callable[[Dossier], WordDocument]
    # A form the council itself uses (its registration or leaving form) exists only where the framework
    # has it; the others have Accord's plain layout where the framework names no template.
    needs_template: bool = False


DOCUMENTS: dict[str, GeneratedDocument] = {
    d.slug: d
    for d in (
        GeneratedDocument(
            "committee-report", "committee_report", "Report for a decision", generators.committee_report
        ),
        GeneratedDocument("draft-mou", "mou", "Draft memorandum of understanding", generators.draft_mou),
        GeneratedDocument(
            "registration-form",
            "registration",
            "Registration form",
            generators.registration_form,
            needs_template=True,
        ),
        GeneratedDocument("business-case", "business_case", "Business case", generators.business_case),
        GeneratedDocument(
            "leaving-form", "leaving_form", "Leaving form", generators.leaving_form, needs_template=True
        ),
    )
}


def offered(framework: Framework) -> dict[str, GeneratedDocument]:
    """The documents generated under `framework`: a council's own form only where it has one."""
    return {
        slug: d
        for slug, d in DOCUMENTS.items()
        if not d.needs_template or generators.template_for(framework, d.name) is not None
    }


def filename(partnership: Partnership, slug: str) -> str:
    """e.g. CSP-01-committee-report.docx (only letters, digits, dots and hyphens)."""
    reference = (
        re.sub(r"[^A-Za-z0-9.-]+", "-", partnership.reference).strip("-.") or f"partnership-{partnership.pk}"
    )
    return f"{reference}-{slug}.docx"


def generate(slug: str, partnership: Partnership, user=None, *, framework: Framework) -> bytes:
    """The document `slug` for `partnership` under `framework`, as `user` (the form's completer)
    generates it."""
    document = offered(framework)[slug]
    return document.build(gather(partnership, user, framework)).to_bytes()


__all__ = ["DOCUMENTS", "DOCX", "GeneratedDocument", "filename", "generate", "gather", "offered"]
