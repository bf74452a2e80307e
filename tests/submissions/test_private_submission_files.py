"""Files of unpublished submissions are private (issue 19, item 11): kept outside
MEDIA_ROOT under random names, served only to the submitter through the form's secret
link, to staff and to the organisation's editors; public once the deed is published."""

import io
import re

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from deeds.models import Deed, DeedImage
from submissions.models import Submission, SubmissionFile, SubmissionStatus
from submissions.storage import private_storage
from tests.deeds.factories import DeedFactory, image_bytes
from tests.editors.factories import editor_of
from tests.organisations.factories import OrganisationFactory
from tests.submissions.factories import form_values
from tests.submissions.helpers import link_from, post_form

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def organisation():
    return OrganisationFactory(name_fi="Kangasalan kaupunki")


def png(name="kuva.png"):
    return SimpleUploadedFile(name, image_bytes(64, 48), content_type="image/png")


@pytest.fixture
def draft(client, organisation):
    """A draft with an image and a PDF, saved through the share form."""
    files = {
        "images": png("kuva.png"),
        "attachments": SimpleUploadedFile("raportti.pdf", PDF, content_type="application/pdf"),
    }
    response = post_form(client, form_values(organisation), files=files)
    assert response.status_code == 302
    return Submission.objects.get()


def send(client, organisation, submission, capture):
    """Describe the image, send the draft and confirm the address: in moderation."""
    image = submission.files.get(kind="image")
    values = form_values(organisation, **{f"alt_text_{image.pk}": "Kuntalaiset kahvilla"})
    url = f"/ilmianna/{submission.form_key}/"
    preview = post_form(client, values, action="preview", url=url, hidden={})
    with capture(execute=True):
        client.post(preview["Location"])
    client.get(link_from(mail.outbox[-1]))
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.IN_REVIEW
    return submission


def private_url(stored, form_key=None):
    if form_key:
        return f"/ilmianna/{form_key}/tiedostot/{stored.pk}/"
    return f"/ilmianna/tiedostot/{stored.pk}/"


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_a_draft_file_is_stored_privately_under_a_random_name_not_under_media(
    client, draft, settings
):
    image = draft.files.get(kind="image")
    assert "kuva" not in image.file.name
    assert re.fullmatch(r"submissions/\d{4}/\d{2}/[\w-]{24}\.png", image.file.name)
    assert (settings.PRIVATE_MEDIA_ROOT / image.file.name).is_file()
    public = [p for p in settings.MEDIA_ROOT.rglob("*") if p.is_file()]
    assert not settings.MEDIA_ROOT.exists() or public == []
    assert client.get(f"/media/{image.file.name}").status_code == 404
    assert client.get("/media/submissions/").status_code == 404


def test_the_submitter_sees_the_image_through_the_secret_link_with_private_headers(client, draft):
    image = draft.files.get(kind="image")
    page = client.get(f"/ilmianna/{draft.form_key}/").content.decode()
    assert f'src="{private_url(image, draft.form_key)}"' in page
    assert "/media/" not in page

    response = client.get(private_url(image, draft.form_key))
    assert response.status_code == 200
    assert body(response) == private_storage.open(image.file.name).read()
    assert response["Content-Type"] == "image/png"
    assert response["Cache-Control"] == "no-store, private"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("inline")


def test_the_submitters_preview_shows_the_image_through_the_secret_link(
    client, organisation, draft
):
    image = draft.files.get(kind="image")
    values = form_values(organisation, **{f"alt_text_{image.pk}": "Kuntalaiset kahvilla"})
    url = f"/ilmianna/{draft.form_key}/"
    preview = client.get(
        post_form(client, values, action="preview", url=url, hidden={})["Location"]
    )
    page = preview.content.decode()
    assert f'src="{private_url(image, draft.form_key)}"' in page
    pdf = draft.files.get(kind="attachment")
    assert f'href="{private_url(pdf, draft.form_key)}"' in page
    assert "/media/" not in page


def test_a_pdf_is_served_as_a_download(client, draft):
    pdf = draft.files.get(kind="attachment")
    response = client.get(private_url(pdf, draft.form_key))
    assert response.status_code == 200 and body(response) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="raportti.pdf"'
    assert response["Cache-Control"] == "no-store, private"


def test_nobody_else_gets_the_file(client, organisation, draft, django_user_model):
    image = draft.files.get(kind="image")
    assert client.get(private_url(image, draft.form_key)).status_code == 200

    other = Submission.objects.create(data=form_values(organisation), email="toinen@example.fi")
    anonymous = client.__class__()
    assert anonymous.get(private_url(image)).status_code == 404
    assert anonymous.get(private_url(image, other.form_key)).status_code == 404
    assert anonymous.get(private_url(image, "x" * 30)).status_code == 404
    assert anonymous.get(private_url(image, "%00" * 10)).status_code == 404
    assert anonymous.post(private_url(image, draft.form_key)).status_code == 405

    stranger = django_user_model.objects.create_user(email="muu@example.fi", password="x")
    anonymous.force_login(stranger)
    assert anonymous.get(private_url(image)).status_code == 404
    # An editor of the organisation does not see another person's unsent draft.
    anonymous.force_login(editor_of(draft.organisation or organisation))
    assert anonymous.get(private_url(image)).status_code == 404


