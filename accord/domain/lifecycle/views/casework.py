"""The business case, the framework's checklists and other artefacts recorded in the cycle.

The business case is the framework's own (ADR 0028): written part by part, each part's questions
and one evidence box on a page, a question the register already answers shown rather than asked;
its tests (the framework's question banks) are answered like a checklist. Drafts save whatever is
filled in; the record is complete only when nothing is missing, and anything an approver must
notice is shown first.
"""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from accord.frameworks import loader
from accord.frameworks.schema import Artefact, BusinessCase, Framework
from accord.kernel.accounts.policy import Action, can
from accord.register.models import Partnership
from accord.register.services import Finished

from .. import content, framework_checklists, prefill, record_evidence, where
from ..casework_summary import SLOT, overview
from ..forms_casework import TESTS_PART, ArtefactRecordForm, BankForm, PartForm, answer_labels
from ..framework_checklists import answer_rows
from ..models import ArtefactRecord, EvidenceFile
from ..recording import RecordRefused, add_file, save_answers, save_record
from .common import editable_partnership, partnership_for, readable_partnership


def crumbs(partnership: Partnership, *more: dict[str, str]) -> list[dict[str, str]]:
    """Breadcrumbs from the register to the partnership's cycle, then `more`."""
    return [
        {"text": "Register", "href": reverse("register")},
        {"text": partnership.name, "href": reverse("partnership", args=[partnership.pk])},
        {"text": "Partnership cycle", "href": reverse("cycle", args=[partnership.pk])},
        *more,
    ]


def _record(partnership: Partnership, slot: str) -> ArtefactRecord | None:
    return ArtefactRecord.objects.filter(partnership=partnership, slot=slot).first()


def finishing(request: HttpRequest) -> bool:
    """Whether the user pressed "Save and mark as complete" rather than "Save as draft"."""
    return request.POST.get("action") == "complete"


# The business case ------------------------------------------------------------------------


def _case(framework: Framework) -> BusinessCase:
    """The framework's business case; a framework without one has no business case pages."""
    case = content.business_case(framework)
    if case is None:
        raise Http404
    return case


