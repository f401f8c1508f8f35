"""`accord import_register FILE [--dry-run] [--default FIELD=VALUE …] [--status dates|proposed|active]
[--duplicates same|different] [--mapping MAPPING.json] [--user USERNAME]`

Works on a council's own spreadsheet with no options: columns are matched by their headings (or as
remembered), required fields the file lacks take the council's defaults (--default changes one),
references are made for rows without one, and new partnerships' statuses come from their dates
(--status proposed or active for the whole import). It prints what it assumed, what the import would
do (or did), the rows to check and every problem with its spreadsheet row number. Exits non-zero,
writing nothing, if the file has any problem or a likely duplicate has no answer (--duplicates says
whether every likely duplicate is the same partnership or a different one); --dry-run never writes.
A mapping file is JSON: {"Partnerships": {"column heading": "field key", ...}, ...} (headings it does
not name keep the remembered or guessed field; "" leaves a column out).
"""

import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accord.frameworks import loader
from accord.outputs.transfer import columns as c
from accord.outputs.transfer import defaults as assume
from accord.outputs.transfer import mapping as maps
from accord.outputs.transfer import summary
from accord.outputs.transfer.assumptions import DUPLICATE_ANSWERS, STATUS_RULES, ImportChoices
from accord.outputs.transfer.commit import ImportRefused, commit
from accord.outputs.transfer.plan import Plan, build
from accord.outputs.transfer.reading import FileProblem, Workbook, read
from accord.outputs.transfer.runs import WRITE_FAILURES


def _mapping_from(path: str, workbook: Workbook) -> maps.Mapping:
    try:
        given = json.loads(Path(path).read_text())
    except (OSError, ValueError) as problem:
        raise CommandError(f"Cannot read the mapping file {path}: {problem}") from None
    chosen = maps.suggested(workbook)
    for name, data in workbook.sheets.items():
        by_header = given.get(name)
        if isinstance(by_header, dict):
            chosen[name] = [
                str(by_header.get(h, key)) for h, key in zip(data.headers, chosen[name], strict=True)
            ]
        elif isinstance(by_header, list):
            chosen[name] = [str(k) for k in by_header]
    return chosen


def defaults_from(given: list[str]) -> dict[str, str]:
    """The council's defaults with each --default FIELD=VALUE over them; CommandError if one is bad.
    FIELD is a field's key or its heading ("lead_organisation", "Lead organisation")."""
    chosen = assume.council_defaults()
    for item in given:
        field, sep, value = item.partition("=")
        if not sep or not field.strip():
            raise CommandError(f'--default "{item}" must be FIELD=VALUE, like --default council_role=member')
        key = field.strip() if field.strip() in assume.DEFAULTABLE else maps.match(c.PARTNERSHIPS, field)[0]
        if key not in assume.DEFAULTABLE:
            raise CommandError(
                f'--default "{field.strip()}": a default can be given only for '
                + ", ".join(assume.DEFAULTABLE)
            )
        chosen[key] = value.strip()
    checked = {}
    for key, value in chosen.items():
        if value == "":
            continue
        try:
            checked[key] = assume.check(key, value)
        except assume.BadDefault as problem:
            raise CommandError(str(problem)) from None
    return checked