def test_staff_and_the_organisations_editors_see_the_files_of_a_sent_deed(
    client, admin_client, organisation, draft, django_capture_on_commit_callbacks
):
    submission = send(client, organisation, draft, django_capture_on_commit_callbacks)
    image = submission.files.get(kind="image")

    review = admin_client.get(f"/moderointi/{submission.pk}/").content.decode()
    assert f'src="{private_url(image)}"' in review and "/media/" not in review
    response = admin_client.get(private_url(image))
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    staff_edit = admin_client.get(f"/moderointi/{submission.pk}/muokkaa/").content.decode()
    assert f'src="{private_url(image)}"' in staff_edit

    editor = client.__class__()
    editor.force_login(editor_of(organisation))
    assert editor.get(private_url(image)).status_code == 200
    detail = editor.get(f"/toimittaja/ilmoitukset/{submission.pk}/")
    assert f'src="{private_url(image)}"' in detail.content.decode()

    outsider = client.__class__()
    outsider.force_login(editor_of(OrganisationFactory(name_fi="Muu kunta")))
    assert outsider.get(private_url(image)).status_code == 404


def test_publication_makes_a_public_copy_and_the_deed_page_shows_it(
    client, admin_client, organisation, draft, settings, django_capture_on_commit_callbacks
):
    submission = send(client, organisation, draft, django_capture_on_commit_callbacks)
    image = submission.files.get(kind="image")
    assert admin_client.post(f"/moderointi/{submission.pk}/", {"action": "publish"}).status_code
    deed = Deed.objects.get()
    public = deed.images.get()
    assert public.image.name.startswith("deeds/") and "kuva" not in public.image.name
    assert public.image.name != image.file.name
    attachment = deed.attachments.get()
    assert attachment.file.name.startswith("deeds/attachments/")

    anonymous = client.__class__()
    page = anonymous.get(deed.get_absolute_url()).content.decode()
    assert f'src="/media/{public.image.name}"' in page
    assert f'href="/media/{attachment.file.name}"' in page
    assert anonymous.get(f"/media/{public.image.name}").status_code == 200
    assert anonymous.get(f"/media/{attachment.file.name}").status_code == 200
    # The submission's own file stays private.
    assert anonymous.get(f"/media/{image.file.name}").status_code == 404
    assert anonymous.get(private_url(image)).status_code == 404


def test_a_publication_that_fails_leaves_no_public_copy(
    client,
    admin_client,
    organisation,
    draft,
    settings,
    monkeypatch,
    django_capture_on_commit_callbacks,
):
    submission = send(client, organisation, draft, django_capture_on_commit_callbacks)
    real_save = FileSystemStorage._save
    saved = []

    def save_once(self, name, content):
        if saved:
            raise OSError(28, "No space left on device")
        saved.append(name)
        return real_save(self, name, content)

    monkeypatch.setattr(FileSystemStorage, "_save", save_once)
    response = admin_client.post(
        f"/moderointi/{submission.pk}/", {"action": "publish"}, follow=True
    )
    assert "ei julkaistu" in response.content.decode()
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.IN_REVIEW and not Deed.objects.exists()
    assert saved and not default_storage.exists(saved[0])
    assert not submission.files.exclude(published_name="").exists()


def test_an_edit_of_a_published_deed_reuses_its_public_files(
    client, organisation, django_capture_on_commit_callbacks
):
    editor = editor_of(organisation)
    client.force_login(editor)
    deed = DeedFactory(organisation=organisation)
    image = DeedImage.objects.create(
        deed=deed, image=ContentFile(image_bytes(), "julkaistu.png"), alt_text="Kuva"
    )
    edit_url = client.post(f"/toimittaja/teot/{deed.pk}/muokkaa/")["Location"]
    shared = Submission.objects.get(deed=deed).files.get()
    assert shared.published_name == image.image.name and not shared.file.name
    page = client.get(edit_url).content.decode()
    assert f'src="/media/{image.image.name}"' in page


def test_accel_redirect_hands_the_file_to_nginx(client, draft, settings):
    settings.PRIVATE_MEDIA_ACCEL_PREFIX = "/private-media/"
    image = draft.files.get(kind="image")
    response = client.get(private_url(image, draft.form_key))
    assert response.status_code == 200 and response.content == b""
    assert response["X-Accel-Redirect"] == f"/private-media/{image.file.name}"
    assert response["Content-Type"] == "image/png"
    assert response["Cache-Control"] == "no-store, private"


def test_the_command_moves_files_stored_publicly_before(organisation, settings):
    draft = Submission.objects.create(data=form_values(organisation), email="a@example.fi")
    old = default_storage.save("submissions/2025/03/kuva.png", ContentFile(image_bytes()))
    stored = SubmissionFile.objects.create(
        submission=draft, kind="image", file=old, original_name="kuva.png"
    )
    deed = DeedFactory(organisation=organisation)
    shown = default_storage.save("submissions/2025/03/julkaistu.png", ContentFile(image_bytes()))
    DeedImage.objects.create(deed=deed, image=shown, alt_text="Kuva")
    published = Submission.objects.create(
        data=form_values(organisation), email="b@example.fi", deed=deed, status="published"
    )
    kept = SubmissionFile.objects.create(
        submission=published, kind="image", file=shown, original_name="julkaistu.png"
    )

    call_command("submission_files_private", stdout=io.StringIO())
    stored.refresh_from_db()
    kept.refresh_from_db()
    assert not default_storage.exists(old)
    assert "kuva" not in stored.file.name and private_storage.exists(stored.file.name)
    assert default_storage.exists(shown) and kept.published_name == shown and not kept.file.name

    moved = stored.file.name
    out = io.StringIO()
    call_command("submission_files_private", stdout=out)
    stored.refresh_from_db()
    assert stored.file.name == moved and private_storage.exists(moved)
    assert "Moved 0" in out.getvalue()
