from django.conf import settings
from django.core.management.base import BaseCommand

from events.mailings import event_send_follow_ups, event_send_reminders


class Command(BaseCommand):
    help = (
        "Queue the events' scheduled mail (run hourly from cron): the reminder "
        "EVENT_REMINDER_HOURS before an event starts, and the thank-you after it (a "
        "webinar's waits for its recording, at most 14 days). Each goes once per event, "
        "however often this runs."
    )

    def handle(self, *args, **options):
        reminders = event_send_reminders()
        thanks = event_send_follow_ups()
        self.stdout.write(
            f"Queued {reminders} reminder(s) ({settings.EVENT_REMINDER_HOURS} hours before) "
            f"and {thanks} thank-you message(s)."
        )
