"""Checks for schema v2's sub-types, grouped questions, scale labels and leaving (schema_parts)."""

from collections import Counter
from collections.abc import Iterator

from .schema import Framework, QuestionBank

Problem = tuple[str, str]

# The values each scale answers with, which `scale_labels` may name.
SCALE_VALUES = {
    "yes_no": ("yes", "no"),
    "yes_no_comment": ("yes", "no", "not_applicable"),
    "score_1_3": ("1", "2", "3"),
    "text": (),
}
OTHER_REASON = "other"  # always offered by the decision to leave; a framework's reason may not take it


def _twice(path: str, ids: list[str]) -> Iterator[Problem]:
    for ident, count in Counter(ids).items():
        if count > 1:
            yield path, f"duplicate id '{ident}'"


def check_subtypes(fw: Framework) -> Iterator[Problem]:
    """Sub-type ids are unique within their type; report-back rules name sub-types of their own type,
    each in at most one rule."""
    for i, type_rule in enumerate(fw.types):
        ids = [s.id for s in type_rule.subtypes]
        yield from _twice(f"types.{i}.subtypes", ids)
        seen: list[str] = []
        for j, rule in enumerate(type_rule.report_back):
            for k, subtype in enumerate(rule.subtypes):
                if subtype not in ids:
                    known = f" (known: {', '.join(ids)})" if ids else ""
                    yield f"types.{i}.report_back.{j}.subtypes.{k}", f"unknown sub-type '{subtype}'{known}"
            seen += rule.subtypes
        for subtype, count in Counter(seen).items():
            if count > 1:
                yield f"types.{i}.report_back", f"more than one report-back rule for sub-type '{subtype}'"


def _check_bank(path: str, bank: QuestionBank) -> Iterator[Problem]:
    values = SCALE_VALUES[bank.scale]
    for value in bank.scale_labels:
        if value not in values:
            allowed = ", ".join(values) or "none (text answers have no scale)"
            yield (
                f"{path}.scale_labels.{value}",
                f"not an answer on the {bank.scale} scale (answers: {allowed})",
            )
    yield from _twice(f"{path}.groups", [g.id for g in bank.groups])
    questions = {q.id for q in bank.questions}
    grouped: list[str] = []
    for j, group in enumerate(bank.groups):
        for k, question in enumerate(group.questions):
            if question not in questions:
                yield f"{path}.groups.{j}.questions.{k}", f"unknown question '{question}'"
        grouped += group.questions
    for question, count in Counter(grouped).items():
        if count > 1:
            yield f"{path}.groups", f"question '{question}' is in more than one group"
    if bank.groups and (missing := [q.id for q in bank.questions if q.id not in grouped]):
        yield f"{path}.groups", f"questions in no group: {', '.join(missing)}"


def check_banks(fw: Framework) -> Iterator[Problem]:
    """Scale labels name answers of the bank's scale; groups name the bank's questions, each once,
    and once a bank has groups every question is in one."""
    for i, bank in enumerate(fw.question_banks):
        yield from _check_bank(f"question_banks.{i}", bank)


def check_leaving(fw: Framework) -> Iterator[Problem]:
    """The decision to leave's reasons and exit-plan headings have unique ids; 'other' is Accord's."""
    if fw.leaving is None:
        return
    if "leaving" in fw.adopt_from_model:
        yield (
            "adopt_from_model",
            "the file has its own leaving reasons; adopt the model's or write your own, not both",
        )
    reasons = [r.id for r in fw.leaving.reasons]
    yield from _twice("leaving.reasons", reasons)
    if OTHER_REASON in reasons:
        yield "leaving.reasons", "'other' is always offered; give the reason another id"
    if fw.leaving.reasons and not fw.leaving.cite:
        yield "leaving.cite", "say where the reasons come from"
    yield from _twice("leaving.exit_plan", [h.id for h in fw.leaving.exit_plan])


def check_parts(fw: Framework) -> list[Problem]:
    return [*check_subtypes(fw), *check_banks(fw), *check_leaving(fw)]