def business_case(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = partnership_for(request, pk, Action.VIEW_CYCLE)
    framework = loader.for_request(request)
    case = _case(framework)
    record = _record(partnership, SLOT)
    can_change = can(request.user, Action.CHANGE_PARTNERSHIP, partnership) and not partnership.is_finished
    context = {
        "partnership": partnership,
        "framework": framework,
        "record": record,
        "can_change": can_change,
        "breadcrumbs": crumbs(partnership),
        **overview(partnership, framework, record, can_change),
        "case": case,
    }
    return render(request, "lifecycle/casework/business_case.html", context)


def _save(request: HttpRequest, partnership: Partnership, slot: str, patch: dict, **kwargs) -> None:
    try:
        save_answers(request.user, partnership, slot, patch, **kwargs)
    except Finished as finished:
        raise PermissionDenied(str(finished)) from None


def business_case_part(request: HttpRequest, pk: int, part: str) -> HttpResponse:
    framework = loader.for_request(request)
    case = _case(framework)
    found = case.part(part)
    banks = content.business_case_banks(framework)
    if found is None and not (part == TESTS_PART and banks):
        raise Http404
    partnership = editable_partnership(request, pk)
    record = _record(partnership, SLOT)
    answers = record.answers if record else {}
    prefilled = prefill.record_values(partnership, framework)
    data = request.POST if request.method == "POST" else None
    done = finishing(request)
    forms: list[Any] = []
    if found is None:
        given = answers.get("banks", {})
        number_from = 1
        for bank in banks:
            forms.append(
                BankForm(
                    data,
                    bank=bank,
                    framework=framework,
                    answers=given.get(bank.id, {}),
                    finishing=done,
                    number_from=number_from,
                )
            )
            number_from += len(bank.questions)
        title = case.tests_name
    else:
        forms.append(PartForm(data, part=found, answers=answers, prefilled=prefilled, finishing=done))
        title = found.name
    if data is not None and all([form.is_valid() for form in forms]):
        if found is None:
            patch = {"banks": {form.bank.id: form.answers() for form in forms}}
        else:
            patch = forms[0].patch()
        _save(
            request,
            partnership,
            SLOT,
            patch,
            kind="business_case",
            title=case.name,
            is_complete=lambda merged: not content.business_case_gaps(framework, merged, prefilled),
            reason=f"{case.name}: {title} saved",
        )
        messages.success(request, f"{title}: saved.")
        return redirect("business-case", pk=partnership.pk)
    back = reverse("business-case", args=[pk])
    context = {
        "partnership": partnership,
        "case": case,
        "title": title,
        "part": part,
        "found": found,
        "forms": forms,
        "cancel_url": back,
        "breadcrumbs": crumbs(partnership, {"text": case.name, "href": back}),
    }
    return render(request, "lifecycle/casework/part.html", context)


# Checklists ---------------------------------------------------------------------------------


def _artefact(framework: Framework, artefact_id: str) -> Artefact:
    found = next((a for a in framework.artefacts if a.id == artefact_id), None)
    if found is None:
        raise Http404
    return found


def _next_bank(framework: Framework, artefact: Artefact, current: str, answers: dict[str, Any]) -> str | None:
    """The next bank of the artefact, after `current` and round again, still to answer."""
    order = (
        artefact.banks[artefact.banks.index(current) + 1 :] + artefact.banks[: artefact.banks.index(current)]
    )
    given = answers.get("banks", {})
    for bank_id in order:
        found = content.bank(framework, bank_id)
        if found is not None and content.answer_gaps(found, given.get(bank_id, {})):
            return bank_id
    return None


def checklist(request: HttpRequest, pk: int, artefact_id: str, bank_id: str) -> HttpResponse:
    partnership, can_change = readable_partnership(request, pk)
    framework = loader.for_request(request)
    artefact = _artefact(framework, artefact_id)
    if artefact.kind in content.SINGLETON_KINDS or artefact.kind == "approval":
        raise Http404  # the business case's and sign-off's questions are answered on their own pages
    if record_evidence.never_counts(framework, artefact):
        # A review's questions are answered in the review (with its decision and rating), never as a
        # checklist; nothing done elsewhere is recorded here either (ADR 0024).
        raise Http404
    bank = content.bank(framework, bank_id) if bank_id in artefact.banks else None
    if bank is None:
        raise Http404
    slot = content.slot_for(artefact)
    record = _record(partnership, slot)
    answers = record.answers if record else {}
    data = request.POST if request.method == "POST" else None
    form = BankForm(
        data,
        bank=bank,
        framework=framework,
        answers=answers.get("banks", {}).get(bank_id, {}),
        finishing=finishing(request),
    )
    if data is not None and form.is_valid():
        _save(
            request,
            partnership,
            slot,
            {"banks": {bank_id: form.answers()}},
            kind=artefact.kind,
            title=artefact.name,
            is_complete=lambda merged: content.banks_complete(framework, artefact.banks, merged),
            reason=f"{artefact.name}: {bank.name} saved",
        )
        messages.success(request, f"{bank.name}: saved.")
        saved = _record(partnership, slot)
        following = _next_bank(framework, artefact, bank_id, saved.answers if saved else {})
        if following:
            return redirect("checklist", pk=partnership.pk, artefact_id=artefact.id, bank_id=following)
        return redirect("cycle", pk=partnership.pk)
    given = answers.get("banks", {})
    others = []
    for number, other_id in enumerate(artefact.banks, start=1):
        other = content.bank(framework, other_id)
        if other is not None:
            others.append(
                {
                    "number": number,
                    "bank": other,
                    "current": other_id == bank_id,
                    "complete": not content.answer_gaps(other, given.get(other_id, {})),
                    "href": reverse("checklist", args=[pk, artefact.id, other_id]),
                }
            )
    context = {
        "partnership": partnership,
        "artefact": artefact,
        "bank": bank,
        "form": form,
        "can_change": can_change,
        "rows": answer_rows(bank, answers.get("banks", {}).get(bank_id, {}), answer_labels(bank)),
        "position": artefact.banks.index(bank_id) + 1,
        "others": others,
        "cancel_url": reverse("cycle", args=[pk]),
        "breadcrumbs": crumbs(partnership),
    }
    return render(request, "lifecycle/casework/checklist.html", context)


# Any other artefact, produced elsewhere -----------------------------------------------------


def recordable(framework: Framework, artefact_id: str, partnership: Partnership) -> Artefact:
    """An artefact recorded generically ("record that it was done"): not one Accord builds itself
    (business case, sign-off, the governing document, leaving), not an approval (which is decided),
    not a checklist (which is answered), and nothing done or recorded elsewhere: reviews, monitoring
    records, and what is met in its natural place (ADR 0024)."""
    artefact = _artefact(framework, artefact_id)
    # a council with no leaving form (Bury) records its exit report here, as the record it is
    no_form = framework_checklists.recorded_as_a_record(framework, artefact)
    if (
        (artefact.kind in content.SINGLETON_KINDS and not no_form)
        or artefact.kind == "approval"
        or artefact.banks
        or record_evidence.never_counts(framework, artefact)
        or where.is_governing(partnership, framework, artefact)
    ):
        raise Http404
    return artefact


def artefact_record(request: HttpRequest, pk: int, artefact_id: str) -> HttpResponse:
    partnership, can_change = readable_partnership(request, pk)
    framework = loader.for_request(request)
    artefact = recordable(framework, artefact_id, partnership)
    slot = content.slot_for(artefact)
    record = _record(partnership, slot)
    with_period = record_evidence.needs_period(framework, artefact)
    initial = {"produced_on": record.produced_on, "summary": record.summary} if record else {}
    if record and with_period and (period := content.real_period(record.answers or {})):
        initial.update(period_start=period[0], period_end=period[1])
    form = ArtefactRecordForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        initial=initial,
        with_period=with_period,
    )
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                if upload := form.cleaned_data.get("file"):
                    add_file(request.user, partnership, slot, upload, description=artefact.name)
                save_record(
                    request.user,
                    partnership,
                    slot,
                    kind=artefact.kind,
                    title=artefact.name,
                    complete=True,
                    summary=form.cleaned_data["summary"].strip(),
                    answers={"period": form.period()} if with_period else None,
                    produced_on=form.cleaned_data["produced_on"],
                    reason=f"{artefact.name} recorded",
                )
        except Finished as finished:
            raise PermissionDenied(str(finished)) from None
        except RecordRefused as refused:
            form.add_error("period_end", str(refused))
        else:
            messages.success(request, f"{artefact.name}: recorded.")
            return redirect("cycle", pk=partnership.pk)
    context = {
        "partnership": partnership,
        "artefact": artefact,
        "form": form,
        "record": record,
        "can_change": can_change,
        "files": EvidenceFile.objects.filter(partnership=partnership, slot=slot),
        "cancel_url": reverse("cycle", args=[pk]),
        "breadcrumbs": crumbs(partnership),
    }
    return render(request, "lifecycle/casework/record.html", context)
