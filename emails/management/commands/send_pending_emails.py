from django.core.management.base import BaseCommand

from emails.services import email_send_due


class Command(BaseCommand):
    help = (
        "Send every stored email whose next attempt is due (the background worker does "
        "this too; run it from cron when the task queue cannot defer retries)."
    )

    def handle(self, *args, **options):
        sent, waiting = email_send_due()
        self.stdout.write(f"Sent {sent} email(s); {waiting} still waiting for the mail server.")
