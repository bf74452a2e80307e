from django.conf import settings
from django.core.management.base import BaseCommand

from emails.privacy import emails_prune
from submissions.privacy import submissions_prune


class Command(BaseCommand):
    # Kept for existing crontabs; `manage.py prune` runs this and every other app's
    # retention job (docs/privacy.md).
    help = "Delete abandoned drafts and old delivered emails (superseded by `prune`)."

    def handle(self, *args, **options):
        drafts, emails = submissions_prune(), emails_prune()
        self.stdout.write(
            f"Deleted {drafts} draft(s) untouched for {settings.SUBMISSION_DRAFT_DAYS} days "
            f"and {emails} old email(s)."
        )
