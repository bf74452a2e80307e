from django.conf import settings
from django.core.management.base import BaseCommand

from coaching.feedback import feedback_due_run
from coaching.webhooks import webhooks_retry_due


class Command(BaseCommand):
    help = (
        "Coaching's scheduled work (run hourly from cron): open the feedback "
        "COACHING_FEEDBACK_DAYS after a coaching's last session and remind the contact "
        "once COACHING_FEEDBACK_REMINDER_DAYS later; post the CRM webhook's announcements "
        "whose next try is due. Each mail goes once, however often this runs."
    )

    def handle(self, *args, **options):
        opened, reminded = feedback_due_run()
        delivered = webhooks_retry_due()
        self.stdout.write(
            f"Opened feedback on {opened} coaching(s) "
            f"({settings.COACHING_FEEDBACK_DAYS} days after the last session), "
            f"sent {reminded} reminder(s) and delivered {delivered} webhook announcement(s)."
        )
