"""The subscriber's secret links: confirming, preferences and unsubscribing, the
one-click unsubscribe of mail clients (RFC 8058), and links that do not work."""

import re

import pytest
from django.core import mail
from django.test import Client

from audit.models import AuditEntry
from newsletter.issue_services import issue_schedule
from newsletter.models import Subscriber, SubscriberStatus, address_hash
from newsletter.sending import newsletter_tick
from newsletter.services import subscriber_set_aside, subscriber_token
from organisations.models import Region
from taxonomy.models import Sector, Theme
from tests.newsletter.factories import draft_issue, subscribed

pytestmark = pytest.mark.django_db


def url(kind, reader, prefix=""):
    return f"{prefix}/uutiskirje/{kind}/{subscriber_token(reader)}/"


def assert_private(response):
    assert response["Cache-Control"] == "no-store, private"
    assert response["Referrer-Policy"] == "same-origin"
    assert '<meta name="robots" content="noindex">' in response.content.decode()


# --- Confirming ------------------------------------------------------------------------


def test_opening_the_confirmation_link_does_not_confirm(client):
    reader = subscribed(confirm=False)
    response = client.get(url("vahvista", reader))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vahvista tilaus" in html and 'method="post"' in html
    assert_private(response)
    client.head(url("vahvista", reader))
    reader.refresh_from_db()
    assert reader.status == SubscriberStatus.PENDING


def test_confirming_needs_the_pages_csrf_token():
    reader = subscribed(confirm=False)
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(url("vahvista", reader)).status_code == 403
    page = strict.get(url("vahvista", reader)).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = strict.post(url("vahvista", reader), {"csrfmiddlewaretoken": token})
    assert response.status_code == 303
    reader.refresh_from_db()
    assert reader.status == SubscriberStatus.CONFIRMED


def test_confirming_leads_to_the_preferences_with_a_welcome(client):
    reader = subscribed(confirm=False)
    response = client.post(url("vahvista", reader), follow=True)
    html = response.content.decode()
    assert response.redirect_chain == [(url("asetukset", reader), 303)]
    assert "Tilauksesi on vahvistettu" in html
    assert 'id="subscription-status">Tilattu<' in html
    # Again: already confirmed, nothing changes; the link opens the preferences.
    again = client.post(url("vahvista", reader), follow=True)
    assert "Tilauksesi oli jo vahvistettu." in again.content.decode()
    assert client.get(url("vahvista", reader))["Location"] == url("asetukset", reader)


def test_a_set_aside_address_can_start_again(client):
    reader = subscribed()
    subscriber_set_aside(reader, reason="5.1.1 User unknown")
    html = client.get(url("asetukset", reader)).content.decode()
    assert "Lähettäminen on keskeytetty" in html
    client.post(url("vahvista", reader))
    reader.refresh_from_db()
    assert reader.status == SubscriberStatus.CONFIRMED


@pytest.mark.parametrize("kind", ["vahvista", "asetukset", "lopeta"])
@pytest.mark.parametrize(
    "token", ["1.abc", "x", "999999999999999999.0", "1" * 19 + ".a", "１.a", "a\x00b"]
)
def test_a_link_that_does_not_work_says_so(client, kind, token):
    subscribed()
    for response in (
        client.get(f"/uutiskirje/{kind}/{token}/"),
        client.post(f"/uutiskirje/{kind}/{token}/"),
    ):
        assert response.status_code == 404
        html = response.content.decode()
        assert "Linkki ei ole voimassa tai se on vanhentunut." in html
        assert 'href="/uutiskirje/"' in html


def test_an_old_link_stops_working_when_the_salt_changes(client):
    reader = subscribed()
    old = url("asetukset", reader)
    Subscriber.objects.filter(pk=reader.pk).update(link_salt="uusi")
    assert client.get(old).status_code == 404


# --- Preferences -----------------------------------------------------------------------


def test_changing_the_topics_and_language(client):
    reader = subscribed()
    response = client.get(url("asetukset", reader))
    html = response.content.decode()
    assert response.status_code == 200
    assert reader.email in html
    assert f'href="{url("lopeta", reader)}"' in html
    assert_private(response)
    sector, theme = Sector.objects.active()[2], Theme.objects.active()[1]
    region = Region.objects.get(code="01")
    response = client.post(
        url("asetukset", reader),
        {"language": "en", "sectors": [sector.pk], "themes": [theme.pk], "regions": [region.pk]},
    )
    assert response.status_code == 303
    assert response["Location"] == url("asetukset", reader)
    reader.refresh_from_db()
    assert reader.language == "en" and not reader.wants_newsletter
    assert list(reader.sectors.all()) == [sector] and list(reader.themes.all()) == [theme]
    assert list(reader.regions.all()) == [region]
    assert AuditEntry.objects.filter(action="newsletter.preferences_changed").exists()
    html = client.get(response["Location"]).content.decode()
    assert "Valintasi on tallennettu." in html
    assert re.search(rf'name="sectors" value="{sector.pk}" id="id_sectors_\d+" checked', html)
    assert re.search(r'value="en" id="id_language_2" required checked', html)


