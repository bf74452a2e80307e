import signal
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from newsletter.sending import newsletter_tick


class Command(BaseCommand):
    help = (
        "Send the newsletter (cron every minute, or --loop under a supervisor): start the "
        "scheduled issues that are due, write their copies in batches, and send at most "
        "NEWSLETTER_RATE_PER_MINUTE a minute. Stopping it at any point loses nothing and "
        "sends nobody a copy twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--loop", action="store_true", help="Keep running, one round every few seconds."
        )
        parser.add_argument("--pause", type=float, default=5.0, help="Seconds between rounds.")

    def handle(self, *args, loop=False, pause=5.0, **options):
        stopping = []
        if loop:
            # A supervisor's SIGTERM ends the loop between rounds, not inside a batch.
            signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
        while True:
            report = newsletter_tick()
            if report.started or report.queued or report.sent or report.failed or not loop:
                self.stdout.write(
                    f"Started {len(report.started)} issue(s), wrote {report.queued} "
                    f"copies, sent {report.sent}, failed {report.failed}, finished "
                    f"{len(report.finished)}, gave up {report.expired} interrupted."
                )
            if not loop or stopping:
                return
            close_old_connections()
            for _ in range(int(pause * 10)):
                if stopping:
                    return
                time.sleep(0.1)
