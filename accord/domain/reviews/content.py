"""What a review asks, read from the framework: which review artefacts apply to a partnership, the
question bank each is answered with, how answers read and score, and what changed since the last
review. Pure functions of the framework and plain values; no database."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from accord.frameworks.engine import framework_type
from accord.frameworks.schema import Artefact, Framework, Obligation, Question, QuestionBank

# The 1–3 self-assessment scale in Accord's plain words; a bank's `scale_labels` give the council's.
SCORE_LABELS = {
    1: "1 – No, action required",
    2: "2 – Yes, but could be improved",
    3: "3 – Yes, working effectively",
}
ANSWER_LABELS = {"yes": "Yes", "no": "No"}
YES_NO_SCORES = {"yes": 3, "no": 1}  # a yes/no review scores like App 4a: No = action required
YES_NO_SCALES = ("yes_no", "yes_no_comment")
# Scales on which every answer gives its evidence: App 4a asks for the evidence of each assessment, a
# yes/no with comment is answered with its comment, and a text answer is its own evidence (ADR 0024).
EVIDENCE_SCALES = ("score_1_3", "yes_no_comment", "text")


@dataclass(frozen=True)
class ReviewOption:
    """One review the framework asks for: its artefact, the bank it is answered with, and the
    obligations that make it due for this partnership."""

    artefact: Artefact
    bank: QuestionBank
    obligations: tuple[Obligation, ...]

    @property
    def key(self) -> str:
        return f"{self.artefact.id}:{self.bank.id}"


def bank(framework: Framework, bank_id: str) -> QuestionBank | None:
    return next((b for b in framework.question_banks if b.id == bank_id), None)


def artefact(framework: Framework, artefact_id: str) -> Artefact | None:
    return next((a for a in framework.artefacts if a.id == artefact_id), None)


def _applies(obligation: Obligation, tier_id: str, type_id: str | None) -> bool:
    if obligation.tiers and tier_id not in obligation.tiers:
        return False
    return not obligation.types or type_id in obligation.types


def review_options(framework: Framework, tier_id: str, register_type: str) -> list[ReviewOption]:
    """The framework's review artefacts (kind `review`, answered with a question bank) that its
    obligations ask of a partnership of this tier and type, in the file's order."""
    type_id = framework_type(framework, register_type)
    options = []
    for item in framework.artefacts:
        if item.kind != "review":
            continue
        due = tuple(
            o for o in framework.obligations if o.artefact == item.id and _applies(o, tier_id, type_id)
        )
        if not due:
            continue
        for bank_id in item.banks:
            found = bank(framework, bank_id)
            if found is not None:
                options.append(ReviewOption(item, found, due))
    return options


def all_options(framework: Framework) -> list[ReviewOption]:
    """Every review artefact with a bank, whether or not an obligation asks for it."""
    options = []
    for item in framework.artefacts:
        if item.kind == "review":
            for bank_id in item.banks:
                if (found := bank(framework, bank_id)) is not None:
                    due = tuple(o for o in framework.obligations if o.artefact == item.id)
                    options.append(ReviewOption(item, found, due))
    return options


@dataclass(frozen=True)
class Given:
    """An answer as given: score (1–3), yes/no, evidence (or the text answer) and actions needed."""

    score: int | None = None
    answer: str = ""
    evidence: str = ""
    actions: str = ""

    def normalised(self) -> tuple:
        return (self.score, self.answer, self.evidence.strip(), self.actions.strip())


def evidence_required(question_bank: QuestionBank) -> bool:
    return question_bank.scale in EVIDENCE_SCALES


def is_answered(question_bank: QuestionBank, given: Given | None) -> bool:
    """Answered on the bank's scale, with the evidence where the scale asks for it."""
    if given is None:
        return False
    if question_bank.scale == "score_1_3":
        answered = given.score in SCORE_LABELS
    elif question_bank.scale == "text":
        answered = True
    else:
        answered = given.answer in ANSWER_LABELS
    return answered and (not evidence_required(question_bank) or bool(given.evidence.strip()))


def is_complete(question_bank: QuestionBank, given: Given | None) -> bool:
    """Answered, and with the actions needed written down for a 1 or a No."""
    if not is_answered(question_bank, given):
        return False
    return not needs_action(question_bank, given) or bool(given is not None and given.actions.strip())


def needs_action(question_bank: QuestionBank, given: Given | None) -> bool:
    """A score of 1 ('No – action required') or a No: the actions needed must be written down."""
    return score_of(question_bank, given) == 1


def score_of(question_bank: QuestionBank, given: Given | None) -> int | None:
    """The answer on App 4a's 1–3 scale: the score itself, or Yes = 3 and No = 1; None for text."""
    if given is None:
        return None
    if question_bank.scale == "score_1_3":
        return given.score if given.score in SCORE_LABELS else None
    if question_bank.scale in YES_NO_SCALES:
        return YES_NO_SCORES.get(given.answer)
    return None


def score_labels(question_bank: QuestionBank) -> dict[int, str]:
    """The 1–3 scale's labels: the framework's words where the bank gives them (Redditch App 4a's
    "NO – action required"...), else Accord's plain ones."""
    own = question_bank.scale_labels
    return {
        value: f"{value} – {own[str(value)]}" if str(value) in own else label
        for value, label in SCORE_LABELS.items()
    }


def answer_label(question_bank: QuestionBank, given: Given | None) -> str:
    if given is None:
        return "Not answered"
    if question_bank.scale == "score_1_3":
        return score_labels(question_bank).get(given.score or 0, "Not answered")
    if question_bank.scale == "text":
        return given.evidence.strip() or "Not answered"
    return question_bank.scale_labels.get(given.answer) or ANSWER_LABELS.get(given.answer, "Not answered")


@dataclass(frozen=True)
class Change:
    """How one question's answer differs from the last review's."""

    question: Question
    before: Given | None
    now: Given | None

    @property
    def changed(self) -> bool:
        if self.before is None or self.now is None:
            return self.before is not self.now
        return self.before.normalised() != self.now.normalised()

    @property
    def assessment_changed(self) -> bool:
        before = (self.before.score, self.before.answer) if self.before else None
        now = (self.now.score, self.now.answer) if self.now else None
        return before != now


def changes(
    question_bank: QuestionBank, before: Mapping[str, Given], now: Mapping[str, Given]
) -> list[Change]:
    """For each question, the last review's answer and this one's (compare `changed`)."""
    return [Change(q, before.get(q.id), now.get(q.id)) for q in question_bank.questions]


def movement(question_bank: QuestionBank, change: Change) -> str:
    """'better', 'worse', 'same' or '' (no scale to compare) for one question's assessment."""
    before, now = score_of(question_bank, change.before), score_of(question_bank, change.now)
    if before is None or now is None:
        return ""
    return "better" if now > before else "worse" if now < before else "same"


def title(question: Question) -> str:
    """A question's short title: App 4a's area ('Formal status') where the text names one."""
    head, colon, _ = question.text.partition(":")
    return head.strip() if colon and len(head) <= 60 else question.text
