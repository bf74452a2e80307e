"""Sharing a deed through the public form, from draft to publication (HTTP)."""

import pytest
from django.core import mail

from audit.models import AuditEntry
from deeds.models import Deed, DeedStatus
from emails.models import EmailStatus, OutgoingEmail
from submissions.models import Submission, SubmissionStatus
from tests.organisations.factories import OrganisationFactory, municipality
from tests.submissions.factories import form_values
from tests.submissions.helpers import link_from, open_form, post_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation():
    return OrganisationFactory(name_fi="Limingan kunta", name_sv="Limingo kommun")


def send(client, organisation, django_capture_on_commit_callbacks, **changes):
    response = post_form(client, form_values(organisation, **changes), action="preview")
    assert response.status_code == 302, response.content.decode()[:3000]
    preview_url = response["Location"]
    assert client.get(preview_url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(preview_url)
    assert response.status_code == 302
    return Submission.objects.get()


def test_a_sent_deed_waits_for_email_confirmation_then_enters_moderation(
    client, organisation, django_capture_on_commit_callbacks
):
    submission = send(client, organisation, django_capture_on_commit_callbacks)
    assert submission.status == SubmissionStatus.UNVERIFIED
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["lahettaja@example.fi"]
    assert message.subject == "Vahvista sähköpostiosoitteesi"
    assert message.alternatives[0][1] == "text/html"

    page = client.get(link_from(message))
    assert page.status_code == 200
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.IN_REVIEW
    assert not Deed.objects.exists()  # nothing public before moderation


def test_staff_publish_a_confirmed_deed_and_the_submitter_is_told(
    client, admin_client, admin_user, organisation, django_capture_on_commit_callbacks
):
    submission = send(client, organisation, django_capture_on_commit_callbacks)
    client.get(link_from(mail.outbox[0]))

    queue = admin_client.get("/moderointi/")
    assert "Kotihoidon aamupalaverit lyhyemmiksi" in queue.content.decode()
    review = admin_client.get(f"/moderointi/{submission.pk}/")
    assert "Aamun ensimmäiset käynnit" in review.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/moderointi/{submission.pk}/", {"action": "publish"})
    assert response.status_code == 302

    deed = Deed.objects.get()
    assert deed.status == DeedStatus.PUBLISHED and deed.organisation == organisation
    assert deed.links.get().url == "https://www.example.fi/kotihoito"
    # The named colleague is asked first (tests/deeds/test_contact_consent.py).
    assert not deed.contacts.get().publish_consent
    page = client.get(deed.get_absolute_url()).content.decode()
    assert "Kotihoidon aamupalaverit lyhyemmiksi" in page and "maija@example.fi" not in page
    assert [m.to for m in mail.outbox[-2:]] == [["maija@example.fi"], ["lahettaja@example.fi"]]
    assert mail.outbox[-1].subject == "Tekosi on julkaistu"
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"submission.sent", "submission.published", "deed.published"} <= actions


def test_errors_are_shown_beside_each_field_and_everything_typed_is_kept(client, organisation):
    values = form_values(organisation, title="", sectors=[], email="ei-osoite")
    response = post_form(client, values, action="preview")
    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_title_error"' in page
    assert "Kirjoita otsikko: muutama sana siitä, mitä tehtiin." in page
    assert "Valitse vähintään yksi toimiala." in page
    assert "Kirjoita sähköpostiosoite muodossa nimi@kunta.fi." in page
    assert "Kokeilimme seisovaa palaveria taulun ääressä." in page  # kept
    stored = Submission.objects.get()
    assert stored.status == SubmissionStatus.DRAFT
    assert stored.data["description"] == "Kokeilimme seisovaa palaveria taulun ääressä."


def test_errors_come_in_the_language_of_the_page(client, organisation):
    values = form_values(organisation, title="")
    response = post_form(client, values, action="preview", url="/sv/ilmianna/")
    assert "Skriv en rubrik: några ord om vad som gjordes." in response.content.decode()


def test_a_double_clicked_first_save_makes_one_draft(client, organisation):
    hidden = open_form(client)
    values = form_values(organisation)
    post_form(client, values, hidden=hidden)
    post_form(client, values, hidden=hidden)
    assert Submission.objects.count() == 1


def test_sending_twice_sends_one_deed_and_one_email(
    client, organisation, django_capture_on_commit_callbacks
):
    submission = send(client, organisation, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/ilmianna/{submission.form_key}/esikatselu/")
    assert response.status_code == 302
    assert Submission.objects.count() == 1 and len(mail.outbox) == 1


def test_an_unknown_organisation_offers_close_matches(client, organisation):
    response = post_form(
        client, form_values(organisation, organisation_name="Liminga"), action="preview"
    )
    page = response.content.decode()
    assert "Tarkoititko jotakin näistä?" in page and 'value="Limingan kunta"' in page


def test_a_new_organisation_is_confirmed_by_staff_on_publishing(
    client, admin_client, organisation, django_capture_on_commit_callbacks
):
    values = form_values(
        organisation,
        organisation_name="",
        organisation_missing="on",
        new_organisation_name="Pohjois-Pohjanmaan Testiyhtymä",
        new_organisation_type="joint_authority",
        new_organisation_municipality=str(municipality("425").pk),
    )
    submission = send(client, organisation, django_capture_on_commit_callbacks, **values)
    client.get(link_from(mail.outbox[0]))
    review = admin_client.get(f"/moderointi/{submission.pk}/").content.decode()
    assert "Pohjois-Pohjanmaan Testiyhtymä" in review
    admin_client.post(f"/moderointi/{submission.pk}/", {"action": "publish"})
    deed = Deed.objects.get()
    assert deed.organisation.name_fi == "Pohjois-Pohjanmaan Testiyhtymä"
    assert deed.organisation.type == "joint_authority"


def test_mail_that_cannot_be_sent_waits_and_goes_out_later(
    client, organisation, settings, django_capture_on_commit_callbacks, time_machine
):
    from django.core.management import call_command

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    submission = send(client, organisation, django_capture_on_commit_callbacks)
    assert submission.status == SubmissionStatus.UNVERIFIED  # saved despite the mail server
    stored = OutgoingEmail.objects.get()
    assert stored.status == EmailStatus.PENDING and stored.attempts == 1 and stored.last_error

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("send_pending_emails", verbosity=0)
    assert len(mail.outbox) == 0  # not yet due
    time_machine.move_to(stored.next_attempt_at)
    call_command("send_pending_emails", verbosity=0)
    stored.refresh_from_db()
    assert stored.status == EmailStatus.SENT and len(mail.outbox) == 1
