"""The import pages' forms: the file to upload, and which field each column holds."""

from django import forms

from accord.kernel.ui.forms import GovukForm

from . import columns as c
from .choice_forms import STATUS_FIELD, add_default_fields, check_defaults, chosen_defaults
from .defaults import DEFAULTABLE
from .mapping import Mapping, problems, reasons
from .reading import FileProblem, Workbook, kind_of, max_bytes


class UploadForm(GovukForm):
    file = forms.FileField(
        label="Upload a spreadsheet",
        help_text="An Excel workbook (.xlsx) with sheets named Partnerships, Organisations, Members, "
        "Representatives and Contributions (any you have), or a CSV file of partnerships.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].error_messages.update(
            required="Select a spreadsheet to upload", empty="The selected file is empty"
        )
        self.content = b""

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > max_bytes():
            raise forms.ValidationError(
                f"The selected file must be smaller than {max_bytes() // (1024 * 1024)} MB"
            )
        self.content = upload.read()
        try:
            kind_of(upload.name, self.content)
        except FileProblem as problem:
            raise forms.ValidationError(str(problem)) from None
        return upload


def field_name(sheet: str, index: int) -> str:
    return f"{sheet.lower()}-{index}"


class MappingForm(GovukForm):
    """A select for every column of every sheet in the file, pre-set to the suggested field, with why;
    then a default for each required field a file may lack, and how new partnerships get a status."""

    def __init__(
        self,
        workbook: Workbook,
        initial_mapping: Mapping,
        *args,
        defaults: dict[str, str] | None = None,
        status_rule: str = "dates",
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.workbook = workbook
        self.sheet_rows: list[tuple[c.Sheet, list[tuple[str, str, str, str]]]] = []
        for name, data in workbook.sheets.items():
            sheet = c.BY_NAME[name.lower()]
            keys = initial_mapping.get(name, [])
            why = reasons(sheet, data.headers, keys)
            choices = [("", "Do not import"), *((col.key, col.header) for col in sheet.columns)]
            rows = []
            for index, header in enumerate(data.headers):
                name_ = field_name(sheet.name, index)
                self.fields[name_] = forms.ChoiceField(
                    label=f"Field for the {sheet.name} column “{header}”",
                    choices=choices,
                    required=False,
                    initial=keys[index] if index < len(keys) else "",
                )
                example = next(
                    (str(cells[index]) for _, cells in data.rows if cells[index] not in (None, "")), ""
                )
                rows.append((name_, header, example[:60], why[index]))
            self.sheet_rows.append((sheet, rows))
        self.has_partnerships = c.PARTNERSHIPS.name in workbook.sheets
        self.default_names = (
            add_default_fields(self, defaults or {}, status_rule) if self.has_partnerships else []
        )

    def defaults(self) -> dict[str, str]:
        return chosen_defaults(self) if self.has_partnerships else {}

    def status_rule(self) -> str:
        return str(self.cleaned_data.get(STATUS_FIELD) or "dates")

    def mapping(self) -> Mapping:
        result: Mapping = {}
        for sheet, rows in self.sheet_rows:
            result[sheet.name] = [self.cleaned_data.get(name, "") or "" for name, *_ in rows]
        return result

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        chosen = self.mapping()
        # a required field a default may give is asked for by its default's own question
        provided = frozenset(DEFAULTABLE) if self.has_partnerships else frozenset()
        for sheet, rows in self.sheet_rows:
            found = problems(sheet, self.workbook.sheets[sheet.name], chosen[sheet.name], provided)
            for index, message in sorted(found.items()):
                if index < 0:
                    self.add_error(None, message)
                else:
                    self.add_error(rows[index][0], message)
        if self.has_partnerships:
            check_defaults(self, set(chosen[c.PARTNERSHIPS.name]))
        return cleaned
