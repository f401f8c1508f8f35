"""Forms of a review: which review to start, one question at a time, the decision, the rating, and
the actions it raises. Choices and questions come from the council's framework."""

from __future__ import annotations

from django import forms

from accord.frameworks.assurance import LEVEL_NAMES, LEVELS
from accord.frameworks.schema import Question, QuestionBank
from accord.kernel.ui.forms import GovukForm, field_of
from accord.kernel.ui.widgets import GovukDateField, YesNoField
from accord.register.models import Partnership, Person

from . import content
from .models import ActionStatus, Decision

MAX_TEXT = 5000


def _required(form: forms.Form, messages: dict[str, str]) -> None:
    """The error for an empty field (and, for a choice, for a value not among the choices)."""
    for name, message in messages.items():
        field = form.fields[name]
        field.error_messages["required"] = message
        if isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
            field.error_messages["invalid_choice"] = message


def _text(
    label: str, help_text: str = "", required: bool = False, max_length: int = MAX_TEXT
) -> forms.CharField:
    return forms.CharField(
        label=label, help_text=help_text, required=required, max_length=max_length, widget=forms.Textarea
    )


class StartForm(GovukForm):
    review = forms.ChoiceField(label="Which review are you starting?", widget=forms.RadioSelect)
    period_start = GovukDateField(label="Period the review covers: from", help_text="For example, 1 4 2025")
    period_end = GovukDateField(label="Period the review covers: to", help_text="For example, 31 3 2026")

    def __init__(self, *args, options: list[content.ReviewOption], **kwargs):
        super().__init__(*args, **kwargs)
        self.options = {o.key: o for o in options}
        artefacts = [o.artefact.id for o in options]
        field_of(self, "review", forms.ChoiceField).choices = [
            # Name the questions too where one review can be answered with more than one bank.
            (
                o.key,
                o.artefact.name
                if artefacts.count(o.artefact.id) == 1
                else f"{o.artefact.name}: {o.bank.name}",
            )
            for o in options
        ]
        _required(
            self,
            {
                "review": "Select the review you are starting",
                "period_start": "Enter the start of the period the review covers",
                "period_end": "Enter the end of the period the review covers",
            },
        )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and end <= start:  # a review covers a real period, as the service says
            self.add_error("period_end", "The end of the period must be after its start")
        return cleaned

    def option(self) -> content.ReviewOption:
        return self.options[self.cleaned_data["review"]]


class AnswerForm(GovukForm):
    """One question of the review's bank, on its scale, with evidence and the actions needed."""

    def __init__(self, *args, bank: QuestionBank, question: Question, number: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.bank, self.question, self.number = bank, question, number
        hint = question.hint or ""
        if bank.scale == "text":
            self.fields["evidence"] = _text(
                f"{number}. {question.text}", hint, required=True, max_length=10000
            )
            _required(self, {"evidence": f"Enter an answer to question {number}"})
            return
        if bank.scale == "score_1_3":
            self.fields["score"] = forms.TypedChoiceField(
                label="Assessment",
                choices=list(content.score_labels(bank).items()),
                coerce=int,
                widget=forms.RadioSelect,
                help_text="Self-assess how well this is working.",
            )
            _required(self, {"score": f"Select an assessment for question {number}"})
        else:
            self.fields["answer"] = forms.ChoiceField(
                label="Answer", choices=list(content.ANSWER_LABELS.items()), widget=forms.RadioSelect
            )
            _required(self, {"answer": f"Select yes or no for question {number}"})
        self.fields["evidence"] = _text(
            "Evidence",
            "What shows this: documents, minutes, figures.",
            required=content.evidence_required(bank),
            max_length=10000,
        )
        _required(self, {"evidence": f"Enter the evidence for question {number}"})
        self.fields["actions"] = _text(
            "Actions needed", "Needed when the answer is 1 – No, action required (or No)."
        )

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        if content.needs_action(self.bank, self.given()) and not (cleaned.get("actions") or "").strip():
            self.add_error("actions", f"Enter the actions needed for question {self.number}")
        return cleaned

    def given(self) -> content.Given:
        data = getattr(self, "cleaned_data", {})
        return content.Given(
            score=data.get("score"),
            answer=data.get("answer") or "",
            evidence=data.get("evidence") or "",
            actions=data.get("actions") or "",
        )


class DecisionForm(GovukForm):
    decision = forms.ChoiceField(
        label="What does the review decide?",
        choices=Decision.choices,
        widget=forms.RadioSelect,
        help_text="Withdrawing is a recommendation: the decision to leave is then recorded with who took "
        "it and on what authority.",
    )
    decision_notes = _text(
        "Notes on the decision", "Needed for a change or a withdrawal: what should change, or why leave."
    )
    business_case_reconfirmed = YesNoField(
        label="Is the business case for continuing re-confirmed?",
        help_text="Whether the case for the council continuing to take part still stands.",
    )
    business_case_notes = _text("Notes on the business case", "Needed when it is not re-confirmed.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _required(
            self,
            {
                "decision": "Select what the review decides",
                "business_case_reconfirmed": "Select whether the business case is re-confirmed",
            },
        )

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("decision") in (Decision.CHANGE, Decision.WITHDRAW)
            and not cleaned.get("decision_notes", "").strip()
        ):
            self.add_error("decision_notes", "Enter what should change, or why the council should withdraw")
        if (
            cleaned.get("business_case_reconfirmed") is False
            and not cleaned.get("business_case_notes", "").strip()
        ):
            self.add_error("business_case_notes", "Enter why the business case cannot be re-confirmed")
        return cleaned


