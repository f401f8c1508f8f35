from django.http import Http404


def business_case(request, pk):
    raise Http404


def business_case_part(request, pk, part):
    raise Http404


def checklist(request, pk, artefact_id, bank_id):
    raise Http404


def artefact_record(request, pk, artefact_id):
    raise Http404