class Command(BaseCommand):
    help = "Import a register from an Excel workbook or CSV file (all or nothing)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="Only say what would happen.")
        parser.add_argument(
            "--default",
            action="append",
            default=[],
            metavar="FIELD=VALUE",
            help="A value for a required field where the file gives none (repeatable).",
        )
        parser.add_argument(
            "--status",
            choices=list(STATUS_RULES),
            default="dates",
            help="How new partnerships get a status the file does not give: from their dates (the default), "
            "or all proposed, or all active.",
        )
        parser.add_argument(
            "--duplicates",
            choices=list(DUPLICATE_ANSWERS),
            help="Whether every likely duplicate is the same partnership (update it) or a different one.",
        )
        parser.add_argument("--mapping", help="A JSON file saying which field each column holds.")
        parser.add_argument("--user", help="The username recorded as making the changes.")

    def handle(self, *args, file: str, dry_run: bool, mapping: str | None, user: str | None, **options):
        path = Path(file)
        try:
            workbook = read(path.name, path.read_bytes())
        except OSError as problem:
            raise CommandError(f"Cannot read {file}: {problem}") from None
        except FileProblem as problem:
            raise CommandError(str(problem)) from None
        chosen = _mapping_from(mapping, workbook) if mapping else maps.suggested(workbook)
        choices = ImportChoices(defaults_from(options["default"]), options["status"])
        self._check_mapping(workbook, chosen, frozenset(choices.defaults))
        self._say_columns(workbook, chosen)
        actor = self._actor(user)
        framework = loader.current()
        if options["duplicates"]:
            likely = build(path.name, workbook, chosen, choices=choices, framework=framework).assumed.likely
            choices.duplicates = {str(item.row): options["duplicates"] for item in likely}
        if dry_run:
            plan = build(path.name, workbook, chosen, choices=choices, framework=framework)
        else:
            try:
                plan = commit(actor, path.name, workbook, chosen, choices, framework)
            except ImportRefused as refused:
                plan = refused.plan
            except WRITE_FAILURES as problem:
                raise CommandError(f"The import failed and nothing was written: {problem}") from None
        self._report(plan, dry_run)
        if plan.problems:
            raise CommandError(f"{len(plan.problems)} problem(s): nothing was imported", returncode=2)

    def _actor(self, username: str | None):
        if not username:
            return None
        found = get_user_model().objects.filter(username=username).first()
        if found is None:
            raise CommandError(f"No user {username}")
        return found

    def _check_mapping(self, workbook: Workbook, chosen: maps.Mapping, provided: frozenset[str]) -> None:
        found = []
        for name, data in workbook.sheets.items():
            sheet = c.BY_NAME[name.lower()]
            keys = chosen.get(name, [])
            if len(keys) != len(data.headers):
                found.append(
                    f"{name}: the mapping must name a field (or '') for each of {len(data.headers)} columns"
                )
                continue
            found += [f"{name}: {message}" for message in maps.problems(sheet, data, keys, provided).values()]
            lacking = [k for k in assume.DEFAULTABLE if k not in keys and k not in provided]
            if sheet is c.PARTNERSHIPS and lacking:
                found.append(
                    "Or give a default for every row: " + " ".join(f"--default {k}=…" for k in lacking)
                )
        if found:
            raise CommandError("The column mapping cannot be used:\n" + "\n".join(found), returncode=2)

    def _say_columns(self, workbook: Workbook, chosen: maps.Mapping) -> None:
        for name, data in workbook.sheets.items():
            sheet = c.BY_NAME[name.lower()]
            keys = chosen.get(name, [])
            why = maps.reasons(sheet, data.headers, keys)
            self.stdout.write(f"Columns of the {name} sheet:")
            for header, key, reason in zip(data.headers, keys, why, strict=False):
                field = f" → {sheet.by_key[key].header}" if key else ""
                self.stdout.write(f'  "{header}"{field} ({reason})')

    def _report(self, plan: Plan, dry_run: bool) -> None:
        would = "would be" if dry_run or plan.problems else "were"
        assumed = summary.of(plan, will=would)
        for line in assumed.defaults:
            self.stdout.write(f"Default used: {line}")
        if assumed.references_count:
            self.stdout.write(
                f"References made for rows without one ({assumed.references_count}): "
                + ", ".join(assumed.references)
            )
        if assumed.by_name_count:
            self.stdout.write(
                f"Found in the register by name, without a reference ({assumed.by_name_count}): "
                + ", ".join(assumed.by_name)
            )
        if assumed.statuses:
            self.stdout.write(f"Statuses: {assumed.statuses}")
        for line in assumed.not_imported:
            self.stdout.write(f"Columns not imported: {line}")
        for sheet, counted in plan.counts().items():
            self.stdout.write(
                f"{sheet}: {counted['created']} new, {counted['updated']} changed, "
                f"{counted['unchanged']} unchanged"
            )
        if plan.new_organisations:
            names = ", ".join(o.name for o in plan.new_organisations[:20])
            more = len(plan.new_organisations) - 20
            self.stdout.write(
                f"Organisations that {would} created ({len(plan.new_organisations)}): {names}"
                + (f" and {more} more" if more > 0 else "")
            )
        if plan.ignored_sheets:
            self.stdout.write("Sheets not imported: " + ", ".join(plan.ignored_sheets))
        if plan.warnings:
            self.stdout.write(f"Rows to check ({len(plan.warnings)}):")
            for warning in plan.warnings:
                self.stdout.write(f"  {warning}")
            if plan.assumed.undecided():
                self.stdout.write(
                    "  Say whether they are the same partnerships: --duplicates same or different"
                )
        for problem in plan.problems:
            self.stderr.write(str(problem))
        if not plan.problems:
            self.stdout.write("Dry run: nothing was written." if dry_run else "Imported.")
