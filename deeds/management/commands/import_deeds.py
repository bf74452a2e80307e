"""Import deeds from the previous site: ``manage.py import_deeds deeds.jsonl``.

The format is described in docs/import-format.md; the work is done by
deeds.importing.deeds_import.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from deeds.importing import DeedImportError, JsonLinesFile, deeds_import

NAMES_SHOWN = 10


def count(number, noun):
    return f"{number} {noun}" + ("" if number == 1 else "s")


class Command(BaseCommand):
    help = (
        "Import published deeds from a JSON Lines file (one deed per line, UTF-8), as"
        " described in docs/import-format.md. Nothing is imported if any line is invalid;"
        " lines already imported (same url) are skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The .jsonl file to import.")
        parser.add_argument(
            "--create-organisations",
            action="store_true",
            help="Create organisations the portal does not know yet, instead of stopping.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Validate and report, but write nothing."
        )

    def handle(self, *args, file, create_organisations, dry_run, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"{file}: no such file")
        # The messages are English; so are those the model's own rules give (Deed.clean).
        with translation.override("en"):
            try:
                report = deeds_import(
                    JsonLinesFile(path),
                    create_organisations=create_organisations,
                    dry_run=dry_run,
                    source_name=path.name,
                )
            except DeedImportError as error:
                raise CommandError(f"{path.name}: nothing was imported.\n{error}") from error
            except OSError as error:
                raise CommandError(f"{file}: {error.strerror or error}") from error
        self.stdout.write(self.summary(report, all_names=options["verbosity"] > 1))

    def summary(self, report, *, all_names=False):
        verb = "Would import" if report.dry_run else "Imported"
        lines = [f"{verb} {count(report.imported, 'deed')} from {report.source_name}."]
        lines.append(f"Skipped {count(report.skipped, 'deed')} already imported (same url).")
        created = report.organisations_created
        verb = "Would create" if report.dry_run else "Created"
        names = created if all_names else created[:NAMES_SHOWN]
        hidden = len(created) - len(names)
        more = f" and {hidden} more (-v 2 lists all)" if hidden else ""
        lines.append(
            f"{verb} {count(len(created), 'organisation')}"
            + (f": {', '.join(names)}{more}." if names else ".")
        )
        if report.themes_added:
            lines.append(
                f"Added the theme of a subtheme to {count(report.themes_added, 'deed')}"
                " that did not list it."
            )
        if report.without_url:
            lines.append(
                f"Without url: {count(report.without_url, 'deed')}, which importing the file"
                " again would import again."
            )
        if report.dry_run:
            lines.append("Dry run: nothing was written.")
        return "\n".join(lines)
