"""accord framework validate|list|show|diff|new — check, inspect and start partnership framework files."""

import sys
from pathlib import Path

import yaml
from django.core.management.base import BaseCommand, CommandError

from accord.frameworks import loader, starter
from accord.frameworks.diff import diff
from accord.frameworks.management import version_commands


class Command(BaseCommand):
    help = "Validate, list, show and compare partnership framework files."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        validate = sub.add_parser("validate", help="Check framework files; exit 1 with every problem found.")
        validate.add_argument(
            "paths", nargs="*", help="Files to check (default: the bundled ones and the council's folder's)."
        )
        sub.add_parser("list", help="The frameworks Accord can read, and where each comes from.")
        show = sub.add_parser("show", help="Print one framework as loaded.")
        show.add_argument("framework_id")
        compare = sub.add_parser("diff", help="How two frameworks differ, rule by rule.")
        compare.add_argument("a")
        compare.add_argument("b")
        listed = sub.add_parser("versions", help="A framework's versions: in force, adopted, never adopted.")
        listed.add_argument("framework_id")
        preview = sub.add_parser("preview", help="What adopting a version would change on a day.")
        preview.add_argument("framework_id")
        preview.add_argument("version")
        preview.add_argument("--on", required=True, help="The day it would take effect (YYYY-MM-DD).")
        adopt = sub.add_parser("adopt", help="Adopt a version of a framework from a day, with the reason.")
        adopt.add_argument("framework_id")
        adopt.add_argument("version")
        adopt.add_argument("--on", required=True, help="The day it takes effect (YYYY-MM-DD).")
        adopt.add_argument("--reason", required=True, help="Why it is adopted (kept in the history).")
        adopt.add_argument("--by", required=True, help="The username of the administrator adopting it.")
        self._add_new(sub)

    def _add_new(self, sub):
        new = sub.add_parser("new", help="Write a council's starting framework file, every field explained.")
        new.add_argument("name", help="The new framework's id, in lower_snake_case (e.g. my_council).")
        new.add_argument("--from", dest="source", default="model", help="The framework to start from.")
        new.add_argument("--council", default="", help="The council's name, as users should read it.")
        new.add_argument(
            "--output", default="", help="Where to write it (default: ACCORD_FRAMEWORKS_DIR, else here)."
        )

    def handle(self, *args, action, **options):
        getattr(self, f"do_{action}")(**options)

    def do_validate(self, paths, **options):
        targets = [Path(p) for p in paths] or loader.framework_paths()
        problems = []
        for path in targets:
            result = loader.load_path(path, loader.seeds_dir())
            problems.extend(result.issues)
            if result.ok and result.framework is not None:
                self.stdout.write(
                    f"{path.name}: valid ({result.framework.id} version {result.framework.version})"
                )
        for problem in problems:
            self.stderr.write(str(problem))
        if problems:
            sys.exit(1)

    def do_list(self, **options):
        for path in loader.framework_paths():
            where = "bundled" if path.parent == loader.FILES_DIR else str(path)
            result = loader.load_path(path, loader.seeds_dir())
            framework = result.framework
            if framework is None or not result.ok:
                check = f"accord framework validate {path}"
                self.stdout.write(f"{path.stem:<22} {'':<8} invalid: run `{check}` [{where}]")
                continue
            self.stdout.write(
                f"{framework.id:<22} {framework.version:<8} {framework.council} — {framework.name} [{where}]"
            )

    def do_new(self, name, source, council, output, **options):
        try:
            path = starter.write(name, source_id=source, council=council, output=output)
        except starter.StarterError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Wrote {path}. Edit it, then check it with `accord framework validate {path}`.")

    def do_show(self, framework_id, **options):
        framework = self._get(framework_id)
        self.stdout.write(
            yaml.safe_dump(framework.model_dump(mode="json"), sort_keys=False, allow_unicode=True)
        )

    def do_diff(self, a, b, **options):
        lines = list(diff(self._get(a), self._get(b)))
        for line in lines:
            self.stdout.write(line)
        self.stdout.write(f"{len(lines)} difference{'s' if len(lines) != 1 else ''}")

    def do_versions(self, framework_id, **options):
        version_commands.list_versions(self, framework_id)

    def do_preview(self, framework_id, version, on, **options):
        version_commands.preview(self, framework_id, version, on)

    def do_adopt(self, framework_id, version, on, reason, by, **options):
        version_commands.adopt(self, framework_id, version, on, reason, by)

    def _get(self, framework_id):
        try:
            return loader.get(framework_id)
        except (KeyError, ValueError) as error:
            raise CommandError(str(error)) from error
