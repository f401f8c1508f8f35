"""Leaving a partnership: the decision to leave with its exit plan, and the leaving form."""

from datetime import date
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from accord.frameworks import loader
from accord.kernel import clock
from accord.register.services import Finished

from .. import leaving
from ..forms_leaving import ExitDecisionForm, LeavingForm, list_field_name
from .agreement import REFUSED, breadcrumbs
from .common import editable_partnership, read_only, readable_partnership


def _data(request: HttpRequest):
    return request.POST if request.method == "POST" else None


def exit_decision(request: HttpRequest, pk: int) -> HttpResponse:
    partnership, can_change = readable_partnership(request, pk)
    decision = leaving.record(partnership, leaving.DECISION_SLOT)
    context: dict[str, Any] = {
        "partnership": partnership,
        "decision": decision,
        "open": partnership.status in leaving.OPEN_STATES,
        "breadcrumbs": breadcrumbs(partnership),
        "plan": leaving.plan_headings(decision.answers) if decision else [],
        "leaving_form": leaving.leaving_template(loader.for_request(request)),
        "can_change": can_change,
    }
    if not context["open"]:
        status = REFUSED if request.method == "POST" else 200
        return render(request, "lifecycle/leaving/decision.html", context, status=status)
    form = ExitDecisionForm(
        _data(request), framework=loader.for_request(request), answers=decision.answers if decision else None
    )
    read_only(form, can_change)
    if request.method == "POST" and form.is_valid():
        try:
            leaving.save_exit_decision(
                request.user, partnership, form.answers(), framework=loader.for_request(request)
            )
        except Finished as error:
            raise PermissionDenied(str(error)) from error
        except leaving.LeavingRefused as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Decision to leave saved")
            return redirect(reverse("leaving", args=[partnership.pk]))
    decided = leaving.decided_on(decision)
    context.update(
        {
            "form": form,
            "decided_on": decided,
            "due": leaving.report_due(loader.for_request(request), decided) if decided else None,
            "needs_move": decided is not None and partnership.status != "leaving",
        }
    )
    return render(request, "lifecycle/leaving/decision.html", context)


def _prefill(partnership, decision_answers: dict[str, Any]) -> dict[str, Any]:
    """A new leaving form starts from what the register and the decision already say."""
    return {
        "name": partnership.name,
        "decision_date": decision_answers.get("decided_on", ""),
        "why_ended": leaving.reason_text(decision_answers),
        "continue_without_council": decision_answers.get("continues", ""),
    }


def _sections(form: LeavingForm) -> list[dict[str, Any]]:
    """The form's questions in order: a single field, or a group of numbered boxes."""
    sections = []
    for heading in form.template.headings:
        asked = leaving.question(heading.id)
        if asked.kind == "list":
            names = [list_field_name(heading.id, n) for n in range(1, leaving.LIST_SIZE + 1)]
            sections.append({"heading": heading, "fields": [form[name] for name in names]})
        else:
            sections.append({"heading": heading, "field": form[heading.id]})
    return sections


def leaving_form(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = editable_partnership(request, pk)
    framework = loader.for_request(request)
    decision = leaving.record(partnership, leaving.DECISION_SLOT)
    decided: date | None = leaving.decided_on(decision)
    report = leaving.record(partnership, leaving.REPORT_SLOT)
    template = leaving.leaving_template(framework)
    if template is None:
        raise Http404(f"The {framework.name} has no leaving form.")
    context: dict[str, Any] = {
        "partnership": partnership,
        "report": report,
        "template": template,
        "breadcrumbs": breadcrumbs(partnership),
    }
    if decision is None or decided is None:
        status = REFUSED if request.method == "POST" else 200
        return render(request, "lifecycle/leaving/form.html", context, status=status)
    answers = report.answers if report else _prefill(partnership, decision.answers)
    form = LeavingForm(_data(request), template=template, answers=answers)
    if request.method == "POST" and form.is_valid():
        submit = request.POST.get("action") == "submit"
        answered = form.answers()
        gaps = leaving.report_gaps(template, answered) if submit else []
        if gaps:
            form.require_all(gaps)
        else:
            try:
                leaving.save_leaving_form(
                    request.user, partnership, answered, submit=submit, framework=framework
                )
            except Finished as error:
                raise PermissionDenied(str(error)) from error
            except leaving.LeavingRefused as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request, "Leaving form submitted" if submit else "Leaving form saved as a draft"
                )
                return redirect(reverse("leaving-form", args=[partnership.pk]))
    due = leaving.report_due(framework, decided)
    done = report is not None and report.complete
    context.update(
        {
            "form": form,
            "sections": _sections(form),
            "decided_on": decided,
            "due": due,
            "overdue": not done and due is not None and clock.today() > due.on,
            "done": done,
        }
    )
    return render(request, "lifecycle/leaving/form.html", context)
