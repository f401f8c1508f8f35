"""accord framework validate|list|show|diff — check and inspect partnership framework files."""

import sys
from pathlib import Path

import yaml
from django.core.management.base import BaseCommand, CommandError

from accord.frameworks import loader
from accord.frameworks.diff import diff


class Command(BaseCommand):
    help = "Validate, list, show and compare partnership framework files."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        validate = sub.add_parser("validate", help="Check framework files; exit 1 with every problem found.")
        validate.add_argument("paths", nargs="*", help="Files to check (default: every bundled framework).")
        sub.add_parser("list", help="The bundled frameworks.")
        show = sub.add_parser("show", help="Print one framework as loaded.")
        show.add_argument("framework_id")
        compare = sub.add_parser("diff", help="How two frameworks differ, rule by rule.")
        compare.add_argument("a")
        compare.add_argument("b")

    def handle(self, *args, action, **options):
        getattr(self, f"do_{action}")(**options)

    def do_validate(self, paths, **options):
        targets = [Path(p) for p in paths] or loader.framework_paths()
        problems = []
        for path in targets:
            result = loader.load_path(path, loader.seeds_dir())
            problems.extend(result.problems)
            if result.ok and result.framework is not None:
                self.stdout.write(
                    f"{path.name}: valid ({result.framework.id} version {result.framework.version})"
                )
        for problem in problems:
            self.stderr.write(problem)
        if problems:
            sys.exit(1)

    def do_list(self, **options):
        for framework in self._all().values():
            self.stdout.write(
                f"{framework.id:<22} {framework.version:<8} {framework.council} — {framework.name}"
            )

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

    def _all(self):
        try:
            return loader.all_frameworks()
        except ValueError as error:
            raise CommandError(str(error)) from error

    def _get(self, framework_id):
        try:
            return loader.get(framework_id)
        except (KeyError, ValueError) as error:
            raise CommandError(str(error)) from error
