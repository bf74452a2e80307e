"""Every staff page has exactly one h1 (WCAG 1.3.1 and 2.4.6: one page title in the
heading structure, also when a deed's preview is embedded), and its eyebrow names
the section the page belongs to."""

import re

import pytest
from django.core import mail

from submissions.models import Submission
from tests.deeds.factories import DeedFactory
from tests.editors.factories import editor_of
from tests.organisations.factories import OrganisationFactory
from tests.submissions.factories import form_values
from tests.submissions.helpers import link_from, post_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_review(client, django_capture_on_commit_callbacks):
    organisation = OrganisationFactory(name_fi="Kangasalan kaupunki")
    DeedFactory(organisation=organisation)
    response = post_form(client, form_values(organisation), action="preview")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(response["Location"])
    client.get(link_from(mail.outbox[-1]))
    return Submission.objects.get()


def headings(html):
    return re.findall(r"<h1[\s>]", html)


def eyebrow(html):
    match = re.search(r'<p class="eyebrow">(.*?)</p>', html, re.S)
    return re.sub(r"<[^>]+>", "", match.group(1)).strip() if match else None


STAFF_PAGES = {
    "/moderointi/": "Henkilöstön sivut",
    "/moderointi/{pk}/": None,  # a breadcrumb names the section
    "/moderointi/{pk}/muokkaa/": None,
    "/toimittaja/hallinta/": "Henkilöstön sivut",
    "/kavijat/": "Henkilöstön sivut",
}


@pytest.mark.parametrize("path", STAFF_PAGES)
def test_each_staff_page_has_one_h1_and_the_right_eyebrow(admin_client, in_review, path):
    response = admin_client.get(path.format(pk=in_review.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert len(headings(html)) == 1, path
    assert eyebrow(html) == STAFF_PAGES[path]


def test_the_editors_pages_have_one_h1(client, in_review):
    client.force_login(editor_of(in_review.organisation))
    for path in ("/toimittaja/", f"/toimittaja/ilmoitukset/{in_review.pk}/"):
        html = client.get(path).content.decode()
        assert len(headings(html)) == 1, path
    assert eyebrow(client.get("/toimittaja/").content.decode()) == "Toimittaja"


def test_the_submitters_preview_has_one_h1(client):
    response = post_form(client, form_values(OrganisationFactory()), action="preview")
    assert len(headings(client.get(response["Location"]).content.decode())) == 1
