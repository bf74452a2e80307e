"""An editor sees and edits their own organisation's deeds in every state, and never
another organisation's (HTTP)."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client

from deeds.models import DeedStatus
from submissions.models import Submission, SubmissionStatus
from tests.deeds.factories import DeedContactFactory, DeedFactory
from tests.editors.factories import editor_of
from tests.organisations.factories import OrganisationFactory
from tests.submissions.factories import form_values
from tests.submissions.helpers import link_from, post_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def own():
    return OrganisationFactory(name_fi="Limingan kunta")


@pytest.fixture
def other():
    return OrganisationFactory(name_fi="Lempäälän kunta")


@pytest.fixture
def editor(client, own):
    user = editor_of(own)
    client.force_login(user)
    return user


def sent_submission(organisation, status=SubmissionStatus.IN_REVIEW, **fields):
    return Submission.objects.create(
        organisation=organisation,
        status=status,
        data=form_values(organisation),
        email="lahettaja@example.fi",
        **fields,
    )


def test_the_editor_sees_their_deeds_in_every_state(client, editor, own, other):
    published = DeedFactory(organisation=own, title="Julkaistu teko")
    archived = DeedFactory(organisation=own, title="Arkistoitu teko", status=DeedStatus.ARCHIVED)
    waiting = sent_submission(own)
    returned = sent_submission(own, status=SubmissionStatus.RETURNED, message="Lisää tulokset.")
    DeedFactory(organisation=other, title="Naapurin teko")
    sent_submission(other)
    draft_of_stranger = sent_submission(own, status=SubmissionStatus.DRAFT)

    html = client.get("/toimittaja/").content.decode()
    assert published.title in html and archived.title in html
    assert f"/toimittaja/ilmoitukset/{waiting.pk}/" in html
    assert f"/toimittaja/ilmoitukset/{returned.pk}/" in html
    assert "Naapurin teko" not in html
    assert f"/toimittaja/ilmoitukset/{draft_of_stranger.pk}/" not in html  # unsent: private

    detail = client.get(f"/toimittaja/ilmoitukset/{returned.pk}/").content.decode()
    assert "Lisää tulokset." in detail
    assert f"/ilmianna/{returned.form_key}/" in detail  # they can take it over


def test_another_organisations_deeds_stay_closed(client, editor, other):
    theirs = DeedFactory(organisation=other)
    contact = DeedContactFactory(deed=theirs)
    their_submission = sent_submission(other)

    assert client.get(f"/toimittaja/ilmoitukset/{their_submission.pk}/").status_code == 404
    assert client.post(f"/toimittaja/teot/{theirs.pk}/muokkaa/").status_code == 404
    assert client.get(f"/toimittaja/teot/{theirs.pk}/yhteyshenkilo/").status_code == 404
    response = client.post(
        f"/toimittaja/teot/{theirs.pk}/yhteyshenkilo/",
        {"contact": contact.pk, "name": "Kaappaaja", "email": "k@example.fi", "language": "fi"},
    )
    assert response.status_code == 404
    contact.refresh_from_db()
    assert contact.name == "Maija Meikäläinen"
    assert not Submission.objects.filter(deed=theirs).exists()
    # Asking for another organisation by name shows one's own instead.
    html = client.get(f"/toimittaja/?organisaatio={other.slug}").content.decode()
    assert other.name_fi not in html


def test_a_partner_organisations_editor_does_not_edit_the_deed(client, editor, own, other):
    shared = DeedFactory(organisation=other, partners=[own])
    assert client.post(f"/toimittaja/teot/{shared.pk}/muokkaa/").status_code == 404


def test_signed_out_people_and_non_editors_are_turned_away(client, own):
    deed = DeedFactory(organisation=own)
    assert client.get("/toimittaja/")["Location"].startswith("/tili/kirjaudu/?next=")
    assert client.post(f"/toimittaja/teot/{deed.pk}/muokkaa/").status_code == 302
    client.force_login(editor_of(OrganisationFactory()))
    assert client.post(f"/toimittaja/teot/{deed.pk}/muokkaa/").status_code == 404


def test_an_editors_change_goes_through_moderation_while_the_deed_stays_live(
    client, admin_client, editor, own, django_capture_on_commit_callbacks
):
    deed = DeedFactory(organisation=own, title="Vanha otsikko")
    response = client.post(f"/toimittaja/teot/{deed.pk}/muokkaa/")
    edit_url = response["Location"]
    revision = Submission.objects.get(deed=deed)
    assert edit_url == f"/ilmianna/{revision.form_key}/"
    assert revision.created_by == editor
    # Pressing "edit" again continues the same edit.
    assert client.post(f"/toimittaja/teot/{deed.pk}/muokkaa/")["Location"] == edit_url

    values = form_values(own, title="Uusi otsikko", email=editor.email)
    preview = post_form(client, values, action="preview", url=edit_url, hidden={})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(preview["Location"])
    revision.refresh_from_db()
    assert revision.status == SubmissionStatus.IN_REVIEW  # signed in: no email to confirm
    assert client.get(deed.get_absolute_url()).content.decode().count("Vanha otsikko") >= 1
    assert "Muutokset: Tarkastettavana" in client.get("/toimittaja/").content.decode()

    admin_client.post(f"/moderointi/{revision.pk}/", {"action": "publish"})
    deed.refresh_from_db()
    assert deed.title == "Uusi otsikko"


def test_staff_hear_of_a_deed_that_waits_for_them(
    client, admin_user, own, django_capture_on_commit_callbacks
):
    quiet = type(admin_user).objects.create_user(
        email="hiljainen@example.fi", password="x", is_staff=True, notify_moderation=False
    )
    response = post_form(client, form_values(own), action="preview")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(response["Location"])
    assert [m.to for m in mail.outbox] == [["lahettaja@example.fi"]]  # not yet: unconfirmed
    with django_capture_on_commit_callbacks(execute=True):
        client.get(link_from(mail.outbox[0]))
    notified = [m for m in mail.outbox if "/moderointi/" in m.body]
    assert [m.to for m in notified] == [[admin_user.email]]
    assert quiet.email not in {a for m in mail.outbox for a in m.to}


def test_the_editor_sees_how_often_their_deeds_were_read(client, editor, own):
    read, unread = DeedFactory(organisation=own), DeedFactory(organisation=own)
    reader = Client(HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0")
    for address in ("10.0.0.1", "10.0.0.2", "10.0.0.1"):
        reader.get(read.get_absolute_url(), REMOTE_ADDR=address)
    client.get(read.get_absolute_url())  # the editor's own reading is not counted
    call_command("rollup_analytics", verbosity=0)
    counts = {deed.pk: deed.view_count for deed in client.get("/toimittaja/").context["page"]}
    assert counts == {read.pk: 3, unread.pk: 0}
