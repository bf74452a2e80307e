"""Local development: the embedded SQLite database, debug pages, mail to the console."""

from .base import *  # noqa: F403
from .env import env_bool, env_str

DEBUG = env_bool("DEBUG", True)
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
SERVE_MEDIA = True
# The seeded dev admin signs in with the password alone, so that the screenshot tool
# and a first look need no phone; STAFF_REQUIRE_SECOND_FACTOR=1 turns the step on.
STAFF_REQUIRE_SECOND_FACTOR = env_bool("STAFF_REQUIRE_SECOND_FACTOR", False)
