"""Every staff page about events is for staff only: anonymous people, signed-in people
who are not staff and organisation editors (even of the registrants' organisation) are
sent to the sign-in page and see no registrant's data; nothing changes on their posts."""

import pytest

from audit.models import AuditEntry
from events.models import Registration
from tests.editors.factories import UserFactory, editor_of
from tests.events.factories_staff import event, organisation, register, staff_member

pytestmark = pytest.mark.django_db

SECRET_NAME = "Salainen Osallistuja"
SECRET_EMAIL = "salainen.osallistuja@example.fi"


@pytest.fixture
def setup():
    org = organisation()
    made = event(capacity=1)
    first = register(made, SECRET_NAME, email=SECRET_EMAIL, organisation=org, diet="Vegaani")
    waiting = register(made, "Jonottaja Jokunen", organisation=org)
    return made, first, waiting, org


def get_urls(made, first):
    base = f"/tapahtumat/hallinta/{made.pk}"
    return [
        "/tapahtumat/hallinta/",
        "/tapahtumat/hallinta/uusi/",
        "/tapahtumat/hallinta/luvut/",
        "/tapahtumat/hallinta/sarjat/uusi/",
        f"{base}/",
        f"{base}/muokkaa/",
        f"{base}/peru/",
        f"{base}/ilmoittautuneet/",
        f"{base}/ilmoittautuneet/{first.pk}/peru/",
        f"{base}/ilmoittautuneet.csv",
        f"{base}/ilmoittautuneet.xlsx",
        f"{base}/lasnaolo/",
        f"{base}/viestit/",
        "/sv/tapahtumat/hallinta/",
        f"/en/tapahtumat/hallinta/{made.pk}/ilmoittautuneet/",
    ]


def post_urls(made, first):
    base = f"/tapahtumat/hallinta/{made.pk}"
    return [
        ("/tapahtumat/hallinta/uusi/", {"title_fi": "X"}),
        (f"{base}/muokkaa/", {"capacity": "50"}),
        (f"{base}/julkaise/", {}),
        (f"{base}/ilmoittautuminen/", {"action": "close"}),
        (f"{base}/peru/", {"reason": "Peruttu"}),
        (f"{base}/tallenne/", {"recording-url": "https://example.com/v"}),
        (f"{base}/ilmoittautuneet/{first.pk}/peru/", {}),
        (f"{base}/lasnaolo/{first.pk}/", {"attended": "1"}),
        (f"{base}/viestit/", {"subject": "Hei", "body": "Viesti"}),
        ("/tapahtumat/hallinta/sarjat/uusi/", {"name_fi": "Sarja"}),
    ]


def people(org):
    """Anonymous, a signed-in person without rights, and the registrants' own editor."""
    return [None, UserFactory(), editor_of(org)]


def assert_sent_to_sign_in(response):
    assert response.status_code == 302
    assert "/hallinta/login/" in response["Location"]


def test_nobody_but_staff_sees_the_pages_or_registrants(client, setup):
    made, first, _waiting, org = setup
    for person in people(org):
        client.logout()
        if person is not None:
            client.force_login(person)
        for url in get_urls(made, first):
            response = client.get(url)
            assert_sent_to_sign_in(response)
            assert SECRET_NAME.encode() not in response.content
            assert SECRET_EMAIL.encode() not in response.content


def test_nobody_but_staff_can_change_anything(client, setup):
    made, first, waiting, org = setup
    entries = AuditEntry.objects.count()
    for person in people(org):
        client.logout()
        if person is not None:
            client.force_login(person)
        for url, data in post_urls(made, first):
            assert_sent_to_sign_in(client.post(url, data))
    assert AuditEntry.objects.count() == entries
    first.refresh_from_db()
    assert first.status == "confirmed" and first.attended is None
    made.refresh_from_db()
    assert made.status == "published" and not made.registration_closed


def test_staff_see_every_page(client, setup):
    made, first, _waiting, _org = setup
    client.force_login(staff_member())
    for url in get_urls(made, first):
        assert client.get(url).status_code == 200, url


def test_the_staff_navigation_links_to_the_events_pages(client, setup):
    client.force_login(staff_member())
    assert b'href="/tapahtumat/hallinta/"' in client.get("/").content
    client.force_login(UserFactory())
    assert b'href="/tapahtumat/hallinta/"' not in client.get("/").content


@pytest.mark.parametrize(
    "path",
    [
        "/tapahtumat/hallinta/999999/",
        "/tapahtumat/hallinta/999999/ilmoittautuneet/",
        "/tapahtumat/hallinta/999999/ilmoittautuneet.csv",
        "/tapahtumat/hallinta/999999/lasnaolo/",
        "/tapahtumat/hallinta/99999999999999999999/",
        "/tapahtumat/hallinta/abc/",
        "/tapahtumat/hallinta/1x/ilmoittautuneet/",
        "/tapahtumat/hallinta/sarjat/999999/",
        "/tapahtumat/hallinta/%3Cscript%3E/",
    ],
)
def test_missing_or_malformed_events_are_not_found(client, setup, path):
    client.force_login(staff_member())
    assert client.get(path).status_code == 404


def test_a_registration_of_another_event_is_not_found(client, setup):
    made, first, _waiting, _org = setup
    other = event(title_fi="Toinen tapahtuma")
    client.force_login(staff_member())
    base = f"/tapahtumat/hallinta/{other.pk}"
    assert client.get(f"{base}/ilmoittautuneet/{first.pk}/peru/").status_code == 404
    assert client.post(f"{base}/ilmoittautuneet/{first.pk}/peru/").status_code == 404
    assert client.post(f"{base}/lasnaolo/{first.pk}/", {"attended": "1"}).status_code == 404
    assert Registration.objects.get(pk=first.pk).status == "confirmed"


def test_actions_refuse_get(client, setup):
    made, first, _waiting, _org = setup
    client.force_login(staff_member())
    base = f"/tapahtumat/hallinta/{made.pk}"
    for url in (f"{base}/julkaise/", f"{base}/ilmoittautuminen/", f"{base}/tallenne/"):
        assert client.get(url).status_code == 405
    assert client.get(f"{base}/lasnaolo/{first.pk}/").status_code == 405
