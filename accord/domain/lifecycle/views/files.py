"""Evidence files: uploading a file for an artefact (or one answer in it), and downloading it.

Files are kept outside the web root and only ever served through `download`, to users who may see
the partnership's cycle, as an attachment with the content type Accord worked out when checking it.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from accord.frameworks import loader
from accord.kernel.accounts.policy import Action
from accord.register.services import Finished

from .. import content
from ..casework_summary import SLOT as BUSINESS_CASE_SLOT
from ..forms_casework import UploadForm
from ..models import EvidenceFile
from ..recording import add_file
from .casework import crumbs
from .common import artefact_url, editable_partnership, partnership_for


def _slot_page(partnership, slot: str, framework) -> tuple[str, str]:
    """(title, url) of the page where the slot's artefact is worked on; 404 for an unknown slot."""
    case = content.business_case(framework)
    if slot == BUSINESS_CASE_SLOT and case is not None:
        return case.name, reverse("business-case", args=[partnership.pk])
    for artefact in framework.artefacts:
        if content.slot_for(artefact) == slot and artefact.kind != "approval":
            return artefact.name, artefact_url(partnership, framework, artefact)
    raise Http404


def upload(request: HttpRequest, pk: int, slot: str) -> HttpResponse:
    partnership = editable_partnership(request, pk)
    framework = loader.for_request(request)
    title, back = _slot_page(partnership, slot, framework)
    case = content.business_case(framework)
    form = UploadForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        parts=case.parts if case and slot == BUSINESS_CASE_SLOT else None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            evidence = add_file(
                request.user,
                partnership,
                slot,
                form.cleaned_data["file"],
                section=form.cleaned_data.get("section") or "",
                description=form.cleaned_data["description"].strip(),
            )
        except Finished as finished:
            raise PermissionDenied(str(finished)) from None
        messages.success(request, f"{evidence.name}: uploaded.")
        return redirect(back)
    context = {
        "partnership": partnership,
        "form": form,
        "slot_title": title,
        "cancel_url": back,
        "files": EvidenceFile.objects.filter(partnership=partnership, slot=slot),
        "breadcrumbs": crumbs(partnership, {"text": title, "href": back}),
    }
    return render(request, "lifecycle/files/upload.html", context)


def download(request: HttpRequest, pk: int, file_id: int) -> FileResponse:
    partnership = partnership_for(request, pk, Action.VIEW_CYCLE)
    evidence = get_object_or_404(EvidenceFile, pk=file_id, partnership=partnership)
    try:
        handle = evidence.file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=evidence.name,
        content_type=evidence.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
