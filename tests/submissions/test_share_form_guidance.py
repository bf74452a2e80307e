"""The share form tells people what to do: messages, the licence agreement, the spam
trap that must not catch people, and "email me a link" without an address (HTTP)."""

import re
from html import unescape

import pytest

from emails.models import OutgoingEmail
from submissions.models import BlockedAttempt, Submission, SubmissionStatus
from tests.organisations.factories import OrganisationFactory
from tests.submissions.factories import form_values
from tests.submissions.helpers import hidden_fields, open_form, post_form

pytestmark = pytest.mark.django_db

LICENCE_FI = (
    "Hyväksyn, että teko julkaistaan Creative Commons Nimeä 4.0 (CC BY 4.0) -lisenssillä, "
    "ja vahvistan, että minulla on oikeus jakaa lisäämäni kuvat ja liitteet."
)
LICENCE_SV = (
    "Jag godkänner att insatsen publiceras under licensen Creative Commons Erkännande 4.0 "
    "(CC BY 4.0), och jag bekräftar att jag har rätt att dela de bilder och bilagor jag "
    "lägger till."
)


@pytest.fixture
def organisation():
    return OrganisationFactory(name_fi="Limingan kunta", name_sv="Limingo kommun")


def errors(page):
    found = re.findall(r'<p class="field__error" id="id_(\w+)_error">([^<]*)</p>', page)
    return {name: unescape(text) for name, text in found}


def invalid_marks(page):
    return len(re.findall(r'aria-invalid="true"', page))


def summary_links(page):
    summary = page.split('id="error-summary"', 1)[1].split("</ul>", 1)[0]
    return re.findall(r'<a href="#([\w-]+)">', summary)


# --- Messages ---------------------------------------------------------------------------


def test_an_empty_send_says_what_to_write_in_finnish(client):
    page = post_form(client, {}, action="preview").content.decode()
    found = errors(page)
    assert found["title"] == "Kirjoita otsikko: muutama sana siitä, mitä tehtiin."
    assert found["summary"] == "Kirjoita tiivistelmä: 2–3 virkettä siitä, mitä tehtiin ja miksi."
    assert "Tämä kenttä vaaditaan." not in page


def test_an_empty_send_says_what_to_write_in_swedish(client):
    page = post_form(client, {}, action="preview", url="/sv/ilmianna/").content.decode()
    found = errors(page)
    assert found["title"] == "Skriv en rubrik: några ord om vad som gjordes."
    assert found["summary"] == (
        "Skriv en sammanfattning: 2–3 meningar om vad som gjordes och varför."
    )
    assert found["licence"].startswith("Kryssa i rutan för att godkänna publicering")
    assert "Detta fält måste fyllas i." not in page


def test_an_empty_send_marks_each_missing_item_once_and_links_to_its_input(client):
    page = post_form(client, {}, action="preview").content.decode()
    missing = errors(page)
    # One aria-invalid per missing item: the sector and theme groups are marked on their
    # fieldset, not on each of their checkboxes.
    assert invalid_marks(page) == len(missing)
    links = summary_links(page)
    assert len(links) == len(missing)
    assert "id_title" in links and "id_sectors_0" in links and "id_themes_0" in links
    for target in links:
        assert f'id="{target}"' in page
    # The summary comes before the page's heading and takes focus, without JavaScript.
    assert page.index('id="error-summary"') < page.index("<h1")
    assert re.search(r'id="error-summary"[^>]*autofocus', page)


def test_a_bad_date_and_a_forged_choice_get_messages_that_say_what_to_do(client, organisation):
    values = form_values(organisation, project_start="31.2.2025", language="xx")
    page = post_form(client, values, action="preview").content.decode()
    found = errors(page)
    assert found["project_start"] == (
        "Kirjoita päivämäärä muodossa päivä.kuukausi.vuosi, esimerkiksi 1.9.2025."
    )
    assert found["language"] == "Valitse jokin näytetyistä vaihtoehdoista."


@pytest.mark.parametrize("value", ["x" * 100_000, "\x00\x01\x1b[31m", "🙂" * 300])
def test_hostile_text_in_the_title_gets_a_message_never_a_500(client, organisation, value):
    response = post_form(client, form_values(organisation, title=value), action="preview")
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert errors(response.content.decode())["title"].startswith("Lyhennä otsikko")


def test_the_title_and_summary_state_their_limits_and_carry_the_counter_texts(client):
    page = client.get("/ilmianna/").content.decode()
    assert "Enintään 200 merkkiä." in page and "Enintään 800 merkkiä." in page
    assert page.count('data-remaining-other="{n} merkkiä jäljellä"') == 2


# --- The licence ------------------------------------------------------------------------


def test_a_deed_cannot_be_sent_without_agreeing_to_the_licence(client, organisation):
    response = post_form(client, form_values(organisation, licence=None), action="preview")
    assert response.status_code == 200
    assert errors(response.content.decode()) == {
        "licence": "Hyväksy julkaisu CC BY 4.0 -lisenssillä rastittamalla ruutu: voimme "
        "julkaista vain tekoja, joita kuka tahansa saa käyttää uudelleen."
    }
    form_key = Submission.objects.get().form_key
    assert client.get(f"/ilmianna/{form_key}/esikatselu/")["Location"] == f"/ilmianna/{form_key}/"
    client.post(f"/ilmianna/{form_key}/esikatselu/")
    assert Submission.objects.get().status == SubmissionStatus.DRAFT


