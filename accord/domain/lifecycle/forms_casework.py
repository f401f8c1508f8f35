"""Forms for the business case, checklists, generic artefact records and evidence files.

Answers are saved as drafts whatever is filled in; "Save and mark as complete" (`finishing=True`)
refuses a form with one error per unanswered question or empty comment (Bury App 2: comments
"sufficient in each case to show how each question has been considered").
"""

from collections.abc import Mapping
from typing import Any

from django import forms

from accord.frameworks import citations
from accord.frameworks.schema import CasePart, CaseQuestion, Framework, Question, QuestionBank
from accord.kernel.ui.forms import GovukForm, field_of
from accord.kernel.ui.widgets import GovukDateField

from .uploads import EMPTY, NO_FILE, EvidenceFileField

MAX_ANSWER = 10000

TESTS_PART = "tests"  # the page of the question banks the business case must pass

SCALE_CHOICES: dict[str, list[tuple[str, str]]] = {
    "yes_no": [("yes", "Yes"), ("no", "No")],
    "yes_no_comment": [("yes", "Yes"), ("no", "No"), ("not_applicable", "Not applicable")],
    "score_1_3": [("1", "1"), ("2", "2"), ("3", "3")],
    "text": [],
}
ANSWER_LABELS = {value: label for choices in SCALE_CHOICES.values() for value, label in choices}


def scale_choices(bank: QuestionBank) -> list[tuple[str, str]]:
    """The bank's answers, named in the framework's words where it gives them (`scale_labels`)."""
    own = bank.scale_labels
    return [
        (
            value,
            (f"{value} – {own[value]}" if bank.scale == "score_1_3" else own[value])
            if value in own
            else label,
        )
        for value, label in SCALE_CHOICES[bank.scale]
    ]


def answer_labels(bank: QuestionBank) -> dict[str, str]:
    """How each answer on the bank's scale reads."""
    return {**ANSWER_LABELS, **dict(scale_choices(bank))}


def case_question_hint(question: CaseQuestion) -> str:
    """A business case question's hint: the framework's words, quoted, and any hint of its own."""
    parts = [f"The framework says: “{question.wording}”" if question.wording else "", question.hint]
    return " ".join(p.strip() for p in parts if p.strip())


def question_hint(question: Question, framework: Framework) -> str:
    """The framework's own words, quoted, any hint, and where the question comes from."""
    parts = [f"The framework says: “{question.wording}”" if question.wording else "", question.hint]
    parts.append(f"Source: {citations.display(question.cite, framework)}")
    return " ".join(p.strip() for p in parts if p.strip())


def _text(label: str, hint: str = "", required: bool = False) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=hint,
        required=required,
        max_length=MAX_ANSWER,
        widget=forms.Textarea,
    )


def _message(field: forms.Field, code: str, text: str) -> None:
    """Set an error message on a field and on its validators of the same code."""
    field.error_messages[code] = text
    for validator in field.validators:
        if getattr(validator, "code", "") == code:
            validator.message = text


