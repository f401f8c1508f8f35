"""The guided "Is it a partnership?" flow: one question a page, check your answers, result.

Answers are kept in the session until the user confirms them; the result is stored with the
framework id and version, who answered and when.
"""

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from accord.kernel.accounts.policy import Action, require
from accord.kernel.ui.forms import GovukForm
from accord.kernel.ui.widgets import YesNoField
from accord.register.access import partnership_for, visible_partnerships
from accord.register.models import Partnership

from .. import classification, loader
from ..models import Classification

SESSION_KEY = "accord_classification"


class StartForm(GovukForm):
    arrangement = forms.CharField(
        label="What is the arrangement called?",
        max_length=200,
        help_text="For example, 'Youth Forum' or 'Shared payroll service with a neighbouring council'.",
    )


class AnswerForm(GovukForm):
    def __init__(self, *args, question, **kwargs):
        super().__init__(*args, **kwargs)
        hint = " ".join(
            part
            for part in (
                question.wording and f"“{question.wording}”",
                question.hint,
                question.example and f"Example: {question.example}",
            )
            if part
        )
        self.fields["answer"] = YesNoField(label=question.text, help_text=hint or None)
        self._govuk_messages()
        self.fields["answer"].error_messages["required"] = "Select yes or no"


def _questions(framework):
    return [*framework.definition.criteria, *framework.definition.exclusions]


class NoClassificationStarted(Exception):
    pass


def _state(request: HttpRequest) -> dict:
    state = request.session.get(SESSION_KEY)
    if not state:
        raise NoClassificationStarted
    return state


def _restart_if_not_started(view):
    """Questions and the check page need answers in progress; without them, start again."""

    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except NoClassificationStarted:
            return redirect("classify-start")

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def _partnership(request: HttpRequest, pk: int) -> Partnership:
    """A partnership the test is taken for: its result goes on its record, so the user must be
    able to change it (404 if they cannot see it, 403 if they cannot change it or it is closed)."""
    return partnership_for(request, pk, Action.CHANGE_PARTNERSHIP)


def classify_start(request: HttpRequest) -> HttpResponse:
    require(request, Action.CLASSIFY)
    framework = loader.for_request(request)
    partnership = None
    wanted = request.GET.get("partnership", "")
    if wanted:
        if not (wanted.isascii() and wanted.isdigit()):  # ?partnership=abc is no partnership, not an error
            raise Http404("No such partnership")
        partnership = _partnership(request, int(wanted))
    form = StartForm(
        request.POST if request.method == "POST" else None,
        initial={"arrangement": partnership.name if partnership else ""},
    )
    if request.method == "POST" and form.is_valid():
        request.session[SESSION_KEY] = {
            "arrangement": form.cleaned_data["arrangement"],
            "partnership": partnership.pk if partnership else None,
            "framework": framework.id,
            "answers": {},
        }
        return redirect("classify-question", question_id=_questions(framework)[0].id)
    return render(request, "frameworks/classify_start.html", {"form": form, "framework": framework})


@_restart_if_not_started
def classify_question(request: HttpRequest, question_id: str) -> HttpResponse:
    require(request, Action.CLASSIFY)
    framework = loader.for_request(request)
    state = _state(request)
    questions = _questions(framework)
    index = next((i for i, q in enumerate(questions) if q.id == question_id), None)
    if index is None:
        raise Http404
    question = questions[index]
    initial = state["answers"].get(question.id)
    form = AnswerForm(
        request.POST if request.method == "POST" else None,
        question=question,
        initial={"answer": initial} if initial is not None else None,
    )
    if request.method == "POST" and form.is_valid():
        state["answers"][question.id] = form.cleaned_data["answer"]
        request.session[SESSION_KEY] = state
        remaining = [q for q in questions if q.id not in state["answers"]]
        if request.GET.get("change") or not remaining:
            return redirect("classify-check")
        return redirect("classify-question", question_id=remaining[0].id)
    back = (
        reverse("classify-question", args=[questions[index - 1].id]) if index else reverse("classify-start")
    )
    return render(
        request,
        "frameworks/classify_question.html",
        {
            "form": form,
            "question": question,
            "number": index + 1,
            "total": len(questions),
            "back": back,
            "state": state,
            "framework": framework,
        },
    )


@_restart_if_not_started
def classify_check(request: HttpRequest) -> HttpResponse:
    require(request, Action.CLASSIFY)
    framework = loader.for_request(request)
    state = _state(request)
    questions = _questions(framework)
    missing = [q for q in questions if q.id not in state["answers"]]
    if missing:
        return redirect("classify-question", question_id=missing[0].id)
    if request.method == "POST":
        partnership = _partnership(request, state["partnership"]) if state["partnership"] else None
        record = classification.record_result(
            request.user, framework, state["arrangement"], state["answers"], partnership
        )
        del request.session[SESSION_KEY]
        return redirect("classify-result", pk=record.pk)
    return render(
        request,
        "frameworks/classify_check.html",
        {"state": state, "questions": questions, "framework": framework},
    )


def classify_result(request: HttpRequest, pk: int) -> HttpResponse:
    require(request, Action.VIEW_COMPLIANCE)
    record = get_object_or_404(Classification.objects.select_related("decided_by", "partnership"), pk=pk)
    if (
        record.partnership_id
        and not visible_partnerships(request.user).filter(pk=record.partnership_id).exists()
    ):
        raise Http404
    framework = loader.all_frameworks().get(record.framework_id)
    questions = _questions(framework) if framework else []
    answers = [(q, record.answers[q.id]) for q in questions if q.id in record.answers]
    return render(request, "frameworks/classify_result.html", {"record": record, "answers": answers})