@pytest.mark.parametrize(
    "values",
    [
        {"language": "fi"},
        {"language": "xx", "wants_newsletter": "on"},
        {"language": "fi", "sectors": ["abc"]},
        {"language": "fi", "regions": ["99999999999999999999"]},
    ],
)
def test_bad_preferences_change_nothing(client, values):
    reader = subscribed(language="sv")
    response = client.post(url("asetukset", reader), values)
    assert response.status_code == 400
    assert 'id="error-summary"' in response.content.decode()
    reader.refresh_from_db()
    assert reader.language == "sv" and reader.wants_newsletter


def test_a_waiting_subscriber_sees_it_is_not_confirmed_yet(client):
    reader = subscribed(confirm=False)
    html = client.get(url("asetukset", reader)).content.decode()
    assert "Ei vielä vahvistettu" in html
    assert f'action="{url("vahvista", reader)}"' in html


def test_an_ended_subscription_offers_to_subscribe_again(client):
    reader = subscribed()
    client.post(url("lopeta", reader))
    for kind in ("vahvista", "asetukset"):
        for response in (client.get(url(kind, reader)), client.post(url(kind, reader))):
            html = response.content.decode()
            assert "Tilaus on päättynyt" in html and 'href="/uutiskirje/"' in html
    reader.refresh_from_db()
    assert reader.status == SubscriberStatus.LEFT


# --- Unsubscribing ---------------------------------------------------------------------


def test_opening_the_unsubscribe_link_asks_first(client):
    reader = subscribed()
    response = client.get(url("lopeta", reader))
    assert response.status_code == 200
    assert "Lopeta tilaus" in response.content.decode()
    assert_private(response)
    reader.refresh_from_db()
    assert reader.status == SubscriberStatus.CONFIRMED


def test_unsubscribing_on_the_page_deletes_the_address(client):
    reader = subscribed("lahtija@example.fi")
    for _ in range(2):  # a second press answers the same
        response = client.post(url("lopeta", reader), {"action": "unsubscribe"})
        html = response.content.decode()
        assert response.status_code == 200
        assert "Olet lopettanut tilauksen" in html and 'href="/uutiskirje/"' in html
    reader.refresh_from_db()
    assert reader.status == SubscriberStatus.LEFT and reader.email == ""
    assert reader.left_hash == address_hash("lahtija@example.fi")
    assert AuditEntry.objects.filter(action="newsletter.unsubscribed").count() == 1
    assert "Olet lopettanut tilauksen" in client.get(url("lopeta", reader)).content.decode()


def one_click(client, path, **extra):
    """The request a mail client sends (RFC 8058 §3.2): a POST of the form body
    "List-Unsubscribe=One-Click", without cookies or a CSRF token."""
    return client.generic(
        "POST",
        path,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
        **extra,
    )


def test_one_click_unsubscribe_from_an_issues_header():
    reader = subscribed("lukija@example.fi", language="sv")
    issue_schedule(draft_issue(), actor=None)
    newsletter_tick()
    header = mail.outbox[-1].extra_headers["List-Unsubscribe"]
    https = re.search(r"<(https?://[^>]+)>", header).group(1)
    path = "/" + https.split("/", 3)[3]
    mail_client = Client(enforce_csrf_checks=True)
    for _ in range(2):  # idempotent
        response = one_click(mail_client, path)
        assert response.status_code == 200
        assert response["Content-Type"] == "text/plain; charset=utf-8"
        assert len(response.content) < 200
        assert not response.cookies
    reader.refresh_from_db()
    assert reader.status == SubscriberStatus.LEFT
    assert reader.email == "" and not Subscriber.objects.for_address("lukija@example.fi").exists()
    entry = AuditEntry.objects.get(action="newsletter.unsubscribed")
    assert entry.data == {"how": "one-click"}


def test_one_click_as_multipart_form_data():
    reader = subscribed()
    response = Client(enforce_csrf_checks=True).post(
        url("lopeta", reader), {"List-Unsubscribe": "One-Click"}
    )  # the test client's default: multipart/form-data
    assert response.status_code == 200
    reader.refresh_from_db()
    assert reader.status == SubscriberStatus.LEFT


def test_one_click_with_a_link_that_does_not_work_is_not_found():
    subscribed()
    response = one_click(Client(enforce_csrf_checks=True), "/uutiskirje/lopeta/1.vaara/")
    assert response.status_code == 404
    assert Subscriber.objects.get().status == SubscriberStatus.CONFIRMED


def test_unsubscribing_before_confirming_deletes_the_subscription(client):
    reader = subscribed(confirm=False)
    response = client.post(url("lopeta", reader))
    assert response.status_code == 200
    assert not Subscriber.objects.exists()
