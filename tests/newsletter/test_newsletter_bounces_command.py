"""``manage.py newsletter_bounces``: the mailbox is a test double serving the sample
messages; what they are is read for real."""

import imaplib
import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from newsletter.management.commands import newsletter_bounces
from newsletter.models import Bounce, SubscriberStatus
from tests.newsletter.bounce_messages import FOLDER, bouncing_subscriber, names, sample

pytestmark = pytest.mark.django_db


class FakeMailbox:
    """The few IMAP4 commands the command uses, over messages kept in memory."""

    error = imaplib.IMAP4.error  # as the real classes have it
    instances = []
    messages = {}  # uid -> raw message, set by the tests
    fail_fetch = set()
    refuse_login = False

    def __init__(self, host, port, *, ssl_context=None, timeout=None):
        self.host, self.port, self.ssl_context = host, port, ssl_context
        self.flags = {uid: set() for uid in self.messages}
        self.calls = []
        self.expunged = []
        self.logged_out = False
        FakeMailbox.instances.append(self)

    def starttls(self, ssl_context=None):
        self.calls.append("STARTTLS")

    def login(self, user, password):
        if self.refuse_login:
            raise self.error("[AUTHENTICATIONFAILED] Invalid credentials")
        self.calls.append(("LOGIN", user, password))

    def select(self, folder):
        self.calls.append(("SELECT", folder))
        return ("OK", [str(len(self.messages)).encode()]) if folder == "INBOX" else ("NO", [b""])

    def uid(self, command, *args):
        if command == "SEARCH":
            assert args == (None, "UNSEEN")
            unseen = [uid for uid in sorted(self.messages) if "\\Seen" not in self.flags[uid]]
            return "OK", [b" ".join(str(uid).encode() for uid in unseen)]
        uid = int(args[0])
        if command == "FETCH":
            assert args[1] == "(BODY.PEEK[])"  # fetching alone must not mark it read
            if uid in self.fail_fetch:
                return "NO", [b"Message is gone"]
            raw = self.messages[uid]
            return "OK", [(f"{uid} (UID {uid} BODY[] {{{len(raw)}}}".encode(), raw), b")"]
        if command == "STORE":
            assert args[1] == "+FLAGS"
            self.flags[uid].update(re.findall(r"\\\w+", args[2]))
            return "OK", [b""]
        raise AssertionError(command)

    def expunge(self):
        self.expunged = [uid for uid, flags in self.flags.items() if "\\Deleted" in flags]
        return "OK", [str(uid).encode() for uid in self.expunged]

    def logout(self):
        self.logged_out = True


@pytest.fixture
def mailbox(settings, monkeypatch):
    settings.NEWSLETTER_IMAP_HOST = "imap.example.fi"
    settings.NEWSLETTER_IMAP_PORT = 993
    settings.NEWSLETTER_IMAP_USER = "bounces@tekojentori.fi"
    settings.NEWSLETTER_IMAP_PASSWORD = "salasana"
    settings.NEWSLETTER_IMAP_FOLDER = "INBOX"
    FakeMailbox.instances = []
    FakeMailbox.messages = {n: sample(name) for n, name in enumerate(names(), start=1)}
    FakeMailbox.fail_fetch = set()
    FakeMailbox.refuse_login = False
    monkeypatch.setattr(imaplib, "IMAP4_SSL", FakeMailbox)
    monkeypatch.setattr(imaplib, "IMAP4", FakeMailbox)
    return FakeMailbox


def run(*args):
    out = StringIO()
    call_command("newsletter_bounces", *args, stdout=out)
    return out.getvalue()


def uid_of(name):
    return names().index(name) + 1


def test_off_while_no_mailbox_is_set(settings, monkeypatch):
    settings.NEWSLETTER_IMAP_HOST = ""

    def no_connection(*args, **kwargs):
        raise AssertionError("connected")

    monkeypatch.setattr(imaplib, "IMAP4_SSL", no_connection)
    assert run() == "Reading bounces is off: NEWSLETTER_IMAP_HOST is empty.\n"


