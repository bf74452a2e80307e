"""A closed coaching's email links to the share form (coaching.sharing.share_url): the
draft records the coaching, moderators see it, and publishing lists the deed on the
coaching and its expert's profile."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail

from audit.models import AuditEntry
from coaching.services import application_close
from coaching.sharing import share_token, share_url
from deeds.models import Deed
from submissions.models import Submission, SubmissionStatus
from tests.coaching.factories import accepted, open_round, realised
from tests.organisations.factories import OrganisationFactory
from tests.submissions.factories import form_values
from tests.submissions.helpers import hidden_fields, link_from, post_form

pytestmark = pytest.mark.django_db
HIDDEN = re.compile(r'<input type="hidden" name="sparraus" value="([^"]+)">')


@pytest.fixture
def liminka():
    return OrganisationFactory(name_fi="Limingan kunta", name_sv="Limingo kommun")


@pytest.fixture
def coaching(liminka):
    open_round()
    return application_close(realised(organisation=liminka), actor=None)


def open_link(client, url):
    parts = urlsplit(url)
    response = client.get(f"{parts.path}?{parts.query}")
    assert response.status_code == 200
    return response


def first_save(client, url, organisation):
    html = open_link(client, url).content.decode()
    hidden = hidden_fields(html)
    for token in HIDDEN.findall(html):
        hidden["sparraus"] = token
    return client.post("/ilmianna/", {**hidden, **form_values(organisation), "action": "save"})


def test_the_link_names_the_coaching_and_the_first_save_records_it(client, coaching, liminka):
    response = open_link(client, share_url(coaching))
    assert response.context["form"]["organisation_name"].value() == "Limingan kunta"
    html = response.content.decode()
    assert HIDDEN.findall(html) == [share_token(coaching)]
    assert "data-coaching" in html and "Limingan kunta" in html
    saved = first_save(client, share_url(coaching), liminka)
    assert saved.status_code == 302
    submission = Submission.objects.get()
    assert submission.coaching == coaching
    created = AuditEntry.objects.for_object(submission).get(action="submission.created")
    assert created.data == {"coaching": coaching.pk}
    # The draft's own page names the coaching but carries no token: it is stored.
    edit = client.get(saved["Location"]).content.decode()
    assert not HIDDEN.search(edit) and "data-coaching" in edit


@pytest.mark.parametrize(
    "token",
    [
        "forged",
        "1.abcdef",
        "",
        "a" * 5000,
        "1%00x",
        "../../etc",
    ],
)
def test_a_forged_token_is_ignored(client, coaching, liminka, token):
    real = share_token(coaching)
    assert token != real
    response = client.get("/ilmianna/", {"sparraus": token, "organisaatio": "Limingan kunta"})
    assert response.status_code == 200
    # The organisation still comes: each value stands on its own.
    assert response.context["form"]["organisation_name"].value() == "Limingan kunta"
    assert not HIDDEN.search(response.content.decode())
    hidden = {**hidden_fields(response.content.decode()), "sparraus": token}
    client.post("/ilmianna/", {**hidden, **form_values(liminka), "action": "save"})
    assert Submission.objects.get().coaching is None


def test_a_tampered_token_or_one_of_a_coaching_not_realised_is_ignored(client, coaching, liminka):
    pk, signature = share_token(coaching).split(".", 1)
    other = accepted()
    for token in (f"{other.pk}.{signature}", share_token(other), f"{pk}.{signature[::-1]}"):
        response = client.get("/ilmianna/", {"sparraus": token})
        assert not HIDDEN.search(response.content.decode()), token
        hidden = {**hidden_fields(response.content.decode()), "sparraus": token}
        client.post("/ilmianna/", {**hidden, **form_values(liminka), "action": "save"})
    assert not Submission.objects.exclude(coaching=None).exists()


def test_a_later_post_cannot_attach_a_coaching_to_an_existing_draft(client, coaching, liminka):
    response = post_form(client, form_values(liminka))
    client.post(response["Location"], {**form_values(liminka), "sparraus": share_token(coaching)})
    assert Submission.objects.get().coaching is None


def test_moderators_see_the_coaching_and_publishing_records_the_deed(
    client, admin_client, coaching, liminka, django_capture_on_commit_callbacks
):
    saved = first_save(client, share_url(coaching), liminka)
    preview = post_form(
        client, form_values(liminka), action="preview", url=saved["Location"], hidden={}
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(preview["Location"])
    client.get(link_from(mail.outbox[-1]))
    submission = Submission.objects.get()
    assert submission.status == SubmissionStatus.IN_REVIEW
    page = admin_client.get(f"/moderointi/{submission.pk}/").content.decode()
    assert f'data-coaching="{coaching.pk}"' in page
    assert f"/sparraus/hallinta/{coaching.pk}/" in page
    admin_client.post(f"/moderointi/{submission.pk}/", {"action": "publish"})
    deed = Deed.objects.get()
    assert list(coaching.deeds.all()) == [deed]
    assert list(Deed.objects.filter(coachings__expert=coaching.expert)) == [deed]
    assert AuditEntry.objects.for_object(coaching).filter(action="application.deed_recorded")
