"""One post of the share form saves its text and its file changes together or not at
all, audits the files it adds and removes, and a repeated post changes nothing more
(HTTP and the service)."""

import threading
from html import unescape

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, connections
from django.test import Client
from django.utils import translation

from audit.models import AuditEntry
from deeds.models import DeedImage
from organisations.models import Municipality, Region
from organisations.reference import load_reference_data
from submissions.files import FileChanges, FileStorageError
from submissions.models import FileKind, Submission, SubmissionFile
from submissions.services import submission_save
from submissions.storage import private_storage
from taxonomy.initial import load_initial_taxonomy
from taxonomy.models import CustomerGroup, Sector, Subtheme, Theme
from tests.deeds.factories import DeedFactory, image_bytes
from tests.editors.factories import editor_of
from tests.organisations.factories import OrganisationFactory
from tests.submissions.factories import form_values
from tests.submissions.helpers import open_form, post_form

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
NOT_STORED = (
    "Kuvia ja liitteitä ei juuri nyt voitu tallentaa, joten tästä tallennuksesta ei jäänyt "
    "mitään talteen. Valitse tiedostot uudelleen ja tallenna vielä kerran."
)


@pytest.fixture
def organisation():
    return OrganisationFactory(name_fi="Kuopion kaupunki")


def png(name, width=64):
    return SimpleUploadedFile(name, image_bytes(width, 48), content_type="image/png")


def stored_names(settings):
    """The files on disk: a submission's in the private storage, and none left in the
    public one."""
    public = settings.MEDIA_ROOT
    assert not public.exists() or not [p for p in public.rglob("*") if p.is_file()]
    root = settings.PRIVATE_MEDIA_ROOT
    if not root.exists():
        return set()
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


def file_actions(submission):
    return sorted(
        (e.action, e.data["name"])
        for e in submission.audit_entries().filter(action__startswith="submission.file_")
    )


@pytest.fixture
def storage_fails_after(monkeypatch):
    """Storage (the outside world) accepts ``n`` more files, then refuses with OSError
    like a full disk."""

    real_save = FileSystemStorage._save

    def fail_after(n):
        left = {"n": n}

        def save(self, name, content):
            if left["n"] == 0:
                raise OSError(28, "No space left on device")
            left["n"] -= 1
            return real_save(self, name, content)

        monkeypatch.setattr(FileSystemStorage, "_save", save)

    return fail_after


@pytest.fixture
def draft(client, organisation):
    """A draft with two images, both described."""
    hidden = open_form(client)
    response = post_form(
        client,
        form_values(organisation),
        hidden=hidden,
        files={"images": [png("eka.png"), png("toka.png", 80)]},
    )
    submission = Submission.objects.get()
    values = {f"alt_text_{f.pk}": f"Kuva {f.original_name}" for f in submission.files.all()}
    post_form(client, form_values(organisation, **values), url=response["Location"], hidden={})
    return submission


def test_text_and_files_of_one_post_are_saved_together_and_the_files_audited(
    client, organisation, settings
):
    response = post_form(
        client,
        form_values(organisation, title="Uusi otsikko"),
        files={"images": png("taulu.png"), "attachments": SimpleUploadedFile("raportti.pdf", PDF)},
    )
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert submission.data["title"] == "Uusi otsikko"
    files = {f.original_name: f for f in submission.files.all()}
    assert set(files) == {"taulu.png", "raportti.pdf"}
    assert stored_names(settings) == {f.file.name for f in files.values()}
    assert file_actions(submission) == [
        ("submission.file_added", "raportti.pdf"),
        ("submission.file_added", "taulu.png"),
    ]
    entry = submission.audit_entries().get(action="submission.file_added", data__kind="image")
    assert entry.data["file"] == files["taulu.png"].pk
    assert entry.actor_label == "submitter <lahettaja@example.fi>"


