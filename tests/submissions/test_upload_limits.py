"""Images cost CPU and memory to decode: a client may upload SUBMISSION_UPLOADS_PER_HOUR
files an hour; past it the files are not opened, and the text is saved all the same
(issue 19, item 4)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from submissions.models import Submission, SubmissionFile
from tests.deeds.factories import image_bytes
from tests.organisations.factories import OrganisationFactory
from tests.submissions.factories import form_values
from tests.submissions.helpers import open_form, post_form

pytestmark = pytest.mark.django_db


def png(name):
    return SimpleUploadedFile(name, image_bytes(64, 48), content_type="image/png")


def test_files_past_the_hourly_limit_are_not_added_but_the_text_is_saved(client, settings):
    settings.SUBMISSION_UPLOADS_PER_HOUR = 3
    values = form_values(OrganisationFactory(name_fi="Kuopion kaupunki"))
    first = post_form(
        client, values, hidden=open_form(client), files={"images": [png("a.png"), png("b.png")]}
    )
    edit = first["Location"]
    assert SubmissionFile.objects.count() == 2
    values["title"] = "Uusi otsikko"
    response = post_form(
        client, values, url=edit, hidden={}, files={"images": [png("c.png"), png("d.png")]}
    )
    assert response.status_code == 302
    assert SubmissionFile.objects.count() == 2  # the fourth file was one too many
    assert Submission.objects.get().data["title"] == "Uusi otsikko"
    page = client.get(edit).content.decode()
    assert "Liian monta tiedostoa osoitteestasi tunnin aikana" in page
