"""The import's once-for-the-whole-file questions: defaults for required fields the file lacks and how
new partnerships get their status (on the columns page), and same-or-different for each likely
duplicate (on the preview)."""

from django import forms

from accord.kernel.ui.forms import GovukForm
from accord.register import offered_types
from accord.register.models import (
    CouncilRole,
    Directorate,
    LegalIncorporation,
    StatutoryStatus,
)

from . import columns as c
from . import defaults as assume
from .assumptions import DUPLICATE_ANSWERS, STATUS_RULES, Likely

STATUS_FIELD = "status_rule"


def _the(header: str) -> str:
    named = header[:1].lower() + header[1:]
    return named if named.startswith("the ") else f"the {named}"


def default_name(key: str) -> str:
    return f"default-{key}"


def _options(key: str) -> list[tuple[str, str]] | None:
    """A default's choices, or None for one typed in."""
    if key == "council_role":
        return list(CouncilRole.choices)
    if key == "statutory_status":
        return list(StatutoryStatus.choices)
    if key == "incorporation":
        return list(LegalIncorporation.choices)
    if key == "partnership_type":
        return [(n, n) for n in offered_types.names()]
    if key == "directorate":
        return [
            (n, n)
            for n in Directorate.objects.filter(active=True).order_by("name").values_list("name", flat=True)
        ]
    return None


def add_default_fields(form: forms.Form, initial: dict[str, str], status_rule: str) -> list[str]:
    """Add a question for each default and the status rule; return the default fields' names."""
    names = []
    for key in assume.DEFAULTABLE:
        column = c.PARTNERSHIPS.by_key[key]
        hint = f"Used for every row of the file that gives no {_the(column.header)[4:]}."
        options = _options(key)
        name = default_name(key)
        if options is None:
            form.fields[name] = forms.CharField(
                label=column.header,
                required=False,
                initial=initial.get(key, ""),
                help_text=hint,
                max_length=column.max_length,
            )
        else:
            form.fields[name] = forms.ChoiceField(
                label=column.header,
                choices=[("", "No default"), *options],
                required=False,
                initial=initial.get(key, ""),
                help_text=hint,
            )
        names.append(name)
    form.fields[STATUS_FIELD] = forms.ChoiceField(
        label="How should new partnerships get their status when the file does not give one?",
        choices=list(STATUS_RULES.items()),
        widget=forms.RadioSelect,
        initial=status_rule,
        required=False,
        help_text="Active and closed partnerships are recorded retrospectively, "
        "with this file as the reason.",
    )
    return names


def chosen_defaults(form: forms.Form) -> dict[str, str]:
    return {
        key: str(form.cleaned_data.get(default_name(key)) or "").strip()
        for key in assume.DEFAULTABLE
        if str(form.cleaned_data.get(default_name(key)) or "").strip()
    }


def check_defaults(form: forms.Form, mapped: set[str]) -> None:
    """Each required field needs a column or a default; each default must be a value the field takes."""
    given = chosen_defaults(form)
    for key in assume.DEFAULTABLE:
        header = c.PARTNERSHIPS.by_key[key].header
        if key not in mapped and key not in given:
            form.add_error(
                default_name(key),
                f"Choose {_the(header)} for every partnership, or choose the column that holds it",
            )
        elif key in given:
            try:
                assume.check(key, given[key])
            except assume.BadDefault as problem:
                form.add_error(default_name(key), str(problem))


class DuplicatesForm(GovukForm):
    """Same or different, for each row that looks like a partnership the register or file has."""

    def __init__(self, likely: list[Likely], answers: dict[str, str], *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.likely = likely
        for item in likely:
            like = item.existing or f"{item.earlier_reference} (row {item.earlier_row} of this file)"
            answers_ = dict(DUPLICATE_ANSWERS)
            if not item.existing:
                answers_["same"] = f"Same partnership (import only row {item.earlier_row})"
            field = forms.ChoiceField(
                label=f"Row {item.row}: is “{item.name}” the same partnership as {like}?",
                choices=list(answers_.items()),
                widget=forms.RadioSelect,
                initial=answers.get(str(item.row), ""),
            )
            field.error_messages["required"] = (
                f"Row {item.row}: select whether “{item.name}” is the same partnership as {like}"
            )
            self.fields[f"row-{item.row}"] = field

    def answers(self) -> dict[str, str]:
        return {str(item.row): self.cleaned_data[f"row-{item.row}"] for item in self.likely}
