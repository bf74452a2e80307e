import sys
import time

from django.core.management.base import BaseCommand

from search.indexing import search_rebuild


class Command(BaseCommand):
    help = "Rebuild the search index from all published deeds."

    def handle(self, *args, **options):
        started = time.perf_counter()
        show = options["verbosity"] > 0
        err = self.stderr

        def progress(done, total):
            if not show:
                return
            width = 30
            filled = width * done // max(total, 1)
            rate = done / max(time.perf_counter() - started, 1e-9)
            err.write(
                f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} deeds, {rate:.0f}/s",
                ending="",
            )
            if hasattr(sys.stderr, "flush"):
                sys.stderr.flush()

        done = search_rebuild(progress=progress)
        seconds = time.perf_counter() - started
        if show:
            err.write("")
        self.stdout.write(
            f"Indexed {done} published deeds in {seconds:.1f} s "
            f"({done / max(seconds, 1e-9):.0f} deeds/s)."
        )
