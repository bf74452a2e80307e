import json

from django.core.management.base import BaseCommand, CommandError
from django.http import QueryDict

from catalogue.listing import FACETS, InvalidFilterError, parse_listing


class Command(BaseCommand):
    help = (
        "Search published deeds as the search box does; print the ids in rank order "
        "(--json for scripts). List filters can be given as --filter name=value."
    )

    def add_arguments(self, parser):
        parser.add_argument("query")
        parser.add_argument("--json", action="store_true", help="Print JSON.")
        parser.add_argument(
            "--filter",
            action="append",
            default=[],
            metavar="NAME=VALUE",
            help=f"A list filter ({', '.join(FACETS)}); repeatable.",
        )
        parser.add_argument("--limit", type=int, default=0, help="At most this many ids.")

    def handle(self, *args, query, filter, limit, **options):
        params = QueryDict(mutable=True)
        params["q"] = query
        for item in filter:
            name, _, value = item.partition("=")
            params.appendlist(name.strip(), value.strip())
        try:
            listing = parse_listing(params, strict=True)
        except InvalidFilterError as error:
            raise CommandError(str(error)) from error
        result = listing.run(language="fi")
        ids = result.ids(0, limit or None)
        search = listing.search
        if options["json"]:
            self.stdout.write(
                json.dumps(
                    {
                        "query": query,
                        "searched": search.parsed.text if search else "",
                        "corrected_from": search.corrected_from if search else "",
                        "messages": [str(n) for n in search.notes] if search else [],
                        "count": result.total,
                        "ids": ids,
                    },
                    ensure_ascii=False,
                )
            )
            return
        for note in search.notes if search else []:
            self.stderr.write(str(note))
        if search and search.corrected_from:
            self.stderr.write(
                f"Nothing for “{search.corrected_from}”; showing “{search.parsed.text}”."
            )
        self.stdout.write("\n".join(str(i) for i in ids))
