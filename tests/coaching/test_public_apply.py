"""Applying for coaching without an account: the draft kept on the first press, sending,
errors that keep what was typed, hostile input, bots and the hourly limit."""

import re
from decimal import Decimal

import pytest
from django.utils.html import escape

from coaching.models import Application, ApplicationStatus, CoachingTheme
from core.models import RateCounter
from emails.models import OutgoingEmail
from tests.organisations.factories import OrganisationFactory

from .factories import expert, open_round
from .public_factories import APPLY, draft_url, follow_url, form_values, post_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def round_():
    return open_round()


@pytest.fixture
def organisation():
    return OrganisationFactory(name_fi="Ilmoilan kaupunki", name_sv="Ilmola stad")


@pytest.mark.parametrize(
    ("prefix", "words"),
    [("", "Hae sparrausta"), ("/sv", "Ansök om sparrning"), ("/en", "Apply for coaching")],
)
def test_the_form_renders_in_each_language(client, round_, prefix, words):
    response = client.get(f"{prefix}{APPLY}")
    assert response.status_code == 200
    html = response.content.decode()
    assert words in html
    for name in ("organisation_name", "contact_email", "themes", "goals", "days_requested"):
        assert f'name="{name}"' in html
    assert 'name="tt_leave_empty"' in html and 'name="started"' in html
    assert 'value="find_organisation"' in html  # the finder's button without JavaScript
    lang = prefix.strip("/") or "fi"
    assert re.search(rf'value="{lang}"[^>]* checked', html)  # emails in the page's language


def test_applying_keeps_a_draft_on_the_first_press_then_sends(
    client, round_, organisation, django_capture_on_commit_callbacks, settings
):
    response = post_form(client, form_values(organisation, action="save"))
    application = Application.objects.get()
    assert response.status_code == 302
    assert response["Location"] == draft_url(application)
    assert application.status == ApplicationStatus.DRAFT
    assert application.organisation == organisation
    assert application.days_requested == Decimal("2.5")
    page = client.get(response["Location"]).content.decode()
    assert "Luonnoksesi on tallennettu" in page
    assert 'value="Maija Meikäläinen"' in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(draft_url(application), form_values(organisation))
    application.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == follow_url(application)
    assert application.status == ApplicationStatus.RECEIVED
    assert application.round == round_
    assert application.consent_version == settings.PRIVACY_NOTICE_VERSION
    assert list(application.themes.all()) == [CoachingTheme.objects.active().first()]
    received = OutgoingEmail.objects.get(purpose="coaching_received")
    assert received.to == "maija@example.fi"
    assert OutgoingEmail.objects.filter(purpose="coaching_new").exists()
    follow = client.get(response["Location"])
    assert follow.status_code == 200
    assert "Ilmoilan kaupunki" in follow.content.decode()


def test_sending_on_the_first_press_goes_straight_to_the_follow_page(client, round_, organisation):
    response = post_form(client, form_values(organisation, language="sv"))
    application = Application.objects.get()
    assert response["Location"] == follow_url(application)
    assert application.status == ApplicationStatus.RECEIVED
    assert application.language == "sv"
    assert OutgoingEmail.objects.get(purpose="coaching_received").language == "sv"


def test_the_draft_address_after_sending_leads_to_the_follow_page(client, round_, organisation):
    post_form(client, form_values(organisation))
    application = Application.objects.get()
    response = client.get(draft_url(application))
    assert response.status_code == 302
    assert response["Location"] == follow_url(application)
    again = client.post(draft_url(application), form_values(organisation))
    assert again["Location"] == follow_url(application)
    assert Application.objects.count() == 1


def test_a_double_clicked_first_press_makes_one_draft(client, round_, organisation):
    values = form_values(organisation, action="save", form_key="k" * 32)
    post_form(client, values)
    post_form(client, values)
    assert Application.objects.count() == 1


def test_errors_are_listed_at_the_top_and_at_each_field_keeping_what_was_typed(
    client, round_, organisation
):
    values = form_values(
        organisation, goals="", employees="kaksitoista", days_requested="0,3", consent=None
    )
    response = post_form(client, values)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="error-summary"' in html and "Tarkista nämä kentät" in html
    assert 'href="#id_goals"' in html and 'href="#id_employees"' in html
    assert "Kerro, mitä työpaikka haluaa kehittää." in html
    assert "Kirjoita kokonaisluku" in html
    assert 'value="kaksitoista"' in html  # kept as typed
    assert 'value="Maija Meikäläinen"' in html
    assert 'aria-invalid="true"' in html
    # The valid part is kept as a draft already: nothing typed is lost.
    application = Application.objects.get()
    assert application.status == ApplicationStatus.DRAFT
    assert application.contact_name == "Maija Meikäläinen"
    assert application.employees is None
    assert f'action="{draft_url(application)}"' in html


