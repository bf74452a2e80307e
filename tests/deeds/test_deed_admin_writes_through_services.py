"""The Deed admin writes through the deeds services: a new deed starts as a draft
whatever the form posts, and a change is saved and audited in one step."""

import pytest

from audit.models import AuditEntry
from catalogue.index import get_catalogue
from deeds.models import Deed, DeedStatus
from deeds.services import deed_change, deed_publish
from tests.deeds.factories import DeedFactory
from tests.deeds.test_admin import ADD, deed_form, inline_management
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_the_add_form_offers_no_status_or_publication_date(admin_client):
    page = admin_client.get(ADD).content.decode()
    assert 'name="status"' not in page and 'name="published_at_0"' not in page


def test_a_deed_added_with_status_published_is_saved_as_an_unpublished_draft(client, staff_user):
    organisation = OrganisationFactory()
    client.force_login(staff_user)
    response = client.post(ADD, deed_form(organisation))  # posts status=published and a date
    assert response.status_code == 302, response.content.decode()[:2000]
    deed = Deed.objects.get(title="Uusi teko")
    assert (deed.status, deed.published_at) == (DeedStatus.DRAFT, None)
    assert get_catalogue().size == 0
    actions = AuditEntry.objects.for_object(deed).values_list("action", flat=True)
    assert list(actions) == ["deed.created"]


def test_a_change_with_its_parts_is_one_audit_entry_naming_them(client, staff_user):
    deed = DeedFactory(title="Vanha otsikko")
    client.force_login(staff_user)
    data = deed_form(deed.organisation, title="Uusi otsikko", **inline_management("links", 1))
    data.update({"links-0-url": "https://example.com/", "links-0-title": "", "links-0-position": 0})
    response = client.post(f"/hallinta/deeds/deed/{deed.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = AuditEntry.objects.for_object(deed).get()
    assert (entry.action, entry.actor) == ("deed.changed", staff_user)
    assert "title" in entry.data["fields"] and entry.data["related"] == ["deedlink"]
    assert deed.links.get().url == "https://example.com/"


def test_saving_nothing_changed_records_nothing(admin_client):
    deed = DeedFactory(title="Sama otsikko")
    data = deed_form(deed.organisation, title="Sama otsikko", summary=deed.summary)
    data.update(description=deed.description, municipality=deed.municipality_id, sectors=[])
    assert admin_client.post(f"/hallinta/deeds/deed/{deed.pk}/change/", data).status_code == 302
    assert not AuditEntry.objects.for_object(deed).exists()


def test_a_change_does_not_undo_a_publication_made_meanwhile(staff_user):
    waiting = DeedFactory(status=DeedStatus.IN_REVIEW, published_at=None)
    edited = Deed.objects.get(pk=waiting.pk)  # loaded before the deed was published
    deed_publish(waiting, actor=staff_user)
    edited.title = "Korjattu otsikko"
    deed_change(edited, actor=staff_user, fields=["title"])
    waiting.refresh_from_db()
    assert (waiting.title, waiting.status) == ("Korjattu otsikko", DeedStatus.PUBLISHED)
    assert waiting.published_at is not None
