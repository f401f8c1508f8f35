"""Issued reports: the list of them, and each as it was issued (page, Word, Excel or PDF), read from the
frozen snapshot and never from the live record, with what changed since the issue before it."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from accord.frameworks import loader
from accord.kernel.accounts.policy import Action, can, require
from accord.kernel.ui.pages import paginate
from accord.register.access import visible_partnerships

from .. import services
from ..builders import kinds_for
from ..models import ReportSnapshot
from ..structure import Report
from . import common


def snapshot_list(request: HttpRequest) -> HttpResponse:
    require(request, Action.VIEW_REPORTS)
    visible = visible_partnerships(request.user)
    issued = services.snapshots().select_related("partnership")
    if visible.query.has_filters():
        issued = issued.filter(partnership__isnull=True) | issued.filter(partnership__in=visible)
    page, pagination = paginate(request, issued)
    return render(
        request,
        "reports/snapshots.html",
        {"page": page, "pagination": pagination, "kinds": kinds_for(loader.for_request(request), False)},
    )


def _snapshot(request: HttpRequest, snapshot_id: int) -> ReportSnapshot:
    """An issued report the user may read: any council-wide one; a pack if they may see its partnership."""
    require(request, Action.VIEW_REPORTS)
    snapshot = get_object_or_404(ReportSnapshot.objects.select_related("partnership"), pk=snapshot_id)
    if snapshot.partnership_id is not None:
        if not visible_partnerships(request.user).filter(pk=snapshot.partnership_id).exists():
            raise Http404("No such report")
        if not can(request.user, Action.VIEW_MONITORING, snapshot.partnership):
            raise PermissionDenied
    return snapshot


def _as_issued(snapshot: ReportSnapshot) -> Report:
    report = services.frozen(snapshot)
    earlier = services.previous(snapshot.kind, snapshot.partnership, before=snapshot.issued_at)
    return services.with_changes_since(report, earlier)


def snapshot_page(request: HttpRequest, snapshot_id: int) -> HttpResponse:
    snapshot = _snapshot(request, snapshot_id)
    return common.show(
        request,
        "reports/snapshot.html",
        _as_issued(snapshot),
        snapshot=snapshot,
        kind=kinds_for(loader.for_request(request), False).get(snapshot.kind),
        downloads=[
            (reverse("report-snapshot-download", args=[snapshot.pk, fmt]), label)
            for fmt, label in common.DOWNLOADS
        ],
    )


def snapshot_download(request: HttpRequest, snapshot_id: int, fmt: str) -> HttpResponse:
    snapshot = _snapshot(request, snapshot_id)
    common.check_format(fmt)
    stem = f"{snapshot.kind}-{snapshot.period_start:%Y-%m-%d}-issued-{snapshot.issued_at:%Y-%m-%d}"
    if snapshot.partnership is not None:
        stem = f"{snapshot.partnership.reference}-{stem}"
    return common.download(_as_issued(snapshot), fmt, stem)
