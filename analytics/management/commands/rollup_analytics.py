from datetime import date

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from analytics.services import analytics_prune, analytics_rollup


class Command(BaseCommand):
    help = (
        "Roll raw page views up into daily totals, then delete raw data older than "
        "ANALYTICS_RAW_DAYS and past days' salts (run hourly or at least daily from cron; "
        "safe to repeat)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--day",
            action="append",
            default=[],
            help="Recompute this day (YYYY-MM-DD; repeatable) even if it is already settled.",
        )

    def handle(self, *args, **options):
        try:
            days = [date.fromisoformat(value) for value in options["day"]]
        except ValueError as error:
            raise CommandError(f"--day must be YYYY-MM-DD: {error}") from None
        done = analytics_rollup(days or None)
        raw, salts = analytics_prune()
        self.stdout.write(
            f"Rolled up {len(done)} day(s). Deleted {raw} raw row(s) older than "
            f"{settings.ANALYTICS_RAW_DAYS} days and {salts} old salt(s)."
        )