def test_when_storage_fails_nothing_of_the_post_is_kept_and_the_form_comes_back(
    client, organisation, draft, settings, storage_fails_after, django_capture_on_commit_callbacks
):
    first, second = draft.files.all()
    before = stored_names(settings)
    audit_before = AuditEntry.objects.count()
    storage_fails_after(1)  # the first new image is written, the second is refused
    values = form_values(
        organisation,
        title="Otsikko, jota ei tallennettu",
        **{f"alt_text_{first.pk}": "Kirjoitettu kuvaus", f"alt_text_{second.pk}": "Toinen"},
        remove_file=str(second.pk),
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = post_form(
            client,
            values,
            url=f"/ilmianna/{draft.form_key}/",
            hidden={},
            files={"images": [png("kolmas.png", 96), png("neljas.png", 112)]},
        )
    assert response.status_code == 503
    page = unescape(response.content.decode())
    assert NOT_STORED in page
    assert "Otsikko, jota ei tallennettu" in page and "Kirjoitettu kuvaus" in page
    draft.refresh_from_db()
    assert draft.data["title"] == form_values(organisation)["title"]
    assert [(f.pk, f.alt_text) for f in draft.files.all()] == [
        (first.pk, "Kuva eka.png"),
        (second.pk, "Kuva toka.png"),
    ]
    # The image written before the failure is gone again; the one to remove is kept.
    assert stored_names(settings) == before
    assert AuditEntry.objects.count() == audit_before


def test_when_storage_fails_on_the_first_save_no_draft_is_left_and_a_resend_works(
    client, organisation, settings, storage_fails_after
):
    hidden = open_form(client)
    storage_fails_after(0)
    response = post_form(
        client, form_values(organisation), hidden=hidden, files={"images": png("kuva.png")}
    )
    assert response.status_code == 503
    page = unescape(response.content.decode())
    assert NOT_STORED in page and form_values(organisation)["summary"] in page
    assert f'name="form_key" value="{hidden["form_key"]}"' in page
    assert not Submission.objects.exists() and not AuditEntry.objects.exists()
    assert stored_names(settings) == set()

    storage_fails_after(1)
    response = post_form(
        client, form_values(organisation), hidden=hidden, files={"images": png("kuva.png")}
    )
    assert response.status_code == 302
    submission = Submission.objects.get(form_key=hidden["form_key"])
    assert [f.original_name for f in submission.files.all()] == ["kuva.png"]


def test_a_removed_file_leaves_storage_only_once_the_removal_is_saved(
    client, organisation, draft, settings, django_capture_on_commit_callbacks
):
    first, second = draft.files.all()
    values = form_values(organisation, remove_file=str(second.pk))
    with django_capture_on_commit_callbacks() as callbacks:
        post_form(client, values, url=f"/ilmianna/{draft.form_key}/", hidden={})
        assert private_storage.exists(second.file.name)  # still named by the open transaction
    for callback in callbacks:
        callback()
    assert not private_storage.exists(second.file.name)
    assert private_storage.exists(first.file.name)
    assert [f.pk for f in draft.files.all()] == [first.pk]
    assert ("submission.file_removed", "toka.png") in file_actions(draft)


def test_a_refused_file_is_named_while_the_rest_of_the_post_is_saved_and_audited(
    client, organisation, draft, settings, django_capture_on_commit_callbacks
):
    first, second = draft.files.all()
    values = form_values(organisation, title="Tallentui", remove_file=str(second.pk))
    with django_capture_on_commit_callbacks(execute=True):
        response = post_form(
            client,
            values,
            url=f"/ilmianna/{draft.form_key}/",
            hidden={},
            files={
                "images": png("uusi.png", 120),
                "attachments": SimpleUploadedFile("rikki.pdf", b"not a pdf"),
            },
        )
    page = client.get(response["Location"]).content.decode()
    assert "rikki.pdf" in page
    draft.refresh_from_db()
    assert draft.data["title"] == "Tallentui"
    assert [f.original_name for f in draft.files.all()] == ["eka.png", "uusi.png"]
    assert stored_names(settings) == {f.file.name for f in draft.files.all()}
    assert file_actions(draft) == [
        ("submission.file_added", "eka.png"),
        ("submission.file_added", "toka.png"),
        ("submission.file_added", "uusi.png"),
        ("submission.file_removed", "toka.png"),
    ]


def test_a_double_posted_first_save_makes_one_draft_with_each_file_once(
    client, organisation, settings
):
    hidden = open_form(client)
    for _ in range(2):  # a double click sends the same form twice
        response = post_form(
            client,
            form_values(organisation),
            hidden=hidden,
            files={"images": png("kuva.png"), "attachments": SimpleUploadedFile("a.pdf", PDF)},
        )
        assert response.status_code == 302
    submission = Submission.objects.get()
    assert sorted(f.original_name for f in submission.files.all()) == ["a.pdf", "kuva.png"]
    assert len(stored_names(settings)) == 2
    assert submission.audit_entries().filter(action="submission.created").count() == 1
    assert len(file_actions(submission)) == 2


def test_a_double_posted_removal_removes_and_audits_once(client, organisation, draft):
    second = draft.files.all()[1]
    for _ in range(2):
        response = post_form(
            client,
            form_values(organisation, remove_file=str(second.pk)),
            url=f"/ilmianna/{draft.form_key}/",
            hidden={},
        )
        assert response.status_code == 302
    assert draft.files.count() == 1
    assert file_actions(draft).count(("submission.file_removed", "toka.png")) == 1


def test_an_editor_removing_a_published_image_keeps_it_on_the_live_deed(
    client, organisation, django_capture_on_commit_callbacks
):
    editor = editor_of(organisation)
    client.force_login(editor)
    deed = DeedFactory(organisation=organisation)
    image = DeedImage.objects.create(
        deed=deed, image=ContentFile(image_bytes(), "julkaistu.png"), alt_text="Kuva"
    )
    edit_url = client.post(f"/toimittaja/teot/{deed.pk}/muokkaa/")["Location"]
    revision = Submission.objects.get(deed=deed)
    shared = revision.files.get()
    values = form_values(organisation, email=editor.email, remove_file=str(shared.pk))
    with django_capture_on_commit_callbacks(execute=True):
        post_form(client, values, url=edit_url, hidden={})
    assert not revision.files.exists()
    assert default_storage.exists(image.image.name)
    entry = revision.audit_entries().get(action="submission.file_removed")
    assert entry.actor == editor


def test_staff_edit_saves_text_and_files_together_or_not_at_all(
    client, admin_client, organisation, settings, storage_fails_after
):
    submission = Submission.objects.create(
        status="in_review", data=form_values(organisation), email="lahettaja@example.fi"
    )
    url = f"/moderointi/{submission.pk}/muokkaa/"
    storage_fails_after(0)
    values = {**submission.data, "title": "Korjattu otsikko", "images": png("taulu.png")}
    response = admin_client.post(url, values)
    assert response.status_code == 503 and NOT_STORED in unescape(response.content.decode())
    assert "Korjattu otsikko" in unescape(response.content.decode())
    submission.refresh_from_db()
    assert submission.data["title"] != "Korjattu otsikko"
    assert not submission.files.exists() and stored_names(settings) == set()
    assert not submission.audit_entries().exists()

    storage_fails_after(1)
    values = {**submission.data, "title": "Korjattu otsikko", "images": png("taulu.png")}
    admin_client.post(url, values)
    submission.refresh_from_db()
    assert submission.data["title"] == "Korjattu otsikko"
    assert [f.original_name for f in submission.files.all()] == ["taulu.png"]
    entry = submission.audit_entries().get(action="submission.file_added")
    assert entry.actor.is_staff
    review = unescape(admin_client.get(f"/moderointi/{submission.pk}/").content.decode())
    assert (
        'data-action="submission.file_added">Kuva tai liite lisätty</span> (“taulu.png”)' in review
    )


def test_the_service_saves_text_and_files_in_one_transaction(
    organisation, settings, storage_fails_after
):
    def changes():
        return FileChanges(
            uploads={FileKind.IMAGE: (png("a.png"), png("b.png", 70), png("c.png", 90))}
        )

    storage_fails_after(2)
    with translation.override("fi"), pytest.raises(FileStorageError):
        submission_save(
            form_key="k" * 32, values=form_values(organisation), language="fi", files=changes()
        )
    assert not Submission.objects.exists() and not SubmissionFile.objects.exists()
    assert stored_names(settings) == set()

    storage_fails_after(3)
    submission, refused = submission_save(
        form_key="k" * 32, values=form_values(organisation), language="fi", files=changes()
    )
    assert refused == [] and submission.files.count() == 3
    assert len(stored_names(settings)) == 3


@pytest.mark.django_db(transaction=True)
def test_two_posts_of_a_new_form_at_the_same_moment_make_one_draft_with_one_file(settings):
    """A double click on a slow connection: both posts arrive before either is saved.
    Needs PostgreSQL (two connections at once); SQLite's test database is in memory."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL): two requests at once")
    # An earlier test outside a transaction may have emptied the migrations' data.
    if not Municipality.objects.exists():
        load_reference_data(Region, Municipality)
    if not Sector.objects.exists():
        load_initial_taxonomy(Sector, Theme, Subtheme, CustomerGroup)
    organisation = OrganisationFactory(name_fi="Kuopion kaupunki")
    values = form_values(organisation)
    hidden = open_form(Client())
    start = threading.Barrier(2)
    statuses = []

    def post():
        try:
            start.wait()
            response = post_form(Client(), values, hidden=hidden, files={"images": png("kuva.png")})
            statuses.append(response.status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=post) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert statuses == [302, 302]
    submission = Submission.objects.get()
    assert [f.original_name for f in submission.files.all()] == ["kuva.png"]
    assert len(stored_names(settings)) == 1
    assert submission.audit_entries().filter(action="submission.created").count() == 1
    assert file_actions(submission) == [("submission.file_added", "kuva.png")]
