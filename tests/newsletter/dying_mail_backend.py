"""A mail server for the killed-worker test: it accepts each message by writing it to
a file in $TORI_TEST_MAILDIR, and with $TORI_DIE_AFTER=n the process dies right after
accepting the n-th one, before the sender can record that it went (the worst moment)."""

import os
from pathlib import Path

from django.core.mail.backends.base import BaseEmailBackend

_accepted = 0


class EmailBackend(BaseEmailBackend):
    def send_messages(self, messages):
        global _accepted
        folder = Path(os.environ["TORI_TEST_MAILDIR"])
        for message in messages:
            _accepted += 1
            name = f"{os.getpid()}-{_accepted}-{message.to[0]}"
            (folder / name).write_bytes(message.message().as_bytes())
            if _accepted == int(os.environ.get("TORI_DIE_AFTER", "0")):
                os._exit(9)
        return len(messages)
