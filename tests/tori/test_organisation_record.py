"""The staff's record of one organisation (/organisaatiot/<slug>/hallinta/): deeds in
every status, coaching applications and sessions, event participation and newsletter
features, with counts; staff only."""

import re

import pytest
from django.urls import reverse

from coaching.services import application_close, application_deed_record
from deeds.models import DeedStatus
from newsletter.issue_services import issue_change
from submissions.models import new_secret
from submissions.services import submission_save
from tests.coaching.factories import accepted, draft, open_round, realised, sent
from tests.deeds.factories import DeedFactory
from tests.editors.factories import UserFactory, editor_of
from tests.events.factories_data import make_event, register
from tests.newsletter.factories import draft_issue
from tests.organisations.factories import OrganisationFactory
from tests.submissions.factories import form_values

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation():
    return OrganisationFactory(name_fi="Limingan kunta")


@pytest.fixture
def record(organisation):
    """Everything the page gathers, with another organisation's rows beside it."""
    other = OrganisationFactory(name_fi="Muu kaupunki")
    published = DeedFactory(organisation=organisation, title="Aamupalaverit")
    archived = DeedFactory(
        organisation=organisation, title="Vanha kokeilu", status=DeedStatus.ARCHIVED
    )
    DeedFactory(organisation=other, title="Toisen teko")
    under_way, _errors = submission_save(
        form_key=new_secret(),
        values=form_values(organisation, title="Keskeneräinen teko"),
        language="fi",
    )
    open_round()
    closed = application_close(
        realised(organisation=organisation, participants=14, employees=9), actor=None
    )
    application_deed_record(closed, published)
    waiting = sent(organisation=organisation)
    draft(organisation=organisation)  # never sent: not on the record
    accepted(organisation=other)
    workshop = make_event(title_fi="Työpaja")
    register(workshop, organisation=organisation)
    register(workshop, organisation=organisation)
    register(make_event(title_fi="Toisen työpaja"), organisation=other)
    featuring = issue_change(
        draft_issue(subject_fi="Kesän uutiskirje"), actor=None, highlights=[published]
    )
    issue_change(draft_issue(subject_fi="Muu numero"), actor=None, highlights=[])
    return {
        "deeds": (published, archived),
        "coaching": (closed, waiting),
        "event": workshop,
        "issue": featuring,
        "submission": under_way,
    }


def url(organisation, language=""):
    return f"{language}/organisaatiot/{organisation.slug}/hallinta/"


def test_the_record_gathers_every_app(admin_client, organisation, record):
    response = admin_client.get(url(organisation))
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store, private"
    html = response.content.decode()
    counts = response.context["counts"]
    assert counts == {
        "deeds": 2,
        "published": 1,
        "submissions": 1,
        "coaching": 2,
        "events": 1,
        "registrants": 2,
        "issues": 1,
    }
    published, archived = record["deeds"]
    for deed in (published, archived):
        assert f'data-deed="{deed.pk}"' in html
    assert "Vanha kokeilu" in html and "Toisen teko" not in html
    assert f'data-submission="{record["submission"].pk}"' in html
    assert archived.get_status_display() in html
    closed, waiting = record["coaching"]
    assert re.findall(r'data-application="(\d+)"', html) == [str(waiting.pk), str(closed.pk)]
    assert reverse("coaching_staff:application", kwargs={"pk": closed.pk}) in html
    assert "14 (9)" in html  # participants (employees) of the largest held session
    assert f'data-event="{record["event"].pk}"' in html and "Toisen työpaja" not in html
    assert f'data-issue="{record["issue"].pk}"' in html
    assert "Kesän uutiskirje" in html and "Muu numero" not in html
    assert len(re.findall(r"<h1[\s>]", html)) == 1


def test_an_organisation_with_nothing_yet(admin_client):
    empty = OrganisationFactory()
    response = admin_client.get(url(empty))
    assert response.status_code == 200
    assert set(response.context["counts"].values()) == {0}
    assert admin_client.get("/organisaatiot/ei-ole/hallinta/").status_code == 404


def test_in_swedish_too(admin_client, organisation, record):
    response = admin_client.get(url(organisation, "/sv"))
    assert response.status_code == 200 and 'lang="sv"' in response.content.decode()


def test_only_staff_see_it(client, organisation, record):
    response = client.get(url(organisation))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    client.force_login(UserFactory())
    assert client.get(url(organisation)).status_code == 403
    # Not even the organisation's own editor: the record is the programme's.
    client.force_login(editor_of(organisation))
    response = client.get(url(organisation))
    assert response.status_code == 403 and "Aamupalaverit" not in response.content.decode()


def test_the_public_page_links_to_it_for_staff_only(client, admin_client, organisation):
    link = f'href="{url(organisation)}"'
    assert link in admin_client.get(organisation.get_absolute_url()).content.decode()
    assert link not in client.get(organisation.get_absolute_url()).content.decode()
    client.force_login(editor_of(organisation))
    assert link not in client.get(organisation.get_absolute_url()).content.decode()