class RatingForm(GovukForm):
    level = forms.ChoiceField(
        label="Governance assurance rating",
        choices=[(level, LEVEL_NAMES[level]) for level in LEVELS],
        widget=forms.RadioSelect,
    )
    override_reason = _text(
        "Why is the rating different from the proposed one?", "Needed only if you choose another rating."
    )
    seen_level = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, proposed: str, **kwargs):
        kwargs.setdefault("initial", {}).update({"level": proposed, "seen_level": proposed})
        super().__init__(*args, **kwargs)
        self.proposed = proposed
        _required(self, {"level": "Select the rating"})

    def clean(self):
        cleaned = super().clean()
        level = cleaned.get("level")
        if level and level != self.proposed and not cleaned.get("override_reason", "").strip():
            self.add_error(
                "override_reason", f"Enter why the rating is not the proposed {LEVEL_NAMES[self.proposed]}"
            )
        return cleaned


def owners(partnership: Partnership, chosen: Person | None = None):
    """People to choose an action's owner from: those holding a role on the partnership, then the
    council's officers (and whoever owns it now)."""
    on_it = Person.objects.filter(partnership_roles__partnership=partnership)
    council = Person.objects.filter(organisation__is_council=True)
    ids = set(on_it.values_list("pk", flat=True)) | set(council.values_list("pk", flat=True)[:500])
    if chosen is not None:
        ids.add(chosen.pk)
    return Person.objects.filter(pk__in=ids).order_by("name")


class ActionForm(GovukForm):
    description = _text("Action", required=True, max_length=3000)
    owner = forms.ModelChoiceField(
        label="Owner",
        queryset=Person.objects.none(),
        help_text="Who will see it through.",
        empty_label="Choose",
    )
    due_on = GovukDateField(label="Due date", help_text="For example, 27 9 2026")
    status = forms.ChoiceField(label="Status", choices=ActionStatus.choices, widget=forms.RadioSelect)
    progress = _text("Progress note", "What has been done so far.", max_length=3000)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, partnership: Partnership, chosen: Person | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        field_of(self, "owner", forms.ModelChoiceField).queryset = owners(partnership, chosen)
        _required(
            self,
            {
                "description": "Enter the action",
                "owner": "Select the owner of the action",
                "due_on": "Enter the due date",
                "status": "Select the status of the action",
            },
        )

    def values(self) -> dict:
        data = self.cleaned_data
        return {
            "description": data["description"].strip(),
            "owner": data["owner"],
            "owner_name": data["owner"].name,
            "due_on": data["due_on"],
            "status": data["status"],
            "progress": (data.get("progress") or "").strip(),
        }
