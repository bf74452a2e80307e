import json

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from tori.personal_data import personal_data_erase, personal_data_export


class Command(BaseCommand):
    help = (
        "Export (JSON) or erase everything stored about one email address, through every "
        "app's privacy contract (docs/privacy.md). Erasing keeps the deeds and removes the "
        "person's details from them."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "erase"])
        parser.add_argument("email")
        parser.add_argument("--yes", action="store_true", help="Erase without asking.")

    def handle(self, *args, action, email, yes, **options):
        email = email.strip()
        try:
            # Also keeps control characters (PostgreSQL rejects NUL) out of the queries.
            validate_email(email)
        except ValidationError:
            raise CommandError(f"Not an email address: {email[:100]!r}") from None
        if action == "export":
            self.stdout.write(json.dumps(personal_data_export(email), indent=2, ensure_ascii=False))
            return
        if not yes:
            raise CommandError("Erasing cannot be undone: add --yes to confirm.")
        counts = personal_data_erase(email)
        summary = ", ".join(f"{name} {count}" for name, count in counts.items())
        accounts = get_user_model().objects.filter(email__iexact=email).count()
        self.stdout.write(
            f"Erased personal data of {email}: {summary}. Accounts are kept on purpose "
            f"({accounts} with this address): staff remove an account in the admin when "
            "the person asks (docs/privacy.md)."
        )