def test_errors_in_swedish(client, round_, organisation):
    values = form_values(organisation, contact_email="ei-osoite")
    response = post_form(client, values, url="/sv" + APPLY)
    assert response.status_code == 400
    assert "Kontrollera de här fälten" in response.content.decode()


def test_a_draft_needs_nothing_but_what_is_typed_must_fit(client, round_):
    response = post_form(client, {"action": "save", "contact_name": "Vain nimi"})
    application = Application.objects.get()
    assert response["Location"] == draft_url(application)
    assert application.contact_name == "Vain nimi"
    bad = client.post(draft_url(application), {"action": "save", "employees": "-1"})
    assert bad.status_code == 400
    assert "Anna 0 tai enemmän." in bad.content.decode()


def test_an_organisation_not_listed_is_kept_by_name(client, round_):
    values = form_values(None, organisation_name="Pikkukylän osuuskunta", organisation_missing="on")
    response = post_form(client, values)
    application = Application.objects.get()
    assert response["Location"] == follow_url(application)
    assert application.organisation is None
    assert application.organisation_name == "Pikkukylän osuuskunta"


def test_an_unknown_organisation_without_the_tick_asks_to_choose(client, round_, organisation):
    response = post_form(client, form_values(None, organisation_name="Ilmoilan kaupun"))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Valitse organisaatiosi luettelosta" in html
    assert 'id="organisation-candidates"' in html and "Ilmoilan kaupunki" in html


def test_find_without_javascript_lists_organisations_and_keeps_the_draft(
    client, round_, organisation
):
    values = form_values(None, organisation_name="ilmoila", action="find_organisation")
    response = post_form(client, values)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="organisation-candidates"' in html
    assert 'value="Ilmoilan kaupunki"' in html
    assert 'value="Maija Meikäläinen"' in html
    assert "Tarkista nämä kentät" not in html  # finding is no mistake
    assert Application.objects.get().contact_name == "Maija Meikäläinen"


def test_enter_in_a_field_with_a_listed_organisation_is_a_save(client, round_, organisation):
    response = post_form(client, form_values(organisation, action="find_organisation"))
    application = Application.objects.get()
    assert response["Location"] == draft_url(application)


def test_reopening_a_draft_shows_the_stored_values(client, round_, organisation):
    coach = expert(name="Sari Sparraaja")
    values = form_values(
        None,
        organisation_name="Pikkukylän osuuskunta",
        organisation_missing="on",
        preferred_expert=str(coach.pk),
        action="save",
    )
    response = post_form(client, values)
    html = client.get(response["Location"]).content.decode()
    assert 'value="Pikkukylän osuuskunta"' in html
    checkbox = re.search(r'<input[^>]*id="id_organisation_missing"[^>]*>', html).group(0)
    assert "checked" in checkbox
    assert re.search(rf'<option value="{coach.pk}" selected>', html)
    assert 'value="2.5"' in html or 'value="2,5"' in html


def test_preferred_experts_are_the_open_rounds_public_ones(client, round_):
    chosen, other = expert(name="Kierroksen Asiantuntija"), expert(name="Muu Asiantuntija")
    hidden = expert(name="Piilotettu Asiantuntija", is_public=False)
    html = client.get(APPLY).content.decode()
    assert chosen.name in html and other.name in html and hidden.name not in html
    round_.experts.set([chosen, hidden])
    html = client.get(APPLY).content.decode()
    assert chosen.name in html and other.name not in html and hidden.name not in html
    response = post_form(client, form_values(OrganisationFactory(), preferred_expert=str(other.pk)))
    assert response.status_code == 400
    assert "Valitse jokin näytetyistä vaihtoehdoista." in response.content.decode()


HOSTILE = [
    ("contact_name", "x" * 201, "Lyhennä"),
    ("goals", "y" * 5001, "Lyhennä"),
    ("timing", "z" * 301, "Lyhennä"),
    ("employees", "1e5", "Kirjoita kokonaisluku"),
    ("employees", "10001", "Anna enintään 10 000."),
    ("employees", "9" * 5000, "Kirjoita kokonaisluku"),
    ("supervisors", "½", "Kirjoita kokonaisluku"),
    ("days_requested", "NaN", "Kirjoita päivien määrä"),
    ("days_requested", "Infinity", "Kirjoita päivien määrä"),
    ("days_requested", "1.25", "puolikkaina"),
    ("days_requested", "51", "enintään 50"),
    ("days_requested", "1e999999", "Kirjoita päivien määrä"),
    ("days_requested", "1e-999999", "Kirjoita päivien määrä"),
    ("themes", "99999999999999999999", "Valitse jokin näytetyistä"),
    ("themes", "1e3", "Valitse jokin näytetyistä"),
    ("themes", "٣", "Valitse jokin näytetyistä"),
    ("preferred_expert", "99999999999999999999", "Valitse jokin näytetyistä"),
    ("preferred_expert", str(2**63), "Valitse jokin näytetyistä"),
    ("preferred_expert", "-1", "Valitse jokin näytetyistä"),
    ("language", "xx", "Valitse jokin näytetyistä"),
    ("contact_email", "a@" + "b" * 300 + ".fi", "Lyhennä"),
]


