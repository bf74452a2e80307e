"""Create a known staff account for local development (refused unless DEBUG is on)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Create a development superuser if it does not exist (DEBUG only)."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("password")

    def handle(self, *args, email, password, **options):
        if not settings.DEBUG:
            raise CommandError("Refusing to create a known password outside development.")
        user_model = get_user_model()
        if not user_model.objects.filter(email=email).exists():
            user_model.objects.create_superuser(email=email, password=password)
            self.stdout.write(f"Created the development admin {email}.")
