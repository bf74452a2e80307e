"""Settings of the sender process in test_killed_sender: the test settings with a mail
server that can die (dying_mail_backend)."""

from tori.settings.test import *  # noqa: F403

EMAIL_BACKEND = "tests.newsletter.dying_mail_backend.EmailBackend"
