"""A checklist of the council's framework that no artefact answers (framework_checklists): read by
every role that may see the cycle, answered by those who may change the partnership."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from accord.frameworks import loader

from .. import content
from ..forms_casework import BankForm, answer_labels
from ..framework_checklists import answer_rows, slot_for_bank, standalone_banks
from ..models import ArtefactRecord
from .casework import _save, crumbs, finishing
from .common import readable_partnership


def framework_checklist(request: HttpRequest, pk: int, bank_id: str) -> HttpResponse:
    partnership, can_change = readable_partnership(request, pk)
    framework = loader.for_request(request)
    bank = next((b for b in standalone_banks(framework) if b.id == bank_id), None)
    if bank is None:
        raise Http404
    slot = slot_for_bank(bank)
    record = ArtefactRecord.objects.filter(partnership=partnership, slot=slot).first()
    answers = (record.answers or {}).get("banks", {}).get(bank.id, {}) if record else {}
    data = request.POST if request.method == "POST" else None
    form = BankForm(data, bank=bank, framework=framework, answers=answers, finishing=finishing(request))
    if data is not None and form.is_valid():
        _save(
            request,
            partnership,
            slot,
            {"banks": {bank.id: form.answers()}},
            kind="checklist",
            title=bank.name,
            is_complete=lambda merged: content.banks_complete(framework, [bank.id], merged),
            reason=f"{bank.name} saved",
        )
        messages.success(request, f"{bank.name}: saved.")
        return redirect("cycle", pk=partnership.pk)
    context = {
        "partnership": partnership,
        "bank": bank,
        "form": form,
        "can_change": can_change,
        "rows": answer_rows(bank, answers, answer_labels(bank)),
        "cancel_url": reverse("cycle", args=[pk]),
        "breadcrumbs": crumbs(partnership),
    }
    return render(request, "lifecycle/casework/framework_checklist.html", context)