def test_reads_every_unread_message_and_counts_what_each_was(mailbox):
    subscriber = bouncing_subscriber()
    output = run()
    assert output == (
        "Read 10 messages: hard 4, soft 2, unsubscribed 1, ignored 2, unknown 1, failed 0.\n"
    )
    [connection] = mailbox.instances
    assert (connection.host, connection.port) == ("imap.example.fi", 993)
    assert connection.ssl_context is not None
    assert connection.calls[:2] == [
        ("LOGIN", "bounces@tekojentori.fi", "salasana"),
        ("SELECT", "INBOX"),
    ]
    assert connection.logged_out
    # Recorded bounces and the unsubscription are deleted; the rest kept as read.
    handled = {
        "postfix_user_unknown",
        "exchange_recipient_not_found",
        "gmail_account_disabled",
        "qmail_failure_notice",
        "exim_mailbox_full",
        "exchange_delayed",
        "mailto_unsubscribe",
    }
    assert sorted(connection.expunged) == sorted(uid_of(name) for name in handled)
    for name in ("out_of_office", "garbage", "unknown_token"):
        assert connection.flags[uid_of(name)] == {"\\Seen"}
    assert Bounce.objects.filter(subscriber=subscriber).count() == 6
    subscriber.refresh_from_db()
    # In name order the samples set the address aside (two hard, two soft bounces),
    # then its unsubscribe request ended it; later bounces were kept, not counted.
    assert subscriber.status == SubscriberStatus.LEFT
    assert subscriber.audit_entries().filter(action="newsletter.set_aside").count() == 1


def test_a_message_that_fails_stays_unread_and_the_others_are_read(mailbox, monkeypatch):
    bouncing_subscriber()
    mailbox.fail_fetch = {uid_of("exim_mailbox_full")}
    real = newsletter_bounces.bounce_process

    def process(raw):
        if raw == sample("gmail_account_disabled"):
            raise RuntimeError("the database went away")
        return real(raw)

    monkeypatch.setattr(newsletter_bounces, "bounce_process", process)
    assert run() == (
        "Read 10 messages: hard 3, soft 1, unsubscribed 1, ignored 2, unknown 1, failed 2.\n"
    )
    flags = mailbox.instances[0].flags
    assert flags[uid_of("exim_mailbox_full")] == set()
    assert flags[uid_of("gmail_account_disabled")] == set()
    assert Bounce.objects.count() == 4


def test_port_143_starts_tls_before_signing_in(mailbox, settings):
    settings.NEWSLETTER_IMAP_PORT = 143
    mailbox.messages = {}
    assert run() == (
        "Read 0 messages: hard 0, soft 0, unsubscribed 0, ignored 0, unknown 0, failed 0.\n"
    )
    assert mailbox.instances[0].calls[0] == "STARTTLS"


def test_a_refused_sign_in_or_a_missing_folder_is_a_clear_error(mailbox, settings):
    mailbox.refuse_login = True
    with pytest.raises(CommandError, match="could not be read: .*Invalid credentials"):
        run()
    assert mailbox.instances[-1].logged_out
    mailbox.refuse_login = False
    settings.NEWSLETTER_IMAP_FOLDER = "Bounces"
    with pytest.raises(CommandError, match="No folder 'Bounces'"):
        run()


def test_one_saved_message_with_file(settings):
    settings.NEWSLETTER_IMAP_HOST = ""  # --file needs no mailbox
    subscriber = bouncing_subscriber()
    output = run("--file", str(FOLDER / "exchange_recipient_not_found.eml"))
    assert output.startswith("exchange_recipient_not_found.eml: hard: 5.1.10 550 5.1.10 RESOLVER")
    assert subscriber.bounces.count() == 1
    assert run("--file", str(FOLDER / "out_of_office.eml")) == (
        "out_of_office.eml: ignored: (auto-reply)\n"
    )
    with pytest.raises(CommandError, match="nothing.eml"):
        run("--file", str(FOLDER / "nothing.eml"))
