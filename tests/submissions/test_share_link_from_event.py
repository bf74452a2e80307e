"""The workshop's thank-you link opens the share form prefilled, and the draft records
the event (events.services.share_link → submissions.prefill)."""

import re
from urllib.parse import urlsplit

import pytest

from audit.models import AuditEntry
from events.mailings import share_link
from submissions.models import Submission
from taxonomy.models import Theme
from tests.events.factories_data import make_event, register
from tests.organisations.factories import OrganisationFactory
from tests.submissions.factories import form_values
from tests.submissions.helpers import hidden_fields

pytestmark = pytest.mark.django_db
HIDDEN_EVENT = re.compile(r'<input type="hidden" name="tapahtuma" value="(\d+)">')


@pytest.fixture
def workshop():
    theme = Theme.objects.active().order_by("position")[2]
    event = make_event(title_fi="Aamupalaverien työpaja", themes=[theme])
    return event, theme


@pytest.fixture
def liminka():
    return OrganisationFactory(name_fi="Limingan kunta", name_sv="Limingo kommun")


def open_link(client, url):
    parts = urlsplit(url)
    response = client.get(f"{parts.path}?{parts.query}")
    assert response.status_code == 200
    return response


def test_the_link_prefills_organisation_and_theme_and_names_the_event(client, workshop, liminka):
    event, theme = workshop
    link = share_link(event, register(event, organisation=liminka))
    response = open_link(client, link)
    form = response.context["form"]
    assert form["organisation_name"].value() == "Limingan kunta"
    assert form["themes"].value() == [str(theme.pk)]
    html = response.content.decode()
    assert HIDDEN_EVENT.findall(html) == [str(event.pk)]
    assert "Aamupalaverien työpaja" in html


def test_the_first_save_records_the_event_on_the_draft(client, workshop, liminka):
    event, _theme = workshop
    html = open_link(client, share_link(event, register(event, organisation=liminka)))
    html = html.content.decode()
    hidden = {**hidden_fields(html), "tapahtuma": HIDDEN_EVENT.findall(html)[0]}
    response = client.post("/ilmianna/", {**hidden, **form_values(liminka), "action": "save"})
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert submission.event == event
    created = AuditEntry.objects.for_object(submission).get(action="submission.created")
    assert created.data == {"event": event.pk}
    # The draft's own page carries the event no further: it is stored.
    edit = client.get(response["Location"])
    assert not HIDDEN_EVENT.search(edit.content.decode())
    assert "Aamupalaverien työpaja" in edit.content.decode()
    client.post(response["Location"], {**form_values(liminka, title="Toinen"), "action": "save"})
    submission.refresh_from_db()
    assert submission.event == event and submission.title == "Toinen"


def test_moderators_see_the_event(client, staff_user, workshop, liminka):
    event, _theme = workshop
    html = open_link(client, share_link(event, register(event, organisation=liminka)))
    hidden = {**hidden_fields(html.content.decode()), "tapahtuma": str(event.pk)}
    client.post("/ilmianna/", {**hidden, **form_values(liminka), "action": "save"})
    submission = Submission.objects.get()
    client.force_login(staff_user)
    page = client.get(f"/moderointi/{submission.pk}/").content.decode()
    assert f'data-event="{event.pk}"' in page
    assert event.get_absolute_url() in page and "Aamupalaverien työpaja" in page


@pytest.mark.parametrize(
    "query",
    [
        "tapahtuma=abc&organisaatio=Tuntematon+kunta&teema=ei-ole",
        "tapahtuma=99999999999999999999&organisaatio=&teema=",
        "tapahtuma=%EF%BC%91%EF%BC%92&teema=A%00B",  # full-width digits, NUL
        "tapahtuma=1%00&organisaatio=Limingan%00kunta&teema=" + "a" * 500,
        "tapahtuma=-1&organisaatio=" + "a" * 5000,
    ],
)
def test_bad_values_are_ignored(client, liminka, query):
    response = client.get(f"/ilmianna/?{query}")
    assert response.status_code == 200
    form = response.context["form"]
    assert not form["organisation_name"].value() and not form["themes"].value()
    assert not HIDDEN_EVENT.search(response.content.decode())


def test_a_draft_event_or_a_forged_id_is_not_recorded(client, liminka):
    draft = make_event(publish=False)
    response = client.get(f"/ilmianna/?tapahtuma={draft.pk}&organisaatio=Limingan+kunta")
    # The organisation is still filled in: each value stands on its own.
    assert response.context["form"]["organisation_name"].value() == "Limingan kunta"
    html = response.content.decode()
    assert not HIDDEN_EVENT.search(html)
    hidden = {**hidden_fields(html), "tapahtuma": str(draft.pk)}
    client.post("/ilmianna/", {**hidden, **form_values(liminka), "action": "save"})
    assert Submission.objects.get().event is None


def test_a_later_post_cannot_attach_an_event_to_an_existing_draft(client, workshop, liminka):
    event, _theme = workshop
    html = client.get("/ilmianna/").content.decode()
    response = client.post("/ilmianna/", {**hidden_fields(html), **form_values(liminka)})
    client.post(response["Location"], {**form_values(liminka), "tapahtuma": str(event.pk)})
    assert Submission.objects.get().event is None
