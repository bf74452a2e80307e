"""Subscribing on /uutiskirje/: double opt-in, the same answer for every address, the
limits per client and per address, bots and hostile input."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client

from newsletter.models import Subscriber, SubscriberSource, SubscriberStatus
from organisations.models import Region
from submissions.models import BlockedAttempt
from taxonomy.models import Sector, Theme
from tests.newsletter.factories import subscribed

from .public import emails, form_values, link_in, post_subscribe, subscriber

pytestmark = pytest.mark.django_db


def test_the_page_explains_the_newsletter_and_asks_what_is_needed(client):
    response = client.get("/uutiskirje/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Tilaa uutiskirje</h1>" in html
    assert "Ei seurantaa" in html and "jokaisessa viestissä" in html
    for name in ("email", "wants_newsletter", "sectors", "themes", "regions", "consent"):
        assert f'name="{name}"' in html
    assert re.search(r'name="wants_newsletter" id="id_wants_newsletter" checked', html)
    assert re.search(r'value="fi" id="id_language_0" required checked', html)
    assert 'href="/tietosuoja/#purpose-newsletter"' in html
    assert 'name="tt_leave_empty"' in html and 'name="started"' in html
    # The topics are the deed list's: active sectors and themes in order, regions by name.
    sectors = [s.name for s in Sector.objects.active()]
    assert html.index(sectors[0]) < html.index(sectors[1])
    assert html.index("Ahvenanmaa") < html.index("Etelä-Karjala") < html.index("Uusimaa")
    assert "<legend" in html and "<summary" in html
    assert not response.cookies  # no CSRF cookie: the form is on every page (views.py)


def test_the_page_language_is_the_default_in_swedish(client):
    html = client.get("/sv/uutiskirje/").content.decode()
    assert re.search(r'value="sv" id="id_language_1" required checked', html)
    assert "Prenumerera på nyhetsbrevet" in html


def test_subscribing_sends_only_the_confirmation_and_its_link_confirms(
    client, django_capture_on_commit_callbacks
):
    sector, theme, region = Sector.objects.first(), Theme.objects.first(), Region.objects.first()
    values = form_values(
        email=" Lukija@Example.fi ",
        language="sv",
        wants_newsletter=None,
        sectors=[sector.pk],
        themes=[theme.pk],
        regions=[region.pk],
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = post_subscribe(client, values)
    assert response.status_code == 303
    assert response["Location"] == "/uutiskirje/tilattu/"
    pending = subscriber("lukija@example.fi")
    assert pending.email == "Lukija@Example.fi"
    assert pending.status == SubscriberStatus.PENDING
    assert pending.language == "sv" and not pending.wants_newsletter
    assert list(pending.sectors.all()) == [sector] and list(pending.themes.all()) == [theme]
    assert list(pending.regions.all()) == [region]
    assert pending.consent == settings.PRIVACY_NOTICE_VERSION
    assert pending.source == SubscriberSource.FORM
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["Lukija@Example.fi"]
    page = client.get(response["Location"]).content.decode()
    assert "Tarkista sähköpostisi" in page and "Lukija" not in page

    # The link in the email (in the subscriber's language) only shows a button.
    assert mail.outbox[0].subject == "Bekräfta prenumerationen på Tekojen toris nyhetsbrev"
    link = link_in(mail.outbox[0].body, "vahvista")
    assert link.startswith("/sv/uutiskirje/vahvista/")
    assert client.get(link).status_code == 200
    assert subscriber().status == SubscriberStatus.PENDING
    confirmed = client.post(link)
    assert confirmed.status_code == 303
    assert confirmed["Location"] == link.replace("/vahvista/", "/asetukset/")
    assert subscriber().status == SubscriberStatus.CONFIRMED
    assert len(emails()) == 1  # nothing else sent


def test_every_address_gets_the_same_answer(client):
    """New, waiting and subscribed addresses: byte for byte the same response (there is
    no CSRF token to differ), so the form cannot tell who subscribes."""
    subscribed("tilaaja@example.fi")
    subscribed("odottaa@example.fi", confirm=False)
    answers = []
    for email in ("uusi@example.fi", "tilaaja@example.fi", "odottaa@example.fi"):
        response = post_subscribe(Client(), form_values(email=email))
        page = Client().get(response["Location"])
        answers.append(
            (response.status_code, sorted(response.items()), response.content, page.content)
        )
        assert not response.cookies
    assert answers[0] == answers[1] == answers[2]
    # What was sent differs: a confirmation, a note with the settings link, a new link.
    purposes = [(m.to, m.subject) for m in emails()[-3:]]
    assert purposes[0] == ("uusi@example.fi", "Vahvista Tekojen torin uutiskirjeen tilaus")
    assert purposes[1] == ("tilaaja@example.fi", "Tilaat jo Tekojen torin uutiskirjeen")
    assert purposes[2][1] == "Vahvista Tekojen torin uutiskirjeen tilaus"


def test_subscribing_a_subscribed_address_changes_nothing(client):
    reader = subscribed("tilaaja@example.fi", language="fi")
    post_subscribe(
        client, form_values(email="TILAAJA@example.fi", language="en", wants_newsletter=None,
                            sectors=[Sector.objects.first().pk])
    )  # fmt: skip
    reader.refresh_from_db()
    assert reader.status == SubscriberStatus.CONFIRMED
    assert reader.language == "fi" and reader.wants_newsletter and not reader.sectors.exists()
    assert Subscriber.objects.count() == 1


def test_emails_to_one_address_are_limited_but_the_answer_is_the_same(client, settings):
    settings.NEWSLETTER_MAILS_PER_ADDRESS_HOUR = 2
    for _ in range(4):
        response = post_subscribe(Client(), form_values(email="kohde@example.fi"))
        assert response.status_code == 303
    assert [m.to for m in emails()] == ["kohde@example.fi"] * 2


def test_posts_from_one_client_are_limited(client, settings):
    settings.NEWSLETTER_SUBSCRIBES_PER_HOUR = 2
    for n in range(2):
        assert post_subscribe(client, form_values(email=f"a{n}@example.fi")).status_code == 303
    response = post_subscribe(client, form_values(email="kolmas@example.fi"))
    html = response.content.decode()
    assert response.status_code == 429
    assert "Liian monta tilausta" in html and "mitään ei ole vielä tallennettu" in html
    assert 'value="kolmas@example.fi"' in html  # what was typed is kept
    assert not Subscriber.objects.for_address("kolmas@example.fi").exists()
    # Another client is not held back.
    other = Client(REMOTE_ADDR="10.0.0.9")
    assert post_subscribe(other, form_values(email="kolmas@example.fi")).status_code == 303
    assert BlockedAttempt.objects.get(reason="newsletter_rate_limit").count == 1


@pytest.mark.parametrize(
    ("changes", "status", "text"),
    [
        ({"tt_leave_empty": "http://spam.example"}, 400, "Tilausta ei voitu lähettää"),
        ({"started": ""}, 400, "Lomake ehti vanhentua"),
        ({"started": "forged"}, 400, "Lomake ehti vanhentua"),
    ],
)
def test_bots_are_stopped_and_told_nothing_was_saved(client, changes, status, text):
    values = form_values(email="botti@example.fi", sectors=[Sector.objects.first().pk])
    response = post_subscribe(client, {**values, **changes})
    html = response.content.decode()
    assert response.status_code == status
    assert text in html
    assert 'value="botti@example.fi"' in html
    assert re.search(r'name="sectors" value="\d+" id="id_sectors_0" checked', html)
    assert not Subscriber.objects.exists() and not emails()
    assert BlockedAttempt.objects.filter(reason__startswith="newsletter_").exists()


def test_a_post_sent_too_fast_is_stopped(client, settings):
    settings.SUBMISSION_MIN_FILL_SECONDS = 60
    response = post_subscribe(client)
    assert response.status_code == 400
    assert "lähetettiin hyvin nopeasti" in response.content.decode()
    assert not Subscriber.objects.exists()


def test_a_post_from_another_sites_page_is_refused(client):
    response = post_subscribe(client, HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403
    assert not Subscriber.objects.exists()
    assert post_subscribe(client, HTTP_ORIGIN="http://testserver").status_code == 303


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"email": ""}, "email"),
        ({"email": "ei-osoite"}, "email"),
        ({"email": "a" * 250 + "@example.fi"}, "email"),
        ({"email": "lukija\x00@example.fi"}, "email"),
        ({"email": "lu\x07kija@example.fi"}, "email"),
        ({"language": "de"}, "language"),
        ({"language": "fi\x00"}, "language"),
        ({"consent": None}, "consent"),
        ({"wants_newsletter": None}, "wants_newsletter"),
        ({"sectors": ["999999"]}, "sectors"),
        ({"sectors": ["99999999999999999999"]}, "sectors"),
        ({"themes": ["x"]}, "themes"),
        ({"themes": ["1\x00"]}, "themes"),
        ({"regions": ["-1"]}, "regions"),
        ({"regions": ["１"]}, "regions"),
    ],
)
def test_bad_input_is_named_at_its_field_and_nothing_is_saved(client, changes, field):
    response = post_subscribe(client, form_values(**changes))
    html = response.content.decode()
    assert response.status_code == 400
    assert 'id="error-summary"' in html and f'href="#field-{field}"' in html
    assert not Subscriber.objects.exists() and not emails()


def test_choosing_nothing_says_what_to_do(client):
    response = post_subscribe(client, form_values(wants_newsletter=None))
    assert "Valitse uutiskirje tai vähintään yksi aihe." in response.content.decode()


def test_a_retired_sector_cannot_be_chosen(client):
    retired = Sector.objects.first()
    retired.is_active = False
    retired.save()
    response = post_subscribe(client, form_values(sectors=[retired.pk]))
    assert response.status_code == 400
    assert f'value="{retired.pk}" id="id_sectors' not in response.content.decode()