@pytest.mark.parametrize(("field", "value", "message"), HOSTILE)
def test_hostile_input_gives_a_form_error_not_a_crash(
    client, round_, organisation, field, value, message
):
    response = post_form(client, form_values(organisation, **{field: value}))
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert f'href="#id_{field}' in html
    assert Application.objects.get().status == ApplicationStatus.DRAFT


def test_control_characters_are_dropped(client, round_, organisation):
    values = form_values(organisation, contact_name="Mai\x00ja\x07", goals="Hyvä\x1b tavoite")
    post_form(client, values)
    application = Application.objects.get()
    assert application.contact_name == "Maija"
    assert application.goals == "Hyvä tavoite"


def test_markup_is_shown_as_text(client, round_, organisation):
    name = '<script>alert("x")</script>'
    response = post_form(client, form_values(organisation, contact_name=name, goals=""))
    html = response.content.decode()
    assert name not in html and escape(name) in html


@pytest.mark.parametrize(
    "form_key", ["lyhyt", "x" * 65, "a" * 30 + "%00", "a" * 30 + "'", "a" * 32]
)
def test_a_forged_draft_address_is_404(client, round_, form_key):
    assert client.get(f"/sparraus/hae/{form_key}/").status_code == 404
    assert client.post(f"/sparraus/hae/{form_key}/", form_values()).status_code == 404


def test_a_forged_form_key_in_the_form_is_replaced(client, round_, organisation):
    post_form(client, form_values(organisation, action="save", form_key="../../etc"))
    application = Application.objects.get()
    assert re.fullmatch(r"[A-Za-z0-9_-]{20,64}", application.form_key)


def test_the_honeypot_stops_a_bot_and_keeps_nothing(client, round_, organisation):
    response = post_form(client, form_values(organisation, tt_leave_empty="http://spam.example"))
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="form-notice"' in html
    assert 'value="Maija Meikäläinen"' in html  # shown again for a person
    assert not Application.objects.exists()


def test_a_post_without_the_start_time_is_not_saved(client, round_, organisation):
    response = client.post(APPLY, form_values(organisation))
    assert response.status_code == 400
    assert not Application.objects.exists()


def test_the_hourly_limit_on_new_applications(client, round_, organisation, settings):
    settings.COACHING_APPLICATIONS_PER_HOUR = 2
    for n in range(2):
        response = post_form(client, form_values(organisation, contact_email=f"a{n}@example.fi"))
        assert response.status_code == 302
    response = post_form(client, form_values(organisation, contact_email="a3@example.fi"))
    assert response.status_code == 429
    assert "Liian monta uutta hakemusta" in response.content.decode()
    assert Application.objects.count() == 2
    assert RateCounter.objects.filter(bucket="coaching_application").exists()
    # Saving a draft already started is not a new application: not counted.
    draft = Application.objects.create(form_key="d" * 32, link_salt="s")
    assert client.post(draft_url(draft), {"action": "save"}).status_code == 302


def test_no_round_open_shows_no_form_and_refuses_sending(client, organisation):
    html = client.get(APPLY).content.decode()
    assert 'id="closed-notice"' in html
    assert 'name="goals"' not in html
    response = client.post(APPLY, form_values(organisation, started="x"))
    assert response.status_code == 409
    assert not Application.objects.exists()


def test_a_draft_can_be_saved_but_not_sent_when_the_round_has_closed(client, round_, organisation):
    post_form(client, form_values(organisation, action="save"))
    application = Application.objects.get()
    round_.delete()
    html = client.get(draft_url(application)).content.decode()
    assert 'id="closed-notice"' in html
    assert 'value="send"' not in html
    saved = client.post(draft_url(application), form_values(organisation, action="save"))
    assert saved.status_code == 302
    response = client.post(draft_url(application), form_values(organisation))
    assert response.status_code == 409
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT


def test_the_draft_page_is_private(client, round_, organisation):
    response = post_form(client, form_values(organisation, action="save"))
    page = client.get(response["Location"])
    assert '<meta name="robots" content="noindex">' in page.content.decode()
    assert "no-store" in page["Cache-Control"]
    assert page["Referrer-Policy"] == "same-origin"
