"""What each message that reaches the bounce address is, read from real samples."""

import base64

import pytest

from newsletter.bounce_reading import bounce_read
from newsletter.bounces import bounce_process
from newsletter.models import Bounce, Subscriber, SubscriberStatus
from tests.newsletter.bounce_messages import (
    TOKEN,
    UNKNOWN_TOKEN,
    bouncing_subscriber,
    names,
    sample,
)

EXPECTED = {
    # sample: (kind, status code, words of the reason)
    "postfix_user_unknown": ("hard", "5.1.1", "User unknown in virtual mailbox table"),
    "exchange_recipient_not_found": ("hard", "5.1.10", "RESOLVER.ADR.RecipientNotFound"),
    "gmail_account_disabled": ("hard", "5.2.1", "account that you tried to reach is disabled"),
    "exim_mailbox_full": ("soft", "4.2.2", "over quota"),
    "exchange_delayed": ("soft", "4.4.7", "Message delayed"),
    "qmail_failure_notice": ("hard", "550", "Requested action not taken: mailbox unavailable"),
    "unknown_token": ("hard", "5.1.1", "User unknown"),
    "out_of_office": ("ignored", "", ""),
    "mailto_unsubscribe": ("unsubscribe", "", ""),
    "garbage": ("ignored", "", ""),
}


def test_every_sample_has_an_expectation():
    assert names() == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_sample_is_classified(name):
    kind, status_code, words = EXPECTED[name]
    reading = bounce_read(sample(name))
    assert (reading.kind, reading.status_code) == (kind, status_code)
    assert words in reading.diagnostic
    if name != "garbage":
        assert reading.token == (UNKNOWN_TOKEN if name == "unknown_token" else TOKEN)


def test_the_token_is_found_in_each_recipient_header():
    # Postfix's Delivered-To, Exchange's X-Original-To, Exim's Envelope-To, or only To.
    assert bounce_read(sample("exchange_recipient_not_found")).token == TOKEN
    assert bounce_read(sample("exim_mailbox_full")).token == TOKEN
    only_to = sample("postfix_user_unknown").replace(b"Delivered-To:", b"X-Other:")
    assert bounce_read(only_to).token == TOKEN
    nowhere = only_to.replace(b"\nTo: bounces+", b"\nTo: somebody+")
    assert bounce_read(nowhere).token == ""


def test_the_reason_keeps_no_address_and_no_control_characters():
    reading = bounce_read(sample("postfix_user_unknown"))
    assert "@" not in reading.diagnostic and "maija" not in reading.diagnostic
    raw = sample("postfix_user_unknown").replace(
        b"Diagnostic-Code: smtp; 550 5.1.1",
        b"Diagnostic-Code: smtp; 550 5.1.1 \x00\x07\x1b =?utf-8?q?=E2=80=AE?=",
    )
    diagnostic = bounce_read(raw).diagnostic
    assert diagnostic.startswith("550 5.1.1 <…>: Recipient")
    assert not any(ch in diagnostic for ch in "\x00\x07\x1b\u202e")
    long = sample("postfix_user_unknown").replace(b"virtual mailbox table", b"x " * 400)
    assert len(bounce_read(long).diagnostic) == 300


def test_the_returned_copy_is_not_read_as_the_servers_answer():
    # The newsletter's own text below qmail's marker has "450" and "5.3.25" in it.
    notice = sample("qmail_failure_notice").replace(
        b"Remote host said: 550 Requested action not taken: mailbox unavailable\n", b""
    )
    assert bounce_read(notice).kind == "ignored"


def test_a_successful_delivery_report_is_no_bounce():
    delivered = sample("postfix_user_unknown").replace(b"Action: failed", b"Action: delivered")
    delivered = delivered.replace(b"Status: 5.1.1", b"Status: 2.0.0")
    assert bounce_read(delivered).kind == "ignored"


def test_a_delivery_report_sent_encoded_against_the_rfc_is_read():
    raw = sample("exim_mailbox_full")
    head, _, rest = raw.partition(b"Content-type: message/delivery-status\n\n")
    status, _, tail = rest.partition(b"\n--1741945202-eximdsn-1804289383")
    encoded = base64.encodebytes(status)
    raw = (
        head
        + b"Content-type: message/delivery-status\nContent-Transfer-Encoding: base64\n\n"
        + encoded
        + b"\n--1741945202-eximdsn-1804289383"
        + tail
    )
    assert (bounce_read(raw).kind, bounce_read(raw).status_code) == ("soft", "4.2.2")


def test_a_person_writing_to_the_bounce_address_is_ignored():
    letter = (
        b"From: Maija <maija.virtanen@kunta.example.fi>\n"
        b"To: bounces+" + TOKEN.encode() + b"@tekojentori.fi\n"
        b"Subject: Kiitos uutiskirjeesta\n\nHyva kirje! Meilla on 550 tyontekijaa.\n"
    )
    assert bounce_read(letter).kind == "ignored"


@pytest.mark.django_db
def test_processing_finds_the_subscriber_by_token():
    subscriber = bouncing_subscriber()
    assert bounce_process(sample("postfix_user_unknown"))[0] == "hard"
    assert bounce_process(sample("unknown_token"))[0] == "unknown"
    assert bounce_process(sample("out_of_office"))[0] == "ignored"
    assert bounce_process(sample("garbage"))[0] == "ignored"
    assert list(Bounce.objects.values_list("subscriber", "status_code")) == [
        (subscriber.pk, "5.1.1")
    ]


@pytest.mark.django_db
def test_the_mail_clients_unsubscribe_request_unsubscribes():
    subscriber = bouncing_subscriber()
    assert bounce_process(sample("mailto_unsubscribe"))[0] == "unsubscribed"
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.LEFT and subscriber.email == ""
    entry = subscriber.audit_entries().get(action="newsletter.unsubscribed")
    assert entry.data == {"how": "mailto"}
    # Again (the person pressed twice): nothing more happens.
    assert bounce_process(sample("mailto_unsubscribe"))[0] == "unsubscribed"
    assert Subscriber.objects.get(pk=subscriber.pk).status == SubscriberStatus.LEFT
