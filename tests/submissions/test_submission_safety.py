"""Spam checks, uploaded files and rich text in the public form."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from deeds.models import Deed
from submissions.models import BlockedAttempt, Submission, SubmissionFile
from tests.deeds.factories import image_bytes
from tests.organisations.factories import OrganisationFactory
from tests.submissions.factories import form_values
from tests.submissions.helpers import open_form, post_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation():
    return OrganisationFactory(name_fi="Lempäälän kunta")


def test_a_filled_honeypot_saves_nothing_and_is_counted(client, organisation):
    response = post_form(client, form_values(organisation, tt_leave_empty="http://spam.example"))
    assert response.status_code == 400
    assert not Submission.objects.exists()
    assert BlockedAttempt.objects.get(reason="honeypot").count == 1


def test_a_form_sent_too_fast_keeps_what_was_typed(client, organisation, settings):
    settings.SUBMISSION_MIN_FILL_SECONDS = 60
    response = post_form(client, form_values(organisation))
    page = response.content.decode()
    assert response.status_code == 400
    assert "Kokeilimme seisovaa palaveria taulun ääressä." in page
    assert BlockedAttempt.objects.get(reason="too_fast").count == 1


def test_new_drafts_from_one_address_are_limited_per_hour(client, organisation, settings):
    settings.SUBMISSION_RATE_PER_HOUR = 2
    statuses = [post_form(client, form_values(organisation)).status_code for _ in range(3)]
    assert statuses == [302, 302, 429]
    assert Submission.objects.count() == 2
    assert BlockedAttempt.objects.get(reason="rate_limit").count == 1


def exif_jpeg():
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (65.0, 4.0, 0.0)}  # GPS position
    return image_bytes(image_format="JPEG", exif=exif.tobytes())


def test_images_lose_their_location_and_need_a_description_before_sending(client, organisation):
    hidden = open_form(client)
    upload = SimpleUploadedFile("kuva.jpg", exif_jpeg(), content_type="image/jpeg")
    response = post_form(
        client, form_values(organisation), action="preview", hidden=hidden, files={"images": upload}
    )
    assert response.status_code == 200  # asks for the description
    stored = SubmissionFile.objects.get()
    with stored.file.open("rb") as handle:
        assert not Image.open(io.BytesIO(handle.read())).getexif()
    url = f"/ilmianna/{stored.submission.form_key}/"
    values = {**form_values(organisation), f"alt_text_{stored.pk}": "Tiimi taulun ääressä"}
    response = post_form(client, values, action="preview", url=url, hidden={})
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("field", "name", "content"),
    [
        ("images", "kuva.jpg", b"<?php echo 'not an image'; ?>"),
        ("images", "kuva.gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"),
        ("attachments", "liite.pdf", b"MZ\x90\x00 an executable"),
    ],
)
def test_files_are_accepted_by_content_not_by_name(client, organisation, field, name, content):
    upload = SimpleUploadedFile(name, content)
    response = post_form(client, form_values(organisation), files={field: upload})
    assert response.status_code == 302
    assert not SubmissionFile.objects.exists()
    page = client.get(response["Location"]).content.decode()
    assert name in page  # the refusal names the file


def test_a_pdf_attachment_is_published_with_the_deed(client, admin_client, organisation):
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    response = post_form(
        client,
        form_values(organisation),
        files={"attachments": SimpleUploadedFile("Raportti 2025.pdf", pdf)},
    )
    submission = Submission.objects.get()
    assert submission.files.get().kind == "attachment"
    client.post(f"/ilmianna/{submission.form_key}/esikatselu/")
    submission.refresh_from_db()
    submission.email_verified = submission.email
    submission.status = "in_review"
    submission.save()
    admin_client.post(f"/moderointi/{submission.pk}/", {"action": "publish"})
    page = client.get(Deed.objects.get().get_absolute_url()).content.decode()
    assert "Raportti 2025" in page and response.status_code == 302


def test_html_typed_into_the_story_is_shown_as_text(client, admin_client, organisation):
    values = form_values(
        organisation, background='<script>alert(1)</script><b onclick="x">lihava</b>'
    )
    post_form(client, values)
    submission = Submission.objects.get()
    client.post(f"/ilmianna/{submission.form_key}/esikatselu/")
    Submission.objects.filter(pk=submission.pk).update(
        status="in_review", email_verified=submission.email
    )
    admin_client.post(f"/moderointi/{submission.pk}/", {"action": "publish"})
    page = client.get(Deed.objects.get().get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in page and "<b onclick" not in page
    assert "&lt;b onclick=" in page  # shown as the text that was typed