class PartForm(GovukForm):
    """One part of the business case: its questions (those the register does not already answer)
    and one evidence box for the part (ADR 0028)."""

    def __init__(
        self,
        data,
        *,
        part: CasePart,
        answers: dict[str, Any],
        prefilled: Mapping[str, str],
        finishing: bool = False,
    ):
        sections = answers.get("sections", {})
        self.part = part
        self.asked = [q for q in part.questions if q.id not in prefilled]
        self.prefilled = [(q, prefilled[q.id]) for q in part.questions if q.id in prefilled]
        initial = {q.id: (sections.get(q.id) or {}).get("answer", "") for q in self.asked}
        initial["evidence"] = (answers.get("evidence") or {}).get(part.id, "")
        super().__init__(data, initial=initial)
        self.finishing = finishing
        for question in self.asked:
            hint = case_question_hint(question)
            if question.choices:
                self.fields[question.id] = forms.ChoiceField(
                    label=question.text,
                    help_text=hint,
                    required=False,
                    choices=[(c.id, c.label) for c in question.choices],
                    widget=forms.RadioSelect,
                )
            else:
                self.fields[question.id] = _text(question.text, hint)
        if part.evidence:
            self.fields["evidence"] = _text(
                f"Evidence for '{part.name}' (optional)",
                part.evidence_hint or "What supports these answers, or where it can be found.",
            )
        self._govuk_messages()
        for question in self.asked:
            _message(self.fields[question.id], "invalid_choice", f"Select an answer to '{question.text}'")
            _message(
                self.fields[question.id],
                "max_length",
                f"The answer to '{question.text}' must be {MAX_ANSWER:,} characters or fewer",
            )
        if part.evidence:
            _message(
                self.fields["evidence"],
                "max_length",
                f"The evidence for '{part.name}' must be {MAX_ANSWER:,} characters or fewer",
            )

    def clean(self):
        cleaned = super().clean()
        if self.finishing:
            for question in self.asked:
                if question.id not in self.errors and not str(cleaned.get(question.id) or "").strip():
                    verb = "Select" if question.choices else "Enter"
                    self.add_error(question.id, f"{verb} an answer to '{question.text}'")
        return cleaned

    def patch(self) -> dict[str, dict[str, Any]]:
        """What this part adds to the record's answers: each asked question's answer, the evidence."""
        found: dict[str, dict[str, Any]] = {
            "sections": {q.id: {"answer": str(self.cleaned_data.get(q.id) or "").strip()} for q in self.asked}
        }
        if self.part.evidence:
            found["evidence"] = {self.part.id: str(self.cleaned_data.get("evidence") or "").strip()}
        return found

    def rows(self) -> list[tuple[forms.BoundField, str | None]]:
        """(answer, radio classes) for each asked question: long choices are stacked, not inline."""
        return [
            (
                self[q.id],
                None if not q.choices else ("govuk-radios--inline" if len(q.choices) == 2 else ""),
            )
            for q in self.asked
        ]


class BankForm(GovukForm):
    """The questions of one question bank: an answer on the bank's scale and a comment for each.

    Questions are numbered from `number_from`, so several banks on one page number on."""

    def __init__(
        self,
        data,
        *,
        bank: QuestionBank,
        framework: Framework,
        answers: dict[str, Any],
        finishing: bool = False,
        number_from: int = 1,
    ):
        initial = {}
        for question in bank.questions:
            given = answers.get(question.id) or {}
            initial[f"answer_{question.id}"] = given.get("answer", "")
            initial[f"comment_{question.id}"] = given.get("comment", "")
        super().__init__(data, initial=initial, prefix=bank.id)
        self.bank = bank
        self.framework = framework
        self.finishing = finishing
        self.number_from = number_from
        for index, question in enumerate(bank.questions):
            self._add_question(self.number(index), question)
        self._govuk_messages()
        for index, question in enumerate(bank.questions):
            number = self.number(index)
            _message(
                self.fields[f"comment_{question.id}"],
                "max_length",
                f"The comment on question {number} must be {MAX_ANSWER:,} characters or fewer",
            )
            if f"answer_{question.id}" in self.fields:
                _message(
                    self.fields[f"answer_{question.id}"],
                    "invalid_choice",
                    f"Select an answer to question {number}",
                )

    @property
    def comment_required(self) -> bool:
        return self.bank.scale in ("yes_no_comment", "text")

    def number(self, index: int) -> int:
        return self.number_from + index

    def _add_question(self, number: int, question: Question) -> None:
        hint = question_hint(question, self.framework)
        if self.bank.scale == "text":
            self.fields[f"comment_{question.id}"] = _text(f"{number}. {question.text}", hint)
            return
        self.fields[f"answer_{question.id}"] = forms.ChoiceField(
            label=f"{number}. {question.text}",
            help_text=hint,
            required=False,
            choices=scale_choices(self.bank),
            widget=forms.RadioSelect,
        )
        if self.comment_required:
            label, comment_hint = "Comments", "Show how this question has been considered."
        else:
            label, comment_hint = "Comments (optional)", ""
        self.fields[f"comment_{question.id}"] = _text(f"{label} on question {number}", comment_hint)

    def clean(self):
        cleaned = super().clean()
        if not self.finishing:
            return cleaned
        for index, question in enumerate(self.bank.questions):
            number = self.number(index)
            answer_field, comment_field = f"answer_{question.id}", f"comment_{question.id}"
            if answer_field in self.fields and answer_field not in self.errors:
                if not cleaned.get(answer_field):
                    self.add_error(answer_field, f"Select an answer to question {number}")
            if comment_field in self.errors or not self.comment_required:
                continue
            if not str(cleaned.get(comment_field) or "").strip():
                if self.bank.scale == "text":
                    self.add_error(comment_field, f"Enter an answer to question {number}")
                else:
                    self.add_error(
                        comment_field,
                        f"Enter a comment on question {number} to show how it has been considered",
                    )
        return cleaned

    def answers(self) -> dict[str, dict[str, str]]:
        found = {}
        for question in self.bank.questions:
            found[question.id] = {
                "answer": str(self.cleaned_data.get(f"answer_{question.id}") or ""),
                "comment": str(self.cleaned_data.get(f"comment_{question.id}") or "").strip(),
            }
        return found

    def rows(self) -> list[tuple[Any, forms.BoundField | None, forms.BoundField]]:
        """(question, answer field or None, comment field) for the template."""
        return [self._row(question) for question in self.bank.questions]

    def _row(self, question: Question) -> tuple[Any, forms.BoundField | None, forms.BoundField]:
        answer = f"answer_{question.id}"
        return (question, self[answer] if answer in self.fields else None, self[f"comment_{question.id}"])

    def groups(self) -> list[tuple[str, list[tuple[Any, forms.BoundField | None, forms.BoundField]]]]:
        """The rows under the framework's headings ((heading, rows), in order); one group with no
        heading when the bank has none."""
        if not self.bank.groups:
            return [("", self.rows())]
        by_id = {q.id: q for q in self.bank.questions}
        return [
            (g.heading, [self._row(by_id[q]) for q in g.questions if q in by_id]) for g in self.bank.groups
        ]


