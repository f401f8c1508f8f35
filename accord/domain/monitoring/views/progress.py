"""Progress reports (Redditch §8 and App 3): a partnership's reports and the next one due, writing or
continuing a draft on the framework's template, submitting it (refused while any heading is empty),
and reading a submitted one."""

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from accord.frameworks import apply, loader
from accord.kernel import clock
from accord.kernel.ui.pages import conflict_summary, set_version

from .. import progress, queries, rules
from ..forms import ProgressForm
from ..models import ProgressReport, ReportStatus
from ..progress import Incomplete
from ..publishing import set_report_published
from .common import (
    REFUSED,
    StaleEdit,
    budget_tag,
    can_change,
    crumbs,
    data,
    measure,
    monitoring_partnership,
    status_tag,
)


def _reports_url(partnership) -> str:
    return reverse("progress-reports", args=[partnership.pk])


def _crumbs(partnership, *extra):
    return crumbs(partnership, ("Progress reports", _reports_url(partnership)), *extra)


def progress_reports(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = monitoring_partnership(request, pk)
    framework = loader.for_request(request)
    kinds = rules.progress_kinds(framework)
    ids = {k.id for k in kinds}
    due = [r for r in apply.obligations_for(partnership, framework=framework) if r.artefact in ids]
    reports = list(partnership.progress_reports.select_related("submitted_by"))
    drafts = {r.artefact_id: r for r in reports if r.status == ReportStatus.DRAFT}
    names = {k.id: k.name for k in kinds}
    return render(
        request,
        "monitoring/progress_reports.html",
        {
            "partnership": partnership,
            "framework": framework,
            "kinds": [(k, drafts.get(k.id)) for k in kinds],
            "due": due,
            "reports": [
                (r, names.get(r.artefact_id, r.artefact_id.replace("_", " ").capitalize())) for r in reports
            ],
            "can_change": can_change(request, partnership),
            "breadcrumbs": crumbs(partnership),
        },
    )


def _report(partnership, report_id: int) -> ProgressReport:
    return get_object_or_404(ProgressReport, pk=report_id, partnership=partnership)


def progress_detail(request: HttpRequest, pk: int, report_id: int) -> HttpResponse:
    if request.method == "POST":
        return _publish(request, pk, report_id)
    partnership = monitoring_partnership(request, pk)
    report = _report(partnership, report_id)
    kind = rules.progress_kind(loader.for_request(request), report.artefact_id)
    headings = progress.headings_of(report, kind)
    answers = [
        (rules.heading_text(h.text, report.period_start, report.period_end), report.answers.get(h.id, ""))
        for h in headings
    ]
    return render(
        request,
        "monitoring/progress_report.html",
        {
            "partnership": partnership,
            "report": report,
            "name": kind.name if kind else report.artefact_id.replace("_", " ").capitalize(),
            "answers": answers,
            "can_continue": report.status == ReportStatus.DRAFT
            and kind is not None
            and can_change(request, partnership),
            "can_publish": report.status == ReportStatus.SUBMITTED and can_change(request, partnership),
            "breadcrumbs": _crumbs(partnership),
        },
    )


def _publish(request: HttpRequest, pk: int, report_id: int) -> HttpResponse:
    """Publish a submitted report on the public register, or take it off (monitoring.publishing)."""
    partnership = monitoring_partnership(request, pk, change=True)
    report = _report(partnership, report_id)
    published = request.POST.get("publish") == "yes"
    try:
        set_report_published(request.user, report, published)
    except REFUSED as refused:
        messages.error(request, str(refused))
    else:
        messages.success(
            request,
            "The report is now on the published register."
            if published
            else "The report has been taken off the published register.",
        )
    return redirect("progress-report", partnership.pk, report.pk)


def _prefill(kind: rules.ProgressKind, partnership, user) -> dict[str, str]:
    """Answers a new report can start with: the partnership's name and the officer writing it, where
    the template asks for them (Redditch App 3)."""
    known = {"name": partnership.name, "officer": getattr(user, "display_name", "") or user.get_username()}
    return {f"answer_{h.id}": known[h.id] for h in kind.template.headings if h.id in known}


def _record(partnership) -> dict:
    """What the performance record says, beside the form, to help write the report."""
    facts = queries.latest_facts([partnership.pk])
    budgets = queries.budget_years([partnership.pk]).get(partnership.pk, [])[:3]
    return {
        "facts": [
            (f, measure(f.actual, f.unit), measure(f.target, f.unit), status_tag(f.status)) for f in facts
        ],
        "budgets": [(b, budget_tag(b.on_budget)) for b in budgets],
    }


def _initial(report: ProgressReport | None, kind: rules.ProgressKind, partnership, user) -> dict:
    if report is not None:
        return {
            "period_start": report.period_start,
            "period_end": report.period_end,
            "version": report.version,
            **{f"answer_{k}": v for k, v in report.answers.items()},
        }
    last = (
        partnership.progress_reports.filter(artefact_id=kind.id, status=ReportStatus.SUBMITTED)
        .order_by("-period_end")
        .first()
    )
    start, end = rules.default_period(
        last.period_end if last else None, partnership.start_date, clock.today()
    )
    return {"period_start": start, "period_end": end, **_prefill(kind, partnership, user)}


def progress_edit(
    request: HttpRequest, pk: int, artefact_id: str | None = None, report_id: int | None = None
) -> HttpResponse:
    """Start a report (artefact_id) or continue a draft (report_id); save it, or submit it."""
    partnership = monitoring_partnership(request, pk, change=True)
    framework = loader.for_request(request)
    report = _report(partnership, report_id) if report_id else None
    if report is not None and report.status != ReportStatus.DRAFT:
        messages.info(request, "That report has been submitted; it can no longer change.")
        return redirect("progress-report", partnership.pk, report.pk)
    kind = rules.progress_kind(framework, report.artefact_id if report else artefact_id or "")
    if kind is None:
        raise Http404("The council's framework does not ask for this report")
    if report is None:  # one draft of each report at a time: starting another continues it
        report = partnership.progress_reports.filter(artefact_id=kind.id, status=ReportStatus.DRAFT).first()
    initial = _initial(report, kind, partnership, request.user)
    period = (initial["period_start"], initial["period_end"])
    form = ProgressForm(data(request), initial=initial, headings=list(kind.template.headings), period=period)
    conflict = None
    if request.method == "POST" and form.is_valid():
        submitting = request.POST.get("action") == "submit"
        missing = rules.missing_headings(list(kind.template.headings), form.answers()) if submitting else []
        try:
            if missing:
                raise Incomplete(missing)
            with transaction.atomic():
                saved = progress.save_draft(
                    request.user,
                    partnership,
                    kind,
                    form.cleaned_data["period_start"],
                    form.cleaned_data["period_end"],
                    form.answers(),
                    report,
                    expected_version=form.cleaned_data.get("version") if report else None,
                    framework=framework,
                )
                if submitting:
                    saved = progress.submit(request.user, saved, kind, framework=framework)
        except Incomplete as incomplete:
            form.mark_missing(incomplete.missing)
        except StaleEdit as stale:
            conflict = conflict_summary(stale)
            set_version(form, stale.current.version)
        except REFUSED as refused:
            form.add_error(None, str(refused))
        else:
            if submitting:
                messages.success(request, f"{kind.name} submitted.")
                return redirect("progress-report", partnership.pk, saved.pk)
            messages.success(request, "Draft saved. You can come back to it at any time before submitting.")
            return redirect("progress-report-edit", partnership.pk, saved.pk)
    return render(
        request,
        "monitoring/forms/progress.html",
        {
            "form": form,
            "partnership": partnership,
            "kind": kind,
            "report": report,
            "conflict": conflict,
            "title": kind.name,
            "record": _record(partnership),
            "breadcrumbs": _crumbs(partnership),
        },
    )
