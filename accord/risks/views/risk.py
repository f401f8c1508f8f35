from django.http import Http404


def risk_add(request, pk):
    raise Http404


def risk_library(request, pk):
    raise Http404


def risk_detail(request, pk, risk_id):
    raise Http404


def risk_edit(request, pk, risk_id):
    raise Http404


def risk_score(request, pk, risk_id, stage):
    raise Http404


def risk_review(request, pk, risk_id):
    raise Http404


def risk_close(request, pk, risk_id):
    raise Http404


def risk_escalate(request, pk, risk_id):
    raise Http404


def child_edit(request, pk, risk_id, kind, child_id=None):
    raise Http404


def child_remove(request, pk, risk_id, kind, child_id):
    raise Http404
