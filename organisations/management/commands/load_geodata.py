from django.core.management.base import BaseCommand, CommandError

from organisations.geodata import DEFAULT_TOLERANCE_M, GeodataError, load_geodata


class Command(BaseCommand):
    help = (
        "Import municipal or regional borders from a GeoJSON FeatureCollection (a file or "
        "an http(s) address), projected to ETRS-TM35FIN and simplified for the map."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", metavar="PATH_OR_URL")
        parser.add_argument(
            "--layer",
            choices=["municipalities", "regions"],
            help="Which borders these are (detected from the codes if omitted).",
        )
        parser.add_argument(
            "--tolerance",
            type=float,
            default=DEFAULT_TOLERANCE_M,
            help="Simplification tolerance in metres (default %(default)s).",
        )

    def handle(self, *args, source, layer, tolerance, **options):
        if tolerance < 0:
            raise CommandError("--tolerance cannot be negative.")
        try:
            report = load_geodata(source, layer=layer, tolerance=tolerance)
        except GeodataError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{report.updated} {report.layer} updated.")
        if report.unknown_codes:
            self.stdout.write(
                self.style.WARNING(
                    f"Not in the registry (skipped): {', '.join(sorted(report.unknown_codes))}"
                )
            )
        if report.missing:
            self.stdout.write(
                self.style.WARNING(
                    f"Still without a border: {len(report.missing)} "
                    f"({', '.join(report.missing[:20])}{' …' if len(report.missing) > 20 else ''})"
                )
            )
