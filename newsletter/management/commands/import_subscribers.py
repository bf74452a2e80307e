"""Import the old subscriber list: ``manage.py import_subscribers list.csv [--dry-run]``.

The format and its rules are in newsletter/imports.py (and the README); this command
reads the file and prints the report.
"""

from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from newsletter.imports import SubscriberImportError, read_csv, subscribers_import

LINES_SHOWN = 20


def count(number, noun, plural=None):
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


class Command(BaseCommand):
    help = (
        "Import newsletter subscribers from a CSV file with the columns email, language,"
        " subscribed and consent_source. Nothing is imported if any line is rejected;"
        " addresses already known or unsubscribed earlier are skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The .csv file to import (UTF-8, , or ;).")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and report, but write nothing."
        )

    def handle(self, *args, file, dry_run, **options):
        path = Path(file)
        every_line = options["verbosity"] > 1
        try:
            rows = read_csv(path.read_bytes())
            report = subscribers_import(rows, dry_run=dry_run, source_name=path.name)
        except OSError as error:
            raise CommandError(f"{file}: {error.strerror or error}") from error
        except SubscriberImportError as error:
            problems = error.problems
            shown = problems if every_line else problems[:LINES_SHOWN]
            lines = [f"{path.name}: nothing was imported."]
            if len(problems) > 1 or problems[0].line not in (None, 1):
                lines.append(f"Rejected {count(len(problems), 'line')}:")
            lines.extend(str(problem) for problem in shown)
            if len(problems) > len(shown):
                lines.append(f"… and {len(problems) - len(shown)} more (-v 2 lists all)")
            raise CommandError("\n".join(lines)) from error
        self.stdout.write(self.summary(report, every_line))

    def summary(self, report, every_line):
        verb = "Would import" if report.dry_run else "Imported"
        lines = [f"{verb} {count(report.imported, 'subscriber')} from {report.source_name}."]
        if report.skipped:
            reasons = Counter(problem.message for problem in report.skipped)
            lines.append(
                f"Skipped {count(len(report.skipped), 'address', 'addresses')}: "
                + ", ".join(f"{reason} {n}" for reason, n in sorted(reasons.items()))
                + "."
            )
            shown = report.skipped if every_line else report.skipped[:LINES_SHOWN]
            lines.extend(f"line {problem.line}: skipped, {problem.message}" for problem in shown)
            if len(report.skipped) > len(shown):
                lines.append(f"… and {len(report.skipped) - len(shown)} more (-v 2 lists all)")
        if report.dry_run:
            lines.append("Dry run: nothing was written.")
        return "\n".join(lines)
