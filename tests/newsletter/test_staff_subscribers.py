"""Staff's page of subscribers: counts by status and language, one address looked up at
a time (exactly, in any case, never in the URL), set-aside addresses a page at a time
with their reasons and bounce scores, reinstating, setting aside and unsubscribing
through the services."""

import pytest

from audit.models import AuditEntry
from newsletter.models import Subscriber, SubscriberStatus
from taxonomy.models import Sector
from tests.newsletter.factories import subscribed
from tests.newsletter.factories_staff import BASE, set_aside, staff_member

pytestmark = pytest.mark.django_db

PAGE = f"{BASE}tilaajat/"


@pytest.fixture
def staff(client):
    user = staff_member()
    client.force_login(user)
    return user


def test_counts_by_status_and_language_without_addresses(client, staff):
    for _ in range(3):
        subscribed(language="fi")
    subscribed("ruotsiksi@example.fi", language="sv")
    subscribed("odottaa@example.fi", confirm=False)
    set_aside("pois@example.fi")
    response = client.get(PAGE)
    html = response.content.decode()
    assert response.status_code == 200
    confirmed_row = html.split('<th scope="row">Tilattu</th>')[1].split("</tr>")[0]
    assert "Suomi: </span>3</td>" in confirmed_row and "Ruotsi: </span>1</td>" in confirmed_row
    # Only the set-aside address is listed; the others are counted, not shown.
    assert "pois@example.fi" in html
    assert "ruotsiksi@example.fi" not in html and "odottaa@example.fi" not in html
    listing = client.get(BASE).content.decode()
    assert "<dd>4</dd>" in listing and "<dd>1</dd>" in listing


def test_look_up_an_address_exactly_in_any_case(client, staff):
    sector = Sector.objects.filter(is_active=True).first()
    subscriber = subscribed("Maija.Meikalainen@Example.fi", language="sv", sectors=[sector])
    subscribed("maija.meikalainen@example.fi.invalid")

    response = client.post(f"{PAGE}haku/", {"email": " maija.meikalainen@EXAMPLE.fi "})

    assert response.status_code == 302
    assert response["Location"] == f"{PAGE}{subscriber.pk}/"
    assert "maija" not in response["Location"].lower()
    html = client.get(response["Location"]).content.decode()
    assert "Maija.Meikalainen@Example.fi" in html
    assert "Ruotsi" in html and sector.name in html and "koko uutiskirje" in html


def test_a_part_of_an_address_finds_nothing(client, staff):
    subscribed("maija@example.fi")
    for typed in ("maija@example", "aija@example.fi", "maija@example.f"):
        response = client.post(f"{PAGE}haku/", {"email": typed})
        assert response.status_code in (200, 400)
        assert "maija@example.fi" not in response.content.decode().replace(f'value="{typed}"', "")
    response = client.post(f"{PAGE}haku/", {"email": "maija@example.com"})
    assert response.status_code == 200
    assert "Tällä osoitteella ei ole tilaajaa." in response.content.decode()


def test_a_set_aside_address_shows_its_bounces_and_is_reinstated(client, staff):
    subscriber = set_aside("pomppaa@example.fi", reason="Kolme pysyvää palautusta")
    page = client.get(f"{PAGE}{subscriber.pk}/").content.decode()
    assert "Kolme pysyvää palautusta" in page
    assert "550 5.1.1 User unknown (2)" in page and "pysyvä" in page
    listing = client.get(PAGE).content.decode()
    assert "Kolme pysyvää palautusta" in listing and ">3</td>" in listing

    response = client.post(f"{PAGE}{subscriber.pk}/palauta/", {"back": "list"})

    assert response.status_code == 302 and response["Location"] == f"{PAGE}#set-aside"
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.CONFIRMED and subscriber.bounce_score == 0
    assert AuditEntry.objects.filter(action="newsletter.reinstated", actor=staff).exists()
    # Twice: refused, shown as a message.
    response = client.post(f"{PAGE}{subscriber.pk}/palauta/", follow=True)
    assert "Vain sivuun siirretyn osoitteen voi palauttaa." in response.content.decode()


def test_staff_set_a_subscribed_address_aside_with_a_reason(client, staff):
    subscriber = subscribed("pyysi@example.fi")
    url = f"{PAGE}{subscriber.pk}/sivuun/"
    response = client.post(url, {"reason": ""})
    assert response.status_code == 400
    assert 'href="#field-reason"' in response.content.decode()

    response = client.post(url, {"reason": "Pyysi puhelimessa tauon"})

    assert response.status_code == 302 and response["Location"] == f"{PAGE}{subscriber.pk}/"
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.SET_ASIDE
    assert subscriber.set_aside_reason == "Pyysi puhelimessa tauon"
    entry = AuditEntry.objects.get(action="newsletter.set_aside")
    assert entry.actor == staff and entry.reason == "Pyysi puhelimessa tauon"
    response = client.post(url, {"reason": "Uudestaan"}, follow=True)
    assert "Vain tilaajan osoitteen voi siirtää sivuun." in response.content.decode()


def test_unsubscribe_after_confirming_erases_the_address(client, staff):
    subscriber = set_aside("lopettaa@example.fi")
    url = f"{PAGE}{subscriber.pk}/lopeta/"
    assert "Kyllä, lopeta tilaus" in client.get(url + "?back=list").content.decode()

    response = client.post(url, {"back": "list"})

    assert response.status_code == 302 and response["Location"] == f"{PAGE}#set-aside"
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.LEFT and subscriber.email == ""
    entry = AuditEntry.objects.get(action="newsletter.unsubscribed")
    assert entry.actor == staff and entry.data == {"how": "staff"}
    assert "Tilaus päättyi, ja osoite poistettiin." in client.get(PAGE).content.decode()
    assert "lopettaa@example.fi" not in client.get(PAGE).content.decode()
    # Again: nothing changes.
    response = client.post(url, follow=True)
    assert "Tämä tilaus oli jo päättynyt." in response.content.decode()


def test_an_unconfirmed_address_is_deleted_when_unsubscribed(client, staff):
    subscriber = subscribed("kesken@example.fi", confirm=False)
    response = client.post(f"{PAGE}{subscriber.pk}/lopeta/")
    assert response.status_code == 302 and response["Location"] == f"{PAGE}#set-aside"
    assert not Subscriber.objects.filter(pk=subscriber.pk).exists()


def test_set_aside_addresses_are_shown_a_page_at_a_time(client, staff):
    for n in range(27):
        set_aside(f"sivuun{n:02d}@example.fi")
    first = client.get(PAGE).content.decode()
    second = client.get(f"{PAGE}?sivu=2").content.decode()
    assert first.count("@example.fi</a>") == 25 and second.count("@example.fi</a>") == 2
    assert "Sivu 1 / 2" in first
    assert client.get(f"{PAGE}?sivu=abc").status_code == 200
