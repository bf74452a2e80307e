"""Subscribing, confirming, changing and leaving, through the services."""

import time
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command

from audit.models import AuditEntry
from emails.models import OutgoingEmail
from newsletter.models import Subscriber, SubscriberStatus, address_hash
from newsletter.services import (
    SubscriberError,
    subscriber_by_token,
    subscriber_change,
    subscriber_confirm,
    subscriber_reinstate,
    subscriber_set_aside,
    subscriber_subscribe,
    subscriber_token,
    subscriber_unsubscribe,
)
from taxonomy.models import Sector, Theme
from tests.newsletter.factories import subscribed

pytestmark = pytest.mark.django_db


def subscribe(email, **choices):
    subscriber_subscribe(email=email, language="fi", consent="2026-12-02", **choices)


def test_nothing_but_the_confirmation_is_sent_until_it_is_confirmed():
    subscribe("uusi@example.com")
    subscriber = Subscriber.objects.get()
    assert subscriber.status == SubscriberStatus.PENDING and subscriber.confirmed_at is None
    [confirmation] = OutgoingEmail.objects.all()
    assert confirmation.subject == "Vahvista Tekojen torin uutiskirjeen tilaus"
    assert subscriber_token(subscriber) in confirmation.body_text
    assert subscriber_by_token(subscriber_token(subscriber)) == subscriber
    assert subscriber_confirm(subscriber) is True
    assert subscriber_confirm(subscriber) is False  # the link opened twice
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.CONFIRMED


def test_subscribing_a_subscribed_address_changes_nothing_and_sends_a_note():
    theme = Theme.objects.first()
    subscriber = subscribed("Vanha@Example.com", themes=[theme])
    sent = OutgoingEmail.objects.count()
    subscribe(" vanha@example.COM ", wants_newsletter=False, sectors=[Sector.objects.first()])
    subscriber.refresh_from_db()
    assert Subscriber.objects.count() == 1
    assert subscriber.wants_newsletter and list(subscriber.themes.all()) == [theme]
    assert not subscriber.sectors.exists()
    [note] = OutgoingEmail.objects.order_by("pk")[sent:]
    assert note.subject == "Tilaat jo Tekojen torin uutiskirjeen"
    assert "/uutiskirje/asetukset/" in note.body_text


def test_an_address_gets_at_most_three_messages_an_hour_from_the_form(settings):
    for _ in range(5):
        subscribe("toistuva@example.com")
    assert OutgoingEmail.objects.count() == settings.NEWSLETTER_MAILS_PER_ADDRESS_HOUR == 3
    assert Subscriber.objects.count() == 1


def test_choosing_nothing_is_refused():
    with pytest.raises(SubscriberError, match="vähintään yksi aihe"):
        subscribe("tyhja@example.com", wants_newsletter=False)
    assert not Subscriber.objects.exists()


def test_leaving_keeps_no_address_but_the_dates_and_a_hash():
    subscriber = subscribed("lahtija@example.com")
    assert subscriber_unsubscribe(subscriber) is True
    assert subscriber_unsubscribe(subscriber) is False  # idempotent
    subscriber.refresh_from_db()
    assert subscriber.email == "" and subscriber.status == SubscriberStatus.LEFT
    assert subscriber.left_hash == address_hash("LAHTIJA@example.com")
    assert subscriber.confirmed_at and subscriber.left_at
    with pytest.raises(SubscriberError):
        subscriber_confirm(subscriber)
    # Subscribing again is a new subscription, confirmed anew.
    subscribe("lahtija@example.com")
    assert Subscriber.objects.filter(status=SubscriberStatus.PENDING).count() == 1


def test_an_unconfirmed_subscription_that_leaves_is_deleted():
    subscribe("kokeilija@example.com")
    subscriber_unsubscribe(Subscriber.objects.get())
    assert not Subscriber.objects.exists()


def test_changing_topics_and_language():
    subscriber = subscribed("muuttaja@example.com")
    sector = Sector.objects.first()
    subscriber_change(
        subscriber, language="sv", wants_newsletter=False, sectors=[sector], themes=[], regions=[]
    )
    subscriber.refresh_from_db()
    assert subscriber.language == "sv" and not subscriber.wants_newsletter
    assert list(subscriber.sectors.all()) == [sector]
    with pytest.raises(SubscriberError):
        subscriber_change(
            subscriber, language="fi", wants_newsletter=False, sectors=[], themes=[], regions=[]
        )
    assert AuditEntry.objects.filter(action="newsletter.preferences_changed").count() == 1


def test_set_aside_and_reinstated(staff_user):
    subscriber = subscribed("pomppaava@example.com")
    subscriber_set_aside(subscriber, reason="5.1.1 user unknown")
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.SET_ASIDE and subscriber.left_at
    with pytest.raises(SubscriberError):
        subscriber_set_aside(subscriber, reason="again")
    subscriber_reinstate(subscriber, actor=staff_user)
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.CONFIRMED and subscriber.left_at is None


def test_unconfirmed_subscriptions_are_deleted_after_a_week_by_prune(settings):
    subscribe("unohtaja@example.com")
    subscribed("vahvistaja@example.com")
    with time_machine.travel(time.time() + 6 * 86400):
        call_command("prune", stdout=StringIO())
        assert Subscriber.objects.count() == 2
    with time_machine.travel(time.time() + 8 * 86400):
        out = StringIO()
        call_command("prune", stdout=out)
    assert "unconfirmed newsletter subscriptions 1" in out.getvalue()
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["vahvistaja@example.com"]


def test_export_and_erasure_find_the_subscriber_also_after_leaving():
    subscriber = subscribed("poistettava@example.com")
    subscriber_unsubscribe(subscriber)
    out = StringIO()
    call_command("personal_data", "export", "Poistettava@example.com", stdout=out)
    assert '"status": "left"' in out.getvalue()
    call_command("personal_data", "erase", "poistettava@example.com", "--yes", stdout=StringIO())
    assert not Subscriber.objects.exists()


def test_a_link_with_a_new_salt_or_forged_signature_opens_nothing():
    subscriber = subscribed("linkki@example.com")
    token = subscriber_token(subscriber)
    assert subscriber_by_token(token[:-1] + ("0" if token[-1] != "0" else "1")) is None
    assert subscriber_by_token("x" + token) is None
    assert subscriber_by_token(f"{subscriber.pk + 1}.{token.split('.')[1]}") is None
