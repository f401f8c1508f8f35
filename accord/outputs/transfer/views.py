"""Import and export pages: upload, map columns, check the dry run, import; download the register."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse

from accord.frameworks import loader
from accord.kernel import clock
from accord.kernel.accounts.policy import Action, can, require

from . import export, runs, summary
from .choice_forms import DuplicatesForm
from .commit import ImportRefused
from .forms import MappingForm, UploadForm
from .models import ImportRun, Outcome
from .reading import FileProblem

MAX_PROBLEMS_SHOWN = 500


def transfer_index(request: HttpRequest) -> HttpResponse:
    require(request, Action.EXPORT_REGISTER)
    recent = ImportRun.objects.all()[:10] if can(request.user, Action.IMPORT_REGISTER) else []
    return TemplateResponse(request, "transfer/index.html", {"recent": recent})


def export_download(request: HttpRequest, fmt: str) -> HttpResponse:
    require(request, Action.EXPORT_REGISTER)
    stamp = clock.today().isoformat()
    if fmt == "xlsx":
        response = HttpResponse(
            export.workbook_bytes(framework=loader.for_request(request)), content_type=export.XLSX_TYPE
        )
    elif fmt == "csv":
        response = HttpResponse(
            export.zip_bytes(framework=loader.for_request(request)), content_type=export.ZIP_TYPE
        )
        fmt = "zip"
    else:
        raise Http404("Download the register as xlsx or csv")
    response["Content-Disposition"] = f'attachment; filename="register-{stamp}.{fmt}"'
    return response


def import_upload(request: HttpRequest) -> HttpResponse:
    require(request, Action.IMPORT_REGISTER)
    posted = request.method == "POST"
    form = UploadForm(request.POST if posted else None, request.FILES if posted else None)
    if posted and form.is_valid():
        try:
            run = runs.start(request.user, form.cleaned_data["file"].name, form.content)
        except FileProblem as problem:
            form.add_error("file", str(problem))
        else:
            return redirect("transfer-columns", run.pk)
    return TemplateResponse(request, "transfer/upload.html", {"form": form})


def _open_run(request: HttpRequest, pk: int) -> ImportRun:
    require(request, Action.IMPORT_REGISTER)
    return get_object_or_404(ImportRun, pk=pk)


def import_columns(request: HttpRequest, pk: int) -> HttpResponse:
    run = _open_run(request, pk)
    if run.outcome == Outcome.IMPORTED:
        return redirect("transfer-result", run.pk)
    workbook = runs.workbook_of(run)
    form = MappingForm(
        workbook,
        run.mapping,
        request.POST if request.method == "POST" else None,
        defaults=run.defaults,
        status_rule=run.status_rule,
    )
    if request.method == "POST" and form.is_valid():
        runs.set_mapping(run, workbook, form.mapping(), form.defaults(), form.status_rule())
        return redirect("transfer-preview", run.pk)
    return TemplateResponse(
        request, "transfer/columns.html", {"run": run, "form": form, "workbook": workbook}
    )


def import_preview(request: HttpRequest, pk: int) -> HttpResponse:
    run = _open_run(request, pk)
    if run.outcome == Outcome.IMPORTED:
        return redirect("transfer-result", run.pk)
    refused = False
    plan = runs.preview(run, loader.for_request(request))
    decisions = DuplicatesForm(
        plan.assumed.likely, run.duplicates, request.POST if request.method == "POST" else None
    )
    if request.method == "POST" and not decisions.is_valid():
        pass  # the preview again, with the error summary naming each row without an answer
    elif request.method == "POST":
        runs.set_duplicates(run, decisions.answers())
        try:
            runs.import_now(run, request.user, loader.for_request(request))
        except ImportRefused as problem:
            plan, refused = problem.plan, True
        except runs.ImportFailed as failure:
            return TemplateResponse(request, "transfer/failed.html", {"run": run, "message": str(failure)})
        else:
            return redirect("transfer-result", run.pk)
    context = {
        "run": run,
        "plan": plan,
        "counts": plan.counts(),
        "problems": plan.problems[:MAX_PROBLEMS_SHOWN],
        "more_problems": max(0, len(plan.problems) - MAX_PROBLEMS_SHOWN),
        "refused": refused,
        "decisions": decisions,
        "assumed": summary.of(plan),
    }
    return TemplateResponse(request, "transfer/preview.html", context)


def import_result(request: HttpRequest, pk: int) -> HttpResponse:
    run = _open_run(request, pk)
    return TemplateResponse(request, "transfer/result.html", {"run": run})
