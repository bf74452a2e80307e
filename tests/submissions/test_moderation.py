"""Moderation decisions, edits of published deeds and who may do what (HTTP)."""

import pytest
from django.core import mail
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from audit.models import AuditEntry
from deeds.models import Deed
from submissions.models import Submission, SubmissionFile, SubmissionStatus
from tests.deeds.factories import DeedContactFactory, DeedFactory, image_bytes
from tests.organisations.factories import OrganisationFactory
from tests.submissions.factories import form_values
from tests.submissions.helpers import link_from, post_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation():
    return OrganisationFactory(name_fi="Kangasalan kaupunki")


@pytest.fixture
def in_review(client, organisation, django_capture_on_commit_callbacks):
    """A deed sent and confirmed, waiting for moderation."""
    response = post_form(client, form_values(organisation), action="preview")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(response["Location"])
    client.get(link_from(mail.outbox[-1]))
    submission = Submission.objects.get()
    assert submission.status == SubmissionStatus.IN_REVIEW
    return submission


def test_a_returned_deed_is_edited_by_its_submitter_and_then_published(
    client, admin_client, organisation, in_review, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            f"/moderointi/{in_review.pk}/",
            {"action": "return", "message": "Lisää tulokset numeroina."},
        )
    in_review.refresh_from_db()
    assert in_review.status == SubmissionStatus.RETURNED
    returned_mail = mail.outbox[-1]
    assert "Lisää tulokset numeroina." in returned_mail.body

    follow = client.get(link_from(returned_mail))
    assert "Lisää tulokset numeroina." in follow.content.decode()
    edit = client.post(f"{link_from(returned_mail)}toiminto/", {"action": "edit"})
    edit_url = edit["Location"]
    assert edit_url == f"/ilmianna/{in_review.form_key}/"
    values = form_values(organisation, results="Käynnit alkavat 20 min aiemmin.")
    preview = post_form(client, values, action="preview", url=edit_url, hidden={})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(preview["Location"])
    in_review.refresh_from_db()
    assert in_review.status == SubmissionStatus.IN_REVIEW  # the address was confirmed before

    admin_client.post(f"/moderointi/{in_review.pk}/", {"action": "publish"})
    assert Deed.objects.get().results == "Käynnit alkavat 20 min aiemmin."


def test_rejecting_needs_a_reason_which_the_submitter_receives(
    admin_client, in_review, django_capture_on_commit_callbacks
):
    admin_client.post(f"/moderointi/{in_review.pk}/", {"action": "reject", "message": ""})
    in_review.refresh_from_db()
    assert in_review.status == SubmissionStatus.IN_REVIEW
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            f"/moderointi/{in_review.pk}/", {"action": "reject", "message": "Ei kuntatyötä."}
        )
    in_review.refresh_from_db()
    assert in_review.status == SubmissionStatus.REJECTED
    assert "Ei kuntatyötä." in mail.outbox[-1].body
    entry = AuditEntry.objects.get(action="submission.rejected")
    assert entry.reason == "Ei kuntatyötä." and entry.actor is not None


def test_staff_edits_are_recorded_with_the_fields_they_changed(admin_client, in_review):
    values = {**in_review.data, "title": "Lyhyemmät aamupalaverit kotihoidossa"}
    admin_client.post(f"/moderointi/{in_review.pk}/muokkaa/", values)
    in_review.refresh_from_db()
    assert in_review.title == "Lyhyemmät aamupalaverit kotihoidossa"
    entry = AuditEntry.objects.get(action="submission.edited")
    assert entry.data["fields"] == ["title"]


