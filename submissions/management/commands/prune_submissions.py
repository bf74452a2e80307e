from django.conf import settings
from django.core.management.base import BaseCommand

from submissions.privacy import submissions_prune


class Command(BaseCommand):
    help = "Delete abandoned drafts and old delivered emails (run daily from cron)."

    def handle(self, *args, **options):
        drafts, emails = submissions_prune()
        self.stdout.write(
            f"Deleted {drafts} draft(s) untouched for {settings.SUBMISSION_DRAFT_DAYS} days "
            f"and {emails} old email(s)."
        )