@pytest.mark.parametrize(("prefix", "text"), [("", LICENCE_FI), ("/sv", LICENCE_SV)])
def test_the_licence_text_shown_is_stored_with_its_version(client, organisation, prefix, text):
    url = f"{prefix}/ilmianna/"
    assert text in unescape(client.get(url).content.decode())
    response = post_form(client, form_values(organisation), action="preview", url=url)
    assert response.status_code == 302
    client.post(response["Location"])
    submission = Submission.objects.get()
    assert submission.status == SubmissionStatus.UNVERIFIED
    assert submission.licence_text == text
    assert submission.licence_version == "cc-by-4.0/2026-12-01"
    assert submission.licence_agreed_at is not None


def test_unticking_the_licence_withdraws_the_stored_agreement(client, organisation):
    hidden = open_form(client)
    post_form(client, form_values(organisation), hidden=hidden)
    form_key = Submission.objects.get().form_key
    post_form(client, form_values(organisation, licence=None), url=f"/ilmianna/{form_key}/")
    submission = Submission.objects.get()
    assert (submission.licence_text, submission.licence_version) == ("", "")


def test_staff_editing_in_moderation_are_not_asked_for_the_licence(admin_client, organisation):
    submission = Submission.objects.create(
        status=SubmissionStatus.IN_REVIEW, data=form_values(organisation, licence=None)
    )
    page = admin_client.get(f"/moderointi/{submission.pk}/muokkaa/").content.decode()
    assert 'name="licence"' not in page


# --- The spam trap ----------------------------------------------------------------------


def test_the_spam_trap_is_hidden_from_assistive_technology_and_autofill(client):
    page = client.get("/ilmianna/").content.decode()
    trap = re.search(r'<div class="hp"[^>]*>.*?</div>', page).group(0)
    assert 'aria-hidden="true"' in trap
    field = re.search(r"<input[^>]*>", trap).group(0)
    assert 'tabindex="-1"' in field and 'autocomplete="off"' in field
    name = re.search(r'name="([^"]+)"', field).group(1)
    # Autofill recognises names such as website, url, name, email, phone, address.
    assert not re.search(r"web|url|name|mail|phone|tel|addr|city|zip", name, re.I)


def test_a_caught_post_keeps_the_text_and_does_not_claim_it_was_saved(client, organisation):
    values = form_values(organisation, tt_leave_empty="Matti")
    response = post_form(client, values, action="preview")
    page = unescape(response.content.decode())
    assert response.status_code == 400
    assert not Submission.objects.exists()
    assert "Kokeilimme seisovaa palaveria taulun ääressä." in page
    assert 'value="lahettaja@example.fi"' in page
    assert "Mitään ei ole vielä tallennettu" in page
    assert "ei kadonnut" not in page
    # Sent again as it comes back (the trap empty), it is saved.
    hidden = hidden_fields(page)
    assert post_form(client, form_values(organisation), hidden=hidden).status_code == 302
    assert Submission.objects.count() == 1


def test_a_too_fast_post_keeps_the_text_and_does_not_claim_it_was_saved(
    client, organisation, settings
):
    settings.SUBMISSION_MIN_FILL_SECONDS = 60
    response = post_form(client, form_values(organisation, sectors=[]), action="preview")
    page = unescape(response.content.decode())
    assert response.status_code == 400
    assert BlockedAttempt.objects.get(reason="too_fast").count == 1
    assert "Kotihoidon aamupalaverit lyhyemmiksi" in page
    assert "Mitään ei ole vielä tallennettu" in page
    assert "ei kadonnut" not in page
    assert "checked" in re.search(r'<input[^>]*name="themes"[^>]*checked[^>]*>', page).group(0)


def test_a_saved_draft_with_errors_says_nothing_was_lost(client):
    page = post_form(client, {"title": "Otsikko"}, action="preview").content.decode()
    assert Submission.objects.exists()
    assert "Luonnoksesi on tallennettu: mitään kirjoittamaasi ei kadonnut." in page


# --- Email me a link --------------------------------------------------------------------


@pytest.mark.parametrize("email", ["", "maija@", "x" * 5000, "\x1b[31m@example.fi"])
def test_email_me_a_link_without_an_address_marks_and_focuses_the_email_field(
    client, organisation, email
):
    response = post_form(client, form_values(organisation, email=email), action="email_link")
    page = response.content.decode()
    assert response.status_code == 200
    assert errors(page) == {
        "email": "Kirjoita sähköpostiosoitteesi, esimerkiksi nimi@kunta.fi, niin lähetämme "
        "sinulle linkin."
    }
    field = re.search(r'<input[^>]*id="id_email"[^>]*>', page).group(0)
    assert 'aria-invalid="true"' in field and "autofocus" in field
    assert invalid_marks(page) == 1
    assert "Kotihoidon aamupalaverit lyhyemmiksi" in page
    assert not OutgoingEmail.objects.exists()
    assert Submission.objects.count() == 1  # the draft itself is saved