def test_an_edit_of_a_published_deed_waits_while_the_old_version_stays_live(
    client, admin_client, organisation, django_capture_on_commit_callbacks
):
    deed = DeedFactory(title="Vanha otsikko", organisation=organisation)
    original = Submission.objects.create(
        deed=deed,
        status=SubmissionStatus.PUBLISHED,
        email="lahettaja@example.fi",
        email_verified="lahettaja@example.fi",
        data={},
    )
    edit = client.post(f"{original.get_secret_url()}toiminto/", {"action": "edit"})
    revision = Submission.objects.get(is_revision=True)
    assert edit["Location"] == f"/ilmianna/{revision.form_key}/"
    values = {**revision.data, "title": "Uusi otsikko", "sectors": [], "themes": []}
    values["licence"] = "on"  # the submitter agrees to the licence again for the edit
    values.update(
        {k: v for k, v in form_values(organisation).items() if k in ("sectors", "themes")}
    )
    preview = post_form(client, values, action="preview", url=edit["Location"], hidden={})
    assert preview.status_code == 302, preview.content.decode()[-4000:]
    diff_page = client.get(preview["Location"]).content.decode()
    assert "<del>Vanha</del>" in diff_page or "<del>Vanha otsikko</del>" in diff_page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(preview["Location"])
    revision.refresh_from_db()
    assert revision.status == SubmissionStatus.IN_REVIEW
    assert client.get(deed.get_absolute_url()).status_code == 200
    deed.refresh_from_db()
    assert deed.title == "Vanha otsikko"  # still the published version

    review = admin_client.get(f"/moderointi/{revision.pk}/").content.decode()
    assert "Uusi" in review and "<del>" in review
    admin_client.post(f"/moderointi/{revision.pk}/", {"action": "publish"})
    deed.refresh_from_db()
    assert deed.title == "Uusi otsikko" and Deed.objects.count() == 1
    assert AuditEntry.objects.filter(action="deed.revised").exists()


def test_withdrawing_consent_hides_contact_details_at_once(client, organisation):
    deed = DeedFactory(organisation=organisation)
    DeedContactFactory(deed=deed, email="yhteys@example.fi", publish_consent=True)
    assert "yhteys@example.fi" in client.get(deed.get_absolute_url()).content.decode()
    submission = Submission.objects.create(
        deed=deed, status=SubmissionStatus.PUBLISHED, email="a@example.fi", data={}
    )
    client.post(f"{submission.get_secret_url()}toiminto/", {"action": "withdraw_consent"})
    assert "yhteys@example.fi" not in client.get(deed.get_absolute_url()).content.decode()


@pytest.mark.parametrize("path", ["/moderointi/", "/moderointi/{pk}/", "/moderointi/{pk}/muokkaa/"])
def test_moderation_is_for_staff_only(client, django_user_model, in_review, path):
    url = path.format(pk=in_review.pk)
    assert client.get(url).status_code == 302  # to the sign-in page
    user = django_user_model.objects.create_user(email="editori@example.fi", password="x")
    client.force_login(user)
    assert client.get(url).status_code == 302
    response = client.post(url.replace("muokkaa/", ""), {"action": "publish"})
    assert response.status_code == 302
    in_review.refresh_from_db()
    assert in_review.status == SubmissionStatus.IN_REVIEW


def test_a_wrong_or_tampered_secret_link_opens_nothing(client, in_review):
    token = in_review.link_token
    assert client.get(f"/ilmianna/seuraa/{token}x/").status_code == 404
    assert (
        client.get(f"/ilmianna/seuraa/{in_review.pk + 1}.{token.split('.')[1]}/").status_code == 404
    )
    assert client.get("/ilmianna/seuraa/abc/").status_code == 404


def test_staff_add_an_image_and_a_later_edit_removing_it_leaves_the_live_deed_intact(
    client, admin_client, in_review
):
    upload = SimpleUploadedFile("taulu.png", image_bytes(), content_type="image/png")
    response = admin_client.post(
        f"/moderointi/{in_review.pk}/muokkaa/", {**in_review.data, "images": upload}
    )
    assert response.status_code == 200  # the image needs a description first
    stored = SubmissionFile.objects.get()
    assert "Kuvaile kuva" in response.content.decode()
    values = {**in_review.data, f"alt_text_{stored.pk}": "Palaveritaulu"}
    assert admin_client.post(f"/moderointi/{in_review.pk}/muokkaa/", values).status_code == 302
    admin_client.post(f"/moderointi/{in_review.pk}/", {"action": "publish"})
    image = Deed.objects.get().images.get()
    assert image.alt_text == "Palaveritaulu"

    edit = client.post(f"{in_review.get_secret_url()}toiminto/", {"action": "edit"})
    revision = Submission.objects.get(is_revision=True)
    shared = revision.files.get()
    post_form(
        client,
        {**revision.data, "remove_file": str(shared.pk)},
        url=edit["Location"],
        hidden={},
    )
    assert not revision.files.exists()
    assert default_storage.exists(image.image.name)  # still shown on the live deed
