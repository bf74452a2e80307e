from django.conf import settings
from django.core.management.base import BaseCommand

from feedback.privacy import feedback_prune


class Command(BaseCommand):
    help = "Delete feedback older than FEEDBACK_RETENTION_DAYS (run daily from cron)."

    def handle(self, *args, **options):
        count = feedback_prune()
        self.stdout.write(
            f"Deleted {count} feedback message(s) older than "
            f"{settings.FEEDBACK_RETENTION_DAYS} days."
        )
