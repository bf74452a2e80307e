"""Other apps write a deed and its parts only through ``deeds.services.deed_apply``."""

import pytest

from audit.models import AuditEntry
from deeds.models import Deed, DeedStatus
from deeds.services import deed_apply, deed_contact_set, deed_contacts_withdraw, deed_publish
from taxonomy.models import Subtheme
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def write(deed=None, **parts):
    organisation = parts.pop("organisation", None) or OrganisationFactory()
    return deed_apply(
        deed=deed,
        fields={"title": "Kotihoidon reitit", "summary": "Lyhyesti.", "language": "fi"},
        organisation=organisation,
        submitter_email="tekija@example.com",
        **parts,
    )


def test_a_new_deed_is_written_in_review_with_its_parts_and_no_audit_entry():
    organisation, partner = OrganisationFactory(), OrganisationFactory()
    subtheme = Subtheme.objects.select_related("theme").first()
    deed = write(
        organisation=organisation,
        subthemes=[subtheme],
        partners=[partner, None, organisation],
        links=[{"url": "https://example.com/", "title": "Raportti", "position": 2}],
    )
    deed = Deed.objects.get(pk=deed.pk)
    assert (deed.status, deed.title, deed.project_start) == (
        DeedStatus.IN_REVIEW,
        "Kotihoidon reitit",
        None,
    )
    assert deed.municipality == organisation.municipality
    # A subtheme brings its theme; the deed's own organisation is no partner of itself.
    assert list(deed.themes.all()) == [subtheme.theme]
    assert list(deed.partners.all()) == [partner]
    assert [(link.title, link.position) for link in deed.links.all()] == [("Raportti", 2)]
    assert not AuditEntry.objects.for_object(deed).exists()


def test_writing_again_replaces_the_links_and_keeps_the_state():
    deed = write(links=[{"url": "https://example.com/a", "title": "A", "position": 1}])
    deed = deed_publish(deed, actor=None)
    deed = write(deed, links=[{"url": "https://example.com/b", "title": "B", "position": 1}])
    deed.refresh_from_db()
    assert deed.status == DeedStatus.PUBLISHED
    assert [link.title for link in deed.links.all()] == ["B"]


def test_a_contact_handed_to_someone_else_is_hidden_until_they_consent():
    deed = write(
        contacts=[
            {
                "name": "Tekijä",
                "role": "",
                "email": "tekija@example.com",
                "phone": "",
                "own_consent": True,
            }
        ]
    )
    own = deed.contacts.get()
    assert own.publish_consent
    contact = deed_contact_set(
        deed, contact=own, name=" Kollega ", role="", email=" kollega@example.com ", phone=""
    )
    contact.refresh_from_db()
    assert (contact.pk, contact.name, contact.email) == (own.pk, "Kollega", "kollega@example.com")
    assert not contact.publish_consent
    added = deed_contact_set(deed, name="Toinen", role="", email="", phone="")
    assert added.position == 1
    deed_contacts_withdraw(deed)
    assert not deed.contacts.filter(publish_consent=True).exists()
