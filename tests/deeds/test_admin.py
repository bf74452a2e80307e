"""Staff manage deeds, organisations and taxonomies in the Django admin."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from audit.models import AuditEntry
from catalogue.index import get_catalogue
from deeds.models import Deed, DeedImage, DeedStatus
from taxonomy.models import Sector, Theme
from tests.deeds.factories import DeedFactory, image_bytes
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
ADD = "/hallinta/deeds/deed/add/"


def inline_management(prefix, total=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def deed_form(organisation, **overrides):
    data = {
        "title": "Uusi teko",
        "summary": "Tiivistelmä.",
        "language": "fi",
        "organisation": organisation.pk,
        "kind": "improvement",
        "status": "published",
        "published_at_0": "1.3.2024",
        "published_at_1": "12:00",
        "sectors": [Sector.objects.get(slug="sosiaali-ja-terveys").pk],
        **inline_management("images"),
        **inline_management("attachments"),
        **inline_management("links"),
        **inline_management("contacts"),
    }
    data.update(overrides)
    return data


def test_admin_requires_a_staff_account(client, django_user_model):
    assert client.get(ADD).status_code == 302
    user = django_user_model.objects.create_user(email="someone@example.com", password="x")
    client.force_login(user)
    response = client.get(ADD)
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_staff_add_a_deed_then_publish_it_and_it_is_listed_and_audited(client, staff_user):
    organisation = OrganisationFactory()
    client.force_login(staff_user)
    response = client.post(ADD, deed_form(organisation))
    assert response.status_code == 302, response.content.decode()[:2000]
    deed = Deed.objects.get(title="Uusi teko")
    assert deed.status == DeedStatus.DRAFT  # the posted status=published is not a field
    client.post("/hallinta/deeds/deed/", {"action": "publish", "_selected_action": [deed.pk]})
    deed.refresh_from_db()
    assert deed.status == DeedStatus.PUBLISHED
    assert deed.region.code == "17"
    assert list(get_catalogue().ids) == [deed.pk]
    entry = AuditEntry.objects.for_object(deed).get(action="deed.created")
    assert (entry.action, entry.actor) == ("deed.created", staff_user)


def test_changes_are_recorded_and_shown_on_the_deed(client, staff_user):
    deed = DeedFactory(title="Vanha otsikko")
    client.force_login(staff_user)
    url = f"/hallinta/deeds/deed/{deed.pk}/change/"
    data = deed_form(deed.organisation, title="Uusi otsikko")
    assert client.post(url, data).status_code == 302
    entry = AuditEntry.objects.for_object(deed).get(action="deed.changed")
    assert "title" in entry.data["fields"]
    page = client.get(url).content.decode()
    assert "deed.changed" in page and staff_user.email in page


def test_executable_disguised_as_jpg_is_refused_and_nothing_saved(client, staff_user):
    deed = DeedFactory()
    client.force_login(staff_user)
    data = deed_form(deed.organisation, **inline_management("images", total=1))
    data.update(
        {
            "images-0-alt_text": "Kuva",
            "images-0-position": "0",
            "images-0-deed": deed.pk,
            "images-0-image": SimpleUploadedFile(
                "kuva.jpg", b"MZ\x90\x00" + b"\x00" * 400, content_type="image/jpeg"
            ),
        }
    )
    response = client.post(f"/hallinta/deeds/deed/{deed.pk}/change/", data)
    assert response.status_code == 200
    assert 'class="errorlist' in response.content.decode()
    assert not DeedImage.objects.exists()
    deed.refresh_from_db()
    assert deed.title != "Uusi teko"


def test_uploaded_image_is_stored_clean_with_derivatives(client, staff_user):
    deed = DeedFactory()
    client.force_login(staff_user)
    data = deed_form(deed.organisation, **inline_management("images", total=1))
    data.update(
        {
            "images-0-alt_text": "Keittiö",
            "images-0-position": "0",
            "images-0-deed": deed.pk,
            "images-0-image": SimpleUploadedFile(
                "Keittiö kuva.jpg", image_bytes(1200, 900, "JPEG")
            ),
        }
    )
    assert client.post(f"/hallinta/deeds/deed/{deed.pk}/change/", data).status_code == 302
    image = DeedImage.objects.get()
    assert (image.width, image.height) == (1200, 900)
    assert sorted(image.derivatives) == ["480", "960"]


def test_publish_and_unpublish_actions_go_through_services(client, staff_user):
    waiting = DeedFactory(status=DeedStatus.IN_REVIEW, published_at=None)
    client.force_login(staff_user)
    changelist = "/hallinta/deeds/deed/"
    client.post(changelist, {"action": "publish", "_selected_action": [waiting.pk]})
    waiting.refresh_from_db()
    assert waiting.status == DeedStatus.PUBLISHED and waiting.published_at
    assert AuditEntry.objects.for_object(waiting).filter(action="deed.published").exists()
    client.post(changelist, {"action": "unpublish", "_selected_action": [waiting.pk]})
    waiting.refresh_from_db()
    assert waiting.status == DeedStatus.ARCHIVED
    assert get_catalogue().size == 0


def test_retired_term_is_not_offered_for_new_deeds_but_stays_on_old_ones(client, staff_user):
    theme = Theme.objects.get(slug="rekrytointi")
    deed = DeedFactory(themes=[theme])
    client.force_login(staff_user)
    client.post("/hallinta/taxonomy/theme/", {"action": "retire", "_selected_action": [theme.pk]})
    theme.refresh_from_db()
    assert not theme.is_active
    add_page = client.get(ADD).content.decode()
    assert f'name="themes" value="{theme.pk}"' not in add_page
    change_page = client.get(f"/hallinta/deeds/deed/{deed.pk}/change/").content.decode()
    assert f'name="themes" value="{theme.pk}"' in change_page
    assert list(deed.themes.all()) == [theme]


def test_terms_in_use_cannot_be_deleted(client, staff_user):
    used = Theme.objects.get(slug="luottamus")
    DeedFactory(themes=[used])
    unused = Theme.objects.get(slug="rekrytointi")
    client.force_login(staff_user)
    assert client.get(f"/hallinta/taxonomy/theme/{used.pk}/delete/").status_code == 403
    assert client.get(f"/hallinta/taxonomy/theme/{unused.pk}/delete/").status_code == 200
    actions = client.get("/hallinta/taxonomy/theme/").content.decode()
    assert "delete_selected" not in actions


def test_taxonomy_order_is_editable_in_the_list(client, staff_user):
    client.force_login(staff_user)
    page = client.get("/hallinta/taxonomy/sector/").content.decode()
    assert 'name="form-0-position"' in page and 'name="form-0-is_active"' in page


def test_organisation_with_deeds_cannot_be_deleted(client, staff_user):
    deed = DeedFactory()
    empty = OrganisationFactory()
    client.force_login(staff_user)
    assert (
        client.get(
            f"/hallinta/organisations/organisation/{deed.organisation.pk}/delete/"
        ).status_code
        == 403
    )
    assert client.get(f"/hallinta/organisations/organisation/{empty.pk}/delete/").status_code == 200


def test_status_is_not_editable_on_an_existing_deed(admin_client):
    deed = DeedFactory(title="Vanha otsikko", status=DeedStatus.IN_REVIEW, published_at=None)
    url = f"/hallinta/deeds/deed/{deed.pk}/change/"
    page = admin_client.get(url).content.decode()
    assert 'name="status"' not in page and 'name="published_at_0"' not in page
    data = deed_form(deed.organisation, title="Uusi otsikko")  # posts status=published
    assert admin_client.post(url, data).status_code == 302
    deed.refresh_from_db()
    assert (deed.title, deed.status, deed.published_at) == ("Uusi otsikko", "in_review", None)
    assert not AuditEntry.objects.for_object(deed).filter(action="deed.published").exists()


def test_publish_action_refuses_a_deed_in_the_wrong_state_with_a_message(admin_client):
    published = DeedFactory(title="Jo julkaistu", status=DeedStatus.PUBLISHED)
    waiting = DeedFactory(title="Odottaa", status=DeedStatus.IN_REVIEW, published_at=None)
    response = admin_client.post(
        "/hallinta/deeds/deed/",
        {"action": "publish", "_selected_action": [published.pk, waiting.pk]},
        follow=True,
    )
    assert response.status_code == 200
    shown = [(m.level_tag, str(m)) for m in response.context["messages"]]
    # The admin speaks the site's default language, Finnish.
    assert ("warning", "Jo julkaistu: Tekoa, jonka tila on ”Julkaistu”, ei voi julkaista.") in shown
    assert [text for tag, text in shown if tag == "success"] == ["1 teko muutettu."]
    waiting.refresh_from_db()
    assert waiting.status == DeedStatus.PUBLISHED
    assert not AuditEntry.objects.for_object(published).filter(action="deed.published").exists()
    entry = AuditEntry.objects.for_object(waiting).get(action="deed.published")
    assert entry.data == {"from": "in_review", "to": "published"}
