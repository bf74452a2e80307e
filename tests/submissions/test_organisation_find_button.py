"""The share form's organisation field without JavaScript: "Find" lists the
organisations matching what was typed as choices, and keeps everything else."""

from types import SimpleNamespace

import pytest

from organisations.models import OrganisationType
from submissions.models import Submission
from tests.organisations.factories import OrganisationFactory, municipality
from tests.submissions.factories import form_values
from tests.submissions.helpers import post_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry():
    liminka = OrganisationFactory(name_fi="Limingan kunta", name_sv="Limingo kommun")
    OrganisationFactory(name_fi="Limingan Vesi Oy", name_sv="", type=OrganisationType.COMPANY)
    helsinki = OrganisationFactory(
        name_fi="Helsingin kaupunki", name_sv="Helsingfors stad", municipality=municipality("091")
    )
    return liminka, helsinki


def find(client, typed, **changes):
    values = form_values(SimpleNamespace(name_fi=typed), **changes)
    response = post_form(client, values, action="find_organisation")
    assert response.status_code == 302
    assert response["Location"].endswith("?find=1#organisation-candidates")
    return client.get(response["Location"])


@pytest.mark.parametrize("typed", ["Liminka", "Limingan", "Limnka"])
def test_find_lists_the_municipality_first_as_a_choice(client, registry, typed):
    page = find(client, typed).content.decode()
    assert 'id="organisation-candidates"' in page
    assert "Valitse organisaatiosi" in page
    choices = page.split('id="organisation-candidates"', 1)[1]
    assert choices.index('value="Limingan kunta"') < choices.index('value="Limingan Vesi Oy"')
    assert 'type="radio" name="organisation_name" value="Limingan kunta"' in page


def test_find_keeps_what_was_typed_and_saves_the_draft(client, registry):
    response = find(client, "Helsingfors", title="Aamupalaverit lyhyemmiksi")
    page = response.content.decode()
    assert 'value="Aamupalaverit lyhyemmiksi"' in page
    assert 'name="organisation_name" id="id_organisation_name"' in page
    assert 'value="Helsingfors"' in page
    assert 'value="Helsingin kaupunki"' in page
    submission = Submission.objects.get()
    assert submission.data["title"] == "Aamupalaverit lyhyemmiksi"
    assert submission.data["organisation_name"] == "Helsingfors"


def test_choosing_a_found_organisation_makes_the_form_sendable(client, registry):
    response = find(client, "Limingan")
    edit_url = response.request["PATH_INFO"]
    # The radio button's value comes after the text field's, so it wins.
    values = form_values(registry[0], organisation_name=["Limingan", "Limingan kunta"])
    hidden = {"form_key": Submission.objects.get().form_key}
    response = post_form(client, values, action="preview", url=edit_url, hidden=hidden)
    assert response.status_code == 302 and response["Location"].endswith("/esikatselu/")


def test_find_says_so_when_nothing_matches(client, registry):
    page = find(client, "Xyzzyq").content.decode()
    assert "Haulla ”Xyzzyq” ei löytynyt organisaatiota" in page


@pytest.mark.parametrize("typed", ["\x00", "'\"*NEAR:", "a" * 10_000, "Limin\x00ka"])
def test_find_with_hostile_text_never_fails(client, registry, typed):
    values = form_values(SimpleNamespace(name_fi=typed))
    response = post_form(client, values, action="find_organisation")
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200


def test_a_failed_send_offers_the_finder_candidates(client, registry):
    values = form_values(registry[0], organisation_name="Hlsinki")
    page = post_form(client, values, action="preview").content.decode()
    assert "Tarkoititko jotakin näistä?" in page and 'value="Helsingin kaupunki"' in page


def test_find_with_no_organisation_typed_is_an_ordinary_save(client, registry):
    # Enter in any text field presses the form's first button, which is "Find".
    values = form_values(SimpleNamespace(name_fi=""), title="Pelkkä otsikko")
    response = post_form(client, values, action="find_organisation")
    assert response.status_code == 302 and "find=1" not in response["Location"]
    assert Submission.objects.get().data["title"] == "Pelkkä otsikko"
