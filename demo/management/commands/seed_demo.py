"""Fill the database with fictional but realistic deeds for demos and benchmarks."""

import time

from django.core.management.base import BaseCommand, CommandError

from demo.coaching import clear_coaching, seed_coaching
from demo.events import clear_events, seed_events
from demo.generator import DemoError, seed
from demo.newsletter import clear_newsletter, seed_newsletter
from demo.plan import DEFAULT_DEEDS
from demo.recognition import clear_galas, seed_recognition

# The programme services' demos, each seeded after the deeds unless skipped.
OPTIONAL_PARTS = ("events", "newsletter", "coaching")


class Command(BaseCommand):
    help = (
        "Create demo organisations and deeds (Finnish and Swedish, 2015–2026) following the "
        "programme's reported distributions. Deterministic for a given --seed. Refuses to run "
        "when deeds exist unless --clear is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--deeds", type=int, default=DEFAULT_DEEDS, help="How many deeds (default %(default)s)."
        )
        parser.add_argument(
            "--organisations",
            type=int,
            default=140,
            help="How many organisations (default %(default)s).",
        )
        parser.add_argument(
            "--seed", type=int, default=2026, help="Random seed (default %(default)s)."
        )
        parser.add_argument(
            "--no-search-index",
            action="store_true",
            help="Skip building the search index (rebuild_search_index does it later).",
        )
        parser.add_argument(
            "--skip",
            action="append",
            choices=OPTIONAL_PARTS,
            default=[],
            help="Leave out a programme service's demo (repeatable): the deeds, "
            "organisations and recognition are always seeded. Quicker for work on the "
            "catalogue.",
        )
        parser.add_argument(
            "--clear",
            action="store_true",
            help="Delete all deeds and the demo organisations first.",
        )

    def handle(self, *args, **options):
        if options["clear"]:
            clear_galas()
            clear_events()
            clear_coaching()
            clear_newsletter()
        try:
            summary = seed(
                deeds=options["deeds"],
                organisations_count=options["organisations"],
                seed_value=options["seed"],
                clear=options["clear"],
                index_search=not options["no_search_index"],
            )
        except DemoError as error:
            raise CommandError(str(error)) from error
        if options["clear"]:
            self.stdout.write(
                f"Deleted {summary.cleared[0]} deeds and {summary.cleared[1]} demo organisations."
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {summary.organisations} organisations and {summary.deeds} deeds "
                f"({summary.published} published, {summary.swedish} in Swedish) "
                f"in {summary.seconds:.1f} s."
            )
        )
        leaders = ", ".join(f"{name} {count}" for name, count in summary.leaders)
        self.stdout.write(f"Most published deeds by home municipality: {leaders}.")
        campaigns = seed_recognition()
        self.stdout.write(f"Created {len(campaigns)} campaigns with their results.")
        skip = set(options["skip"])
        started = time.monotonic()
        if "events" not in skip:
            events = seed_events(seed_value=options["seed"])
            self.stdout.write(
                f"Created {events.events} events with {events.registrations} registrations "
                f"in {time.monotonic() - started:.1f} s."
            )
        started = time.monotonic()
        newsletter = None if "newsletter" in skip else seed_newsletter(seed_value=options["seed"])
        if newsletter:
            self.stdout.write(
                f"Created {newsletter.subscribers} newsletter subscribers "
                f"({newsletter.confirmed} subscribed now) and {newsletter.issues} sent issues "
                f"in {time.monotonic() - started:.1f} s."
            )
        started = time.monotonic()
        coaching = None if "coaching" in skip else seed_coaching(seed_value=options["seed"])
        if coaching:
            self.stdout.write(
                f"Created {coaching.experts} coaching experts and {coaching.applications} "
                f"applications ({coaching.realised_2021} coachings realised in 2021) "
                f"in {time.monotonic() - started:.1f} s."
            )
