from django.core.management.base import BaseCommand

from tori.personal_data import personal_data_prune


class Command(BaseCommand):
    help = (
        "Run every app's retention job (abandoned drafts, old emails, feedback, raw visitor "
        "figures…; docs/privacy.md) and print what each removed. Run daily from cron; safe "
        "to repeat."
    )

    def handle(self, *args, **options):
        for contract, counts in personal_data_prune().items():
            # Zeros too: the cron log then shows that each job ran.
            if counts:
                summary = ", ".join(f"{what} {count}" for what, count in counts.items())
                self.stdout.write(f"{contract}: deleted {summary}.")
