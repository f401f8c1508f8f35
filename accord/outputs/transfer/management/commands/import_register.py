"""`accord import_register FILE [--dry-run] [--mapping MAPPING.json] [--user USERNAME]`

Prints what the import would do (or did), the rows to check (likely duplicates) and every problem
with its row number, as the import pages show them. Exits non-zero, writing nothing, if the file has
any problem (rows to check are not problems); --dry-run never writes.
A mapping file is JSON: {"Partnerships": {"column heading": "field key", ...}, ...} (headings it does
not name keep the remembered or guessed field; "" leaves a column out). Without one, the mapping
remembered for the file's headings is used, else the one guessed from them.
"""

import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accord.outputs.transfer import columns as c
from accord.outputs.transfer import mapping as maps
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


class Command(BaseCommand):
    help = "Import a register from an Excel workbook or CSV file (all or nothing)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="Only say what would happen.")
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
        self._check_mapping(workbook, chosen)
        actor = self._actor(user)
        if dry_run:
            plan = build(path.name, workbook, chosen)
        else:
            try:
                plan = commit(actor, path.name, workbook, chosen)
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

    def _check_mapping(self, workbook: Workbook, chosen: maps.Mapping) -> None:
        found = []
        for name, data in workbook.sheets.items():
            sheet = c.BY_NAME[name.lower()]
            keys = chosen.get(name, [])
            if len(keys) != len(data.headers):
                found.append(
                    f"{name}: the mapping must name a field (or '') for each of {len(data.headers)} columns"
                )
                continue
            found += [f"{name}: {message}" for message in maps.problems(sheet, data, keys).values()]
        if found:
            raise CommandError("The column mapping cannot be used:\n" + "\n".join(found), returncode=2)

    def _report(self, plan: Plan, dry_run: bool) -> None:
        would = "would be" if dry_run or plan.problems else "were"
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
        for problem in plan.problems:
            self.stderr.write(str(problem))
        if not plan.problems:
            self.stdout.write("Dry run: nothing was written." if dry_run else "Imported.")
