"""An editor hands a deed's contact over to a colleague, whose details appear only
once they consent (HTTP)."""

import re

import pytest
from django.core import mail

from deeds.models import DeedContact
from tests.deeds.factories import DeedContactFactory, DeedFactory
from tests.editors.factories import editor_of
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def deed():
    return DeedFactory(organisation=OrganisationFactory())


@pytest.fixture
def editor(client, deed):
    user = editor_of(deed.organisation, first_name="Eeva", last_name="Editori")
    client.force_login(user)
    return user


def consent_path(message):
    match = re.search(r"https?://[^/\s]+(/(?:sv/|en/)?yhteystiedot/[^\s\"<>]+/)", message.body)
    assert match, message.body
    return match.group(1)


def hand_over(client, deed, capture, **changes):
    contact = deed.contacts.first()
    data = {
        "contact": contact.pk if contact else 0,
        "name": "Kalle Kollega",
        "role": "Palvelupäällikkö",
        "email": "kalle@example.fi",
        "phone": "",
        "language": "fi",
        **changes,
    }
    with capture(execute=True):
        return client.post(f"/toimittaja/teot/{deed.pk}/yhteyshenkilo/", data)


def test_the_colleague_is_shown_only_after_agreeing(
    client, editor, deed, django_capture_on_commit_callbacks
):
    DeedContactFactory(deed=deed, name="Lähtevä Työntekijä", email="lahtee@example.fi")
    response = hand_over(client, deed, django_capture_on_commit_callbacks)
    assert "Kalle Kollega" in client.get(response["Location"]).content.decode()  # the notice

    contact = deed.contacts.get()
    assert (contact.name, contact.email, contact.publish_consent) == (
        "Kalle Kollega",
        "kalle@example.fi",
        False,
    )
    page = client.get(deed.get_absolute_url()).content.decode()
    assert "Lähtevä Työntekijä" not in page and "Kalle Kollega" not in page

    message = mail.outbox[-1]
    assert message.to == ["kalle@example.fi"]
    assert "Eeva Editori" in message.body
    path = consent_path(message)
    client.logout()
    assert "Kalle Kollega" in client.get(path).content.decode()
    client.post(path, {"consent": "yes"})
    assert "Kalle Kollega" in client.get(deed.get_absolute_url()).content.decode()
    client.post(path, {"consent": "no"})
    assert "Kalle Kollega" not in client.get(deed.get_absolute_url()).content.decode()


def test_handing_over_again_ends_the_previous_persons_link(
    client, editor, deed, django_capture_on_commit_callbacks
):
    DeedContactFactory(deed=deed)
    hand_over(client, deed, django_capture_on_commit_callbacks)
    first_link = consent_path(mail.outbox[-1])
    hand_over(client, deed, django_capture_on_commit_callbacks, name="Toinen", email="t@example.fi")
    assert client.get(first_link).status_code == 404
    assert client.post(first_link, {"consent": "yes"}).status_code == 404
    assert DeedContact.objects.get().publish_consent is False


def test_a_deed_without_contacts_gets_one(client, editor, deed, django_capture_on_commit_callbacks):
    hand_over(client, deed, django_capture_on_commit_callbacks)
    assert deed.contacts.get().name == "Kalle Kollega"


def test_bad_handover_input_is_explained_and_kept(client, editor, deed):
    contact = DeedContactFactory(deed=deed)
    other_contact = DeedContactFactory(deed=DeedFactory())
    response = client.post(
        f"/toimittaja/teot/{deed.pk}/yhteyshenkilo/",
        {"contact": other_contact.pk, "name": "Kalle", "email": "ei-osoite", "language": "fi"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Syötä kelvollinen sähköpostiosoite." in html
    assert 'value="Kalle"' in html
    other_contact.refresh_from_db()
    contact.refresh_from_db()
    assert other_contact.name == contact.name == "Maija Meikäläinen"
    assert not mail.outbox


def test_forged_consent_links_do_nothing(client, deed):
    contact = DeedContactFactory(deed=deed, publish_consent=False)
    for token in (f"{contact.pk}.{'a' * 40}", "abc", f"{contact.pk}", "9" * 30):
        assert client.post(f"/yhteystiedot/{token}/", {"consent": "yes"}).status_code == 404
    contact.refresh_from_db()
    assert contact.publish_consent is False
