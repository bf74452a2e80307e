"""The privacy notice: in three languages, linked from every page and every form that
asks for personal data, and its retention lines come from the settings the code uses."""

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import translation

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _finnish_afterwards():
    # A /sv/ or /en/ request leaves its language active in this thread; later tests
    # that reverse URLs outside a request expect the default language.
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("/tietosuoja/", "Tietosuojaseloste"),
        ("/sv/tietosuoja/", "Dataskyddsbeskrivning"),
        ("/en/tietosuoja/", "Privacy notice"),
    ],
)
def test_notice_in_each_language(client, url, title):
    page = client.get(url).content.decode()
    assert f"<h1>{title}</h1>" in page
    assert 'href="https://tietosuoja.fi"' in page
    assert "Lintulahdenkuja 4, 00530 Helsinki" in page
    assert "PL 800, 00531 Helsinki" in page
    assert 'href="mailto:tietosuoja@om.fi"' in page
    assert 'href="tel:+358295666700"' in page
    for cookie in ("sessionid", "csrftoken"):
        assert f"<code>{cookie}</code>" in page


def test_controller_comes_from_settings(client, settings):
    settings.PRIVACY_CONTROLLER_NAME = "Esimerkkiohjelma ry"
    settings.PRIVACY_CONTACT_EMAIL = "tietosuoja@esimerkki.fi"
    page = client.get("/tietosuoja/").content.decode()
    assert "Esimerkkiohjelma ry" in page
    assert 'href="mailto:tietosuoja@esimerkki.fi"' in page


def test_every_purpose_has_its_section(client):
    page = client.get("/en/tietosuoja/").content.decode()
    for key in ("deeds", "contacts", "editors", "email", "analytics", "feedback"):
        assert f'id="purpose-{key}"' in page
    assert "Consent (GDPR art. 6(1)(a))" in page
    assert "not transferred outside the EU" in page


def test_retention_lines_follow_the_settings(client):
    def notice():
        return client.get("/tietosuoja/").content.decode()

    default = notice()
    assert "kun niitä ei ole käsitelty 90 päivää" in default
    assert "säilytetään 30 päivää" in default
    assert "365 päivän kuluttua" in default
    assert "Kutsu on voimassa 14 päivää" in default
    with override_settings(
        SUBMISSION_DRAFT_DAYS=45,
        ANALYTICS_RAW_DAYS=1,
        FEEDBACK_RETENTION_DAYS=180,
        EDITOR_INVITATION_DAYS=7,
        SIGN_IN_ATTEMPTS_PER_HOUR=3,
        NEWSLETTER_UNCONFIRMED_DAYS=3,
        NEWSLETTER_DELIVERY_DAYS=60,
        NEWSLETTER_BOUNCE_STALE_DAYS=120,
    ):
        changed = notice()
    assert "kun niitä ei ole käsitelty 45 päivää" in changed
    assert "kun niiden kirjoittamisesta on kulunut 45 päivää" in changed
    assert "säilytetään 1 päivä," in changed
    assert "180 päivän kuluttua" in changed
    assert "Kutsu on voimassa 7 päivää" in changed
    assert "tehty 3 kirjautumisyritystä" in changed
    assert "Vahvistamaton tilaus poistetaan, kun 3 päivää on kulunut" in changed
    assert "lähettämisestä on kulunut 60 päivää" in changed
    assert "Palautukset poistetaan, kun 120 päivää on kulunut" in changed
    assert "90 päivää" not in changed


def test_invitations_expire_after_the_setting(settings, staff_user):
    from editors.services import invitation_send
    from tests.organisations.factories import OrganisationFactory

    settings.EDITOR_INVITATION_DAYS = 3
    invitation = invitation_send(
        email="uusi@example.fi",
        organisations=[OrganisationFactory()],
        language="fi",
        actor=staff_user,
    )
    assert round((invitation.expires_at - invitation.created_at).total_seconds() / 86400) == 3


@pytest.mark.parametrize(
    "url",
    ["/", "/teot/", "/saavutettavuus/", "/sv/", "/en/tietoa/", "/palaute/", "/tili/kirjaudu/"],
)
def test_footer_links_the_notice_and_feedback_on_every_page(client, url):
    page = client.get(url).content.decode()
    prefix = url[:4] if url.startswith(("/sv/", "/en/")) else "/"
    assert f'href="{prefix}tietosuoja/"' in page
    assert f'href="{prefix}palaute/?sivu=' in page


@pytest.mark.parametrize("url", ["/ilmianna/", "/tili/kirjaudu/", "/palaute/"])
def test_forms_that_ask_for_personal_data_link_the_notice(client, url):
    page = client.get(url).content.decode()
    assert 'class="privacy-link"' in page
    assert 'href="/tietosuoja/"' in page


def test_invitation_and_contact_consent_pages_link_the_notice(client, staff_user):
    from deeds.contacts import contact_consent_token
    from editors.services import invitation_send
    from tests.deeds.factories import DeedContactFactory
    from tests.organisations.factories import OrganisationFactory

    invitation = invitation_send(
        email="kutsuttu@example.fi",
        organisations=[OrganisationFactory()],
        language="fi",
        actor=staff_user,
    )
    contact = DeedContactFactory(email="kollega@example.fi")
    for url in (
        f"/toimittaja/kutsu/{invitation.token}/",
        f"/yhteystiedot/{contact_consent_token(contact)}/",
    ):
        page = client.get(url).content.decode()
        assert 'class="privacy-link"' in page, url
        assert 'href="/tietosuoja/"' in page, url


def test_the_notice_shows_the_version_that_forms_store_with_consent(client, settings):
    settings.PRIVACY_NOTICE_VERSION = "2027-01-15"
    assert "Versio 2027-01-15" in client.get("/tietosuoja/").content.decode()
