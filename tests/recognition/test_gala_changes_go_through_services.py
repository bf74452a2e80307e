"""A gala, its award categories and honourable mentions change only through the
services: each change leaves its audit entry, and what the rules refuse (a category
with awards, a mention once the results are out) is refused, in the admin with a
message instead of a server error."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone, translation

from audit.models import AuditEntry
from recognition.awards import AwardCategory, Gala, HonourableMention
from recognition.services import (
    GalaError,
    category_change,
    category_remove,
    gala_change,
    gala_create,
    honourable_mention_add,
    honourable_mention_change,
    honourable_mention_remove,
)
from tests.deeds.factories import DeedFactory
from tests.organisations.factories import OrganisationFactory
from tests.recognition.admin_forms import category_row, gala_form, mention_row, shown_messages
from tests.recognition.factories import gala_with_awards

pytestmark = pytest.mark.django_db
HELSINKI = ZoneInfo("Europe/Helsinki")


def actions(gala):
    return list(AuditEntry.objects.for_object(gala).order_by("pk").values_list("action", flat=True))


@pytest.fixture
def embargoed():
    return gala_with_awards([DeedFactory(title="Palkittu teko")], year=2026, public=False)


@pytest.fixture
def public():
    return gala_with_awards([DeedFactory(title="Palkittu teko")], year=2024, public=True)


def change(admin_client, gala, data):
    return admin_client.post(f"/hallinta/recognition/gala/{gala.pk}/change/", data, follow=True)


def test_gala_create_records_a_past_gala_but_schedules_only_the_future():
    now = timezone.now()
    held = gala_create(
        year=2023,
        name="Gaala 2023",
        date=dt.date(2023, 11, 20),
        actor=None,
        results_public_at=dt.datetime(2023, 11, 20, 18, tzinfo=HELSINKI),
    )
    assert held.results_are_public()
    assert AuditEntry.objects.for_object(held).get().data == {
        "results_public_at": "2023-11-20T18:00:00+02:00"
    }
    with pytest.raises(GalaError):  # a gala to come cannot have its results out already
        gala_create(
            year=2027,
            name="Gaala 2027",
            date=now.date() + dt.timedelta(days=30),
            actor=None,
            results_public_at=now - dt.timedelta(minutes=1),
        )
    with translation.override("en"), pytest.raises(GalaError, match="already a gala in 2023"):
        gala_create(year=2023, name="Toinen", date=dt.date(2023, 12, 1), actor=None)
    assert Gala.objects.count() == 1


def test_gala_change_keeps_one_gala_a_year_and_logs_what_changed(embargoed, public):
    with pytest.raises(GalaError):
        gala_change(embargoed, year=2024, actor=None)
    gala_change(embargoed, place="Tampere", name=embargoed.name, actor=None)
    embargoed.refresh_from_db()
    assert (embargoed.year, embargoed.place) == (2026, "Tampere")
    entry = AuditEntry.objects.for_object(embargoed).get(action="gala.changed")
    assert entry.data == {"fields": ["place"]}  # the name was the same


def test_categories_added_changed_and_removed_in_the_gala_admin_leave_audit_entries(
    admin_client, embargoed
):
    awarded = embargoed.categories.get()
    data = gala_form(
        embargoed,
        categories=[
            category_row(awarded, name="Vuoden teko 2026"),
            {"gala": embargoed.pk, "position": 1, "name": "Uusi sarja", "kind": "special"},
        ],
    )
    response = change(admin_client, embargoed, data)
    assert response.status_code == 200
    assert [text.endswith(" on muokattu.") for text in shown_messages(response)] == [True]
    added = embargoed.categories.get(name="Uusi sarja")
    assert actions(embargoed) == ["gala.category_changed", "gala.category_added"]
    changed = AuditEntry.objects.get(action="gala.category_changed")
    assert changed.data == {"category": awarded.pk, "fields": ["name"]}

    rows = [category_row(awarded), category_row(added, DELETE="on")]
    change(admin_client, embargoed, gala_form(embargoed, categories=rows))
    assert not AwardCategory.objects.filter(pk=added.pk).exists()
    removed = AuditEntry.objects.get(action="gala.category_removed")
    assert removed.data == {"category": added.pk, "name": "Uusi sarja", "shortlisted": []}


def test_a_category_with_awards_is_not_removed_in_the_admin(admin_client, embargoed):
    category = embargoed.categories.get()
    rows = [category_row(category, name="Uusi nimi", DELETE="on")]
    response = change(admin_client, embargoed, gala_form(embargoed, categories=rows))
    assert response.status_code == 200
    assert "Peru ensin sarjan palkinnot." in shown_messages(response)
    category.refresh_from_db()
    assert category.name == "Vuoden teko" and category.awards.count() == 1
    assert actions(embargoed) == []
    # Nor from the category's own page.
    url = f"/hallinta/recognition/awardcategory/{category.pk}/delete/"
    refused = admin_client.post(url, {"post": "yes"}, follow=True)
    assert "Peru ensin sarjan palkinnot." in shown_messages(refused)
    assert AwardCategory.objects.filter(pk=category.pk).exists()


def test_category_services_refuse_a_nameless_or_removed_category(embargoed):
    category = embargoed.categories.get()
    with pytest.raises(GalaError):
        category_change(category, name=" ", actor=None)
    empty = AwardCategory.objects.create(gala=embargoed, name="Tyhjä", kind="special")
    category_remove(empty, actor=None)
    with translation.override("en"), pytest.raises(GalaError, match="removed already"):
        category_remove(empty, actor=None)


def test_a_new_gala_and_its_categories_come_through_the_services_in_the_admin(admin_client):
    data = {
        "year": 2027,
        "name": "Gaala 2027",
        "date": "2027-11-20",
        "place": "Oulu",
        "stream_url": "",
        "results_public_at_0": "2027-11-20",
        "results_public_at_1": "18:00:00",
        "categories-TOTAL_FORMS": 1,
        "categories-INITIAL_FORMS": 0,
        "categories-0-position": 0,
        "categories-0-name": "Vuoden teko",
        "categories-0-kind": "special",
        "mentions-TOTAL_FORMS": 0,
        "mentions-INITIAL_FORMS": 0,
    }
    response = admin_client.post("/hallinta/recognition/gala/add/", data)
    assert response.status_code == 302
    gala = Gala.objects.get(year=2027)
    assert gala.categories.get().name == "Vuoden teko"
    assert actions(gala) == ["gala.created", "gala.category_added"]
    created = AuditEntry.objects.get(action="gala.created")
    assert created.data == {"results_public_at": "2027-11-20T18:00:00+02:00"}


def test_mentions_are_corrected_at_any_time_but_not_withdrawn_once_public(admin_client, public):
    organisation = OrganisationFactory(name_fi="Mainittu kunta")
    mention = honourable_mention_add(public, organisation, text="Perustelu.", actor=None)
    rows = [mention_row(mention, text="Korjattu perustelu.")]
    change(admin_client, public, gala_form(public, mentions=rows))
    mention.refresh_from_db()
    assert mention.text == "Korjattu perustelu."
    entry = AuditEntry.objects.for_object(mention).get(action="mention.changed")
    assert entry.data == {"fields": ["text"]}

    refused = change(
        admin_client, public, gala_form(public, mentions=[mention_row(mention, DELETE="on")])
    )
    assert any("tulokset ovat jo julkisia" in text for text in shown_messages(refused))
    assert HonourableMention.objects.filter(pk=mention.pk).exists()
    with pytest.raises(GalaError):  # nor is another organisation mentioned instead
        honourable_mention_change(mention, organisation=OrganisationFactory(), actor=None)


def test_a_mention_under_embargo_is_changed_and_removed_with_audit_entries(embargoed):
    organisation = OrganisationFactory()
    mention = honourable_mention_add(embargoed, organisation, actor=None)
    other = OrganisationFactory()
    honourable_mention_change(mention, organisation=other, unit="Kotihoito", actor=None)
    mention.refresh_from_db()
    assert (mention.organisation, mention.unit) == (other, "Kotihoito")
    honourable_mention_remove(mention, actor=None)
    assert not HonourableMention.objects.exists()
    assert list(
        AuditEntry.objects.for_object(mention).order_by("pk").values_list("action", "data")
    ) == [
        ("mention.added", {"organisation": organisation.pk}),
        ("mention.changed", {"fields": ["organisation", "unit"]}),
        ("mention.removed", {"organisation": other.pk}),
    ]
