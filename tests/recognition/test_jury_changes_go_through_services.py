"""The jury's shortlist and awards change only through the services, in the admin's
award category page too: notes, doors, removals and withdrawals leave audit entries;
an awarded deed stays on the shortlist, and an award announced is not withdrawn."""

import pytest
from django.utils import translation

from audit.models import AuditEntry
from recognition.awards import Award, Shortlisting
from recognition.services import (
    GalaError,
    award_decide,
    award_door_set,
    award_withdraw,
    shortlist_add,
    shortlist_remove,
)
from tests.deeds.factories import DeedFactory
from tests.recognition.admin_forms import award_row, category_form, shortlist_row, shown_messages
from tests.recognition.factories import gala_with_awards

pytestmark = pytest.mark.django_db


@pytest.fixture
def embargoed():
    return gala_with_awards([DeedFactory(title="Palkittu teko")], year=2026, public=False)


@pytest.fixture
def public():
    return gala_with_awards([DeedFactory(title="Palkittu teko")], year=2024, public=True)


def save_category(admin_client, category, **rows):
    url = f"/hallinta/recognition/awardcategory/{category.pk}/change/"
    return admin_client.post(url, category_form(category, **rows), follow=True)


def test_jury_notes_and_doors_edited_in_the_admin_are_audited_without_the_notes(
    admin_client, embargoed
):
    category = embargoed.categories.get()
    shortlisting, award = category.shortlist.get(), category.awards.get()
    response = save_category(
        admin_client,
        category,
        shortlist=[shortlist_row(shortlisting, jury_notes="UUSI SALAINEN HUOMIO")],
        awards=[award_row(award, door=5)],
    )
    assert response.status_code == 200
    shortlisting.refresh_from_db()
    award.refresh_from_db()
    assert (shortlisting.jury_notes, award.door) == ("UUSI SALAINEN HUOMIO", 5)
    notes = AuditEntry.objects.for_object(embargoed).get(action="gala.shortlist_changed")
    assert notes.data == {"category": category.pk, "deed": shortlisting.deed_id}
    door = AuditEntry.objects.for_object(award).get(action="award.door_set")
    assert door.data == {"door": 5, "previous": None}
    assert not AuditEntry.objects.filter(data__icontains="SALAINEN").exists()


def test_an_awarded_deed_stays_on_the_shortlist_until_its_award_is_withdrawn(
    admin_client, embargoed
):
    category = embargoed.categories.get()
    shortlisting, award = category.shortlist.get(), category.awards.get()
    refused = save_category(
        admin_client, category, shortlist=[shortlist_row(shortlisting, DELETE="on")]
    )
    assert "Peru ensin teon palkinto tässä sarjassa." in shown_messages(refused)
    assert Shortlisting.objects.filter(pk=shortlisting.pk).exists()

    # Both in one save: the award is withdrawn first, then the deed leaves the list.
    save_category(
        admin_client,
        category,
        shortlist=[shortlist_row(shortlisting, DELETE="on")],
        awards=[award_row(award, DELETE="on")],
    )
    assert not category.shortlist.exists() and not category.awards.exists()
    withdrawn = AuditEntry.objects.for_object(award).get(action="award.withdrawn")
    assert withdrawn.data == {"category": category.pk, "deed": award.deed_id}
    removed = AuditEntry.objects.for_object(embargoed).get(action="gala.shortlist_removed")
    assert removed.data == {"category": category.pk, "deed": award.deed_id}


def test_an_award_announced_is_not_withdrawn_in_the_admin(admin_client, public):
    category = public.categories.get()
    award = category.awards.get()
    refused = save_category(admin_client, category, awards=[award_row(award, DELETE="on")])
    assert refused.status_code == 200
    assert any("tulokset ovat jo julkisia" in text for text in shown_messages(refused))
    assert Award.objects.filter(pk=award.pk).exists()
    # Nor by giving its row another deed.
    other = DeedFactory()
    shortlist_add(category, other, actor=None)
    save_category(admin_client, category, awards=[award_row(award, deed=other.pk)])
    award.refresh_from_db()
    assert award.deed_id != other.pk
    assert not AuditEntry.objects.filter(action="award.withdrawn").exists()


def test_an_award_decided_in_the_admin_gets_its_door_in_the_decision(admin_client, embargoed):
    category = embargoed.categories.get()
    deed = DeedFactory(title="Uusi ehdokas")
    shortlist_add(category, deed, actor=None)
    new = {"category": category.pk, "deed": deed.pk, "door": 3}
    save_category(admin_client, category, awards=[*map(award_row, category.awards.all()), new])
    award = category.awards.get(deed=deed)
    assert award.door == 3
    decided = AuditEntry.objects.for_object(award).get(action="award.decided")
    assert decided.data == {"deed": deed.pk, "door": 3}


def test_award_services_refuse_a_door_outside_the_calendar_and_a_second_withdrawal(
    embargoed,
):
    category = embargoed.categories.get()
    award = category.awards.get()
    with translation.override("en"), pytest.raises(GalaError, match="door from 1 to 24"):
        award_door_set(award, door=25, actor=None)
    deed = DeedFactory()
    shortlist_add(category, deed, actor=None)
    with pytest.raises(GalaError):
        award_decide(category, deed, door=0, actor=None)
    award_withdraw(award, actor=None)
    with translation.override("en"), pytest.raises(GalaError, match="removed already"):
        award_withdraw(award, actor=None)
    with pytest.raises(GalaError):
        shortlist_remove(Shortlisting(pk=award.pk + 1000), actor=None)
