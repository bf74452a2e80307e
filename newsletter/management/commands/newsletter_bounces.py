"""Read the bounce mailbox: ``manage.py newsletter_bounces`` (from cron, e.g. every 15
minutes), or one saved message: ``manage.py newsletter_bounces --file message.eml``.

The mailbox is NEWSLETTER_IMAP_USER's NEWSLETTER_IMAP_FOLDER on NEWSLETTER_IMAP_HOST,
over TLS (port 993), or STARTTLS on port 143; reading is off while the host is empty.
Each unread message is fetched without marking it read, processed
(newsletter/bounces.py), then marked:

- a bounce recorded or an unsubscription done: deleted. Its figures are in the
  ``Bounce`` row, which the newsletter's retention job prunes; the message itself would
  keep the address in the mailbox for good.
- ignored (auto-replies, people writing to the address, unrecognised formats) or for an
  unknown subscriber: marked read and kept, for a person to look at.
- failed (the database was down, or a bug): left unread, so the next run tries again.
  A failing message does not stop the others.
"""

import imaplib
import logging
import ssl
from collections import Counter
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from newsletter.bounces import OUTCOMES, bounce_process

logger = logging.getLogger(__name__)

# Outcomes whose message is deleted once processed (see above).
DELETED = {"hard", "soft", "unsubscribed"}
IMAP_ERROR = imaplib.IMAP4.error
STARTTLS_PORT = 143
TIMEOUT = 60


def connect():
    host, port = settings.NEWSLETTER_IMAP_HOST, settings.NEWSLETTER_IMAP_PORT
    context = ssl.create_default_context()
    if port == STARTTLS_PORT:
        client = imaplib.IMAP4(host, port, timeout=TIMEOUT)
        client.starttls(ssl_context=context)
        return client
    return imaplib.IMAP4_SSL(host, port, ssl_context=context, timeout=TIMEOUT)


def message_bytes(fetched):
    """The message of an IMAP FETCH answer: the literal of its first item."""
    for item in fetched or ():
        if isinstance(item, tuple) and len(item) > 1:
            return item[1]
    return None


class Command(BaseCommand):
    help = (
        "Read bounces, auto-replies and unsubscribe requests from the newsletter's bounce"
        " mailbox (NEWSLETTER_IMAP_*), or from one saved message with --file."
    )

    def add_arguments(self, parser):
        parser.add_argument("--file", help="Process this one message (.eml) instead.")

    def handle(self, *args, file=None, **options):
        if file:
            return self.one_file(Path(file))
        if not settings.NEWSLETTER_IMAP_HOST:
            self.stdout.write("Reading bounces is off: NEWSLETTER_IMAP_HOST is empty.")
            return
        try:
            counts = self.read_mailbox()
        except (IMAP_ERROR, OSError) as error:
            raise CommandError(f"The bounce mailbox could not be read: {error}") from error
        self.stdout.write(self.summary(counts))

    def one_file(self, path):
        try:
            raw = path.read_bytes()
        except OSError as error:
            raise CommandError(f"{path}: {error.strerror or error}") from error
        outcome, reading = bounce_process(raw)
        details = " ".join(
            filter(
                None, [reading.status_code, reading.diagnostic, reading.why and f"({reading.why})"]
            )
        )
        self.stdout.write(f"{path.name}: {outcome}" + (f": {details}" if details else ""))

    def read_mailbox(self):
        counts = Counter()
        client = connect()
        try:
            client.login(settings.NEWSLETTER_IMAP_USER, settings.NEWSLETTER_IMAP_PASSWORD)
            status, _data = client.select(settings.NEWSLETTER_IMAP_FOLDER)
            if status != "OK":
                raise CommandError(f"No folder {settings.NEWSLETTER_IMAP_FOLDER!r} in the mailbox.")
            status, data = client.uid("SEARCH", None, "UNSEEN")
            uids = data[0].split() if status == "OK" and data and data[0] else []
            deleted = False
            for uid in uids:
                outcome = self.one_message(client, uid)
                counts[outcome] += 1
                if outcome in DELETED:
                    client.uid("STORE", uid, "+FLAGS", "(\\Seen \\Deleted)")
                    deleted = True
                elif outcome != "failed":
                    client.uid("STORE", uid, "+FLAGS", "(\\Seen)")
            if deleted:
                client.expunge()
        finally:
            try:
                client.logout()
            except (IMAP_ERROR, OSError):
                pass
        return counts

    def one_message(self, client, uid):
        """Process one message; "failed" when it could not be, which leaves it unread."""
        # BODY.PEEK: fetching does not mark it read; that waits until it is processed.
        status, fetched = client.uid("FETCH", uid, "(BODY.PEEK[])")
        raw = message_bytes(fetched) if status == "OK" else None
        if raw is None:
            logger.warning("Bounce mailbox: message %s could not be fetched.", uid)
            return "failed"
        try:
            outcome, _reading = bounce_process(raw)
        except Exception:
            # One message must not stop the rest; it is tried again on the next run.
            logger.exception("Bounce mailbox: message %s could not be processed.", uid)
            return "failed"
        return outcome

    def summary(self, counts):
        total = sum(counts.values())
        parts = ", ".join(f"{outcome} {counts[outcome]}" for outcome in (*OUTCOMES, "failed"))
        return f"Read {total} message{'' if total == 1 else 's'}: {parts}."
