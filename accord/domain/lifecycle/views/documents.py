"""Download a Word document generated from a partnership's record (anyone who may see its cycle)."""

from django.http import Http404, HttpRequest, HttpResponse

from accord.frameworks import loader
from accord.kernel.accounts.policy import Action

from ..documents import DOCX, filename, generate, offered
from .common import partnership_for


def download(request: HttpRequest, pk: int, document: str) -> HttpResponse:
    partnership = partnership_for(request, pk, Action.VIEW_CYCLE)
    framework = loader.for_request(request)
    if document not in offered(framework):
        raise Http404("There is no such document.")
    response = HttpResponse(
        generate(document, partnership, request.user, framework=framework),
        content_type=DOCX,
    )
    response["Content-Disposition"] = f'attachment; filename="{filename(partnership, document)}"'
    response["Cache-Control"] = "private, no-store"
    return response