def _file_messages(field: forms.Field) -> None:
    field.error_messages.update({"required": NO_FILE, "empty": EMPTY, "invalid": NO_FILE, "missing": NO_FILE})


class ArtefactRecordForm(GovukForm):
    """A document produced elsewhere: when it was produced, what it says, and optionally the file."""

    produced_on = GovukDateField(label="Date produced", help_text="For example, 27 3 2024")
    summary = forms.CharField(
        label="Summary",
        max_length=MAX_ANSWER,
        widget=forms.Textarea,
        help_text="What it says or where it is kept.",
    )
    file = EvidenceFileField(
        label="Upload the document (optional)",
        required=False,
        help_text="PDF, Word, Excel, OpenDocument, text, CSV, PNG or JPEG.",
    )

    def __init__(self, *args, with_period: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["produced_on"].error_messages["required"] = "Enter the date it was produced"
        self.fields["produced_on"].error_messages["incomplete"] = "Enter the date it was produced"
        self.fields["summary"].error_messages["required"] = (
            "Enter a summary of what it says or where it is kept"
        )
        _file_messages(self.fields["file"])
        if with_period:  # a report counts only for the real period it covers (ADR 0024)
            self.fields["period_start"] = GovukDateField(
                label="Period from", help_text="For example, 1 4 2026"
            )
            self.fields["period_end"] = GovukDateField(label="Period to", help_text="For example, 30 9 2026")
            self.order_fields(["period_start", "period_end", "produced_on", "summary", "file"])
            for name, what in (("period_start", "start"), ("period_end", "end")):
                for error in ("required", "incomplete"):
                    self.fields[name].error_messages[error] = (
                        f"Enter the {what} of the period the report covers"
                    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and end <= start:
            self.add_error("period_end", "The end of the period must be after its start")
        return cleaned

    def period(self) -> dict[str, str] | None:
        start, end = self.cleaned_data.get("period_start"), self.cleaned_data.get("period_end")
        return {"start": start.isoformat(), "end": end.isoformat()} if start and end else None


class UploadForm(GovukForm):
    """An evidence file for a slot, optionally for one answer of the business case."""

    file = EvidenceFileField(
        label="Upload a file", help_text="PDF, Word, Excel, OpenDocument, text, CSV, PNG or JPEG."
    )
    section = forms.ChoiceField(label="Which part does it support?", required=False)
    description = forms.CharField(
        label="Description (optional)",
        required=False,
        max_length=300,
        help_text="What the file is, for example 'Equality impact assessment, March 2025'.",
    )

    def __init__(self, *args, parts: list[CasePart] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if parts:
            field_of(self, "section", forms.ChoiceField).choices = [("", "The business case as a whole")] + [
                (p.id, p.name) for p in parts
            ]
        else:
            del self.fields["section"]
        _file_messages(self.fields["file"])
