"""Rounds and experts on the staff pages: made and changed through the services,
audited, refusing what the rules refuse and what no one should type."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from accounts.models import User
from audit.models import AuditEntry
from coaching.models import CoachingTheme, Expert, Round
from tests.deeds.factories import image_bytes

from .factories import accepted, expert, open_round
from .staff_factories import staff  # noqa: F401

pytestmark = pytest.mark.django_db
ROUNDS = "/sparraus/hallinta/kierrokset/"
EXPERTS = "/sparraus/hallinta/asiantuntijat/"


def round_data(**overrides):
    return {
        "year": "2030",
        "budget_days": "50",
        "opens_on": "2030-01-15",
        "closes_on": "2030-03-31",
        **overrides,
    }


def test_pages_need_staff(client):
    for page in (
        ROUNDS,
        ROUNDS + "uusi/",
        EXPERTS,
        EXPERTS + "uusi/",
        "/sparraus/hallinta/palaute/",
    ):
        assert client.get(page).status_code == 302
    client.force_login(User.objects.create_user(email="x@example.fi", password="x"))
    for page in (ROUNDS, ROUNDS + "uusi/", EXPERTS, EXPERTS + "uusi/"):
        assert client.get(page).status_code == 403
    assert client.post(ROUNDS + "uusi/", round_data()).status_code == 403
    assert not Round.objects.exists()


def test_create_and_change_a_round_with_its_experts(client, staff):  # noqa: F811
    first, second = expert(), expert()
    response = client.post(ROUNDS + "uusi/", round_data(experts=[first.pk, second.pk]))
    assert response.status_code == 302
    made = Round.objects.get(year=2030)
    assert made.budget_days == Decimal("50")
    assert set(made.experts.all()) == {first, second}
    assert AuditEntry.objects.filter(action="round.created").count() == 1
    assert AuditEntry.objects.get(action="round.experts_set").data["added"] == sorted(
        [first.pk, second.pk]
    )
    page = client.get(ROUNDS)
    assert "2030" in page.content.decode()
    response = client.post(
        f"{ROUNDS}{made.pk}/",
        round_data(year="1999", budget_days="60.5", experts=[first.pk]),
    )
    assert response.status_code == 302
    made.refresh_from_db()
    assert made.year == 2030  # fixed once made
    assert made.budget_days == Decimal("60.5")
    assert list(made.experts.all()) == [first]
    assert AuditEntry.objects.filter(action="round.experts_set").count() == 2


@pytest.mark.parametrize(
    "overrides",
    [
        {"budget_days": "-1"},
        {"budget_days": "1e30"},
        {"budget_days": "abc"},
        {"year": str(2**63)},
        {"year": "-2030"},
        {"opens_on": "2030-02-30"},
        {"closes_on": "2029-12-31"},  # before it opens: the service refuses
        {"experts": [str(2**64)]},
    ],
)
def test_round_form_refuses_bad_values(client, staff, overrides):  # noqa: F811
    response = client.post(ROUNDS + "uusi/", round_data(**overrides))
    assert response.status_code == 400
    assert not Round.objects.exists()


def test_overlapping_rounds_are_refused_with_the_values_kept(client, staff):  # noqa: F811
    open_round(year=2030)
    today = datetime.date.today()
    response = client.post(
        ROUNDS + "uusi/",
        round_data(year="2031", opens_on=today.isoformat(), closes_on=today.isoformat()),
    )
    assert response.status_code == 400
    assert response.context["form"]["budget_days"].value() == "50"
    assert Round.objects.count() == 1


def expert_data(**overrides):
    themes = list(CoachingTheme.objects.values_list("pk", flat=True)[:2])
    return {
        "name": "Kaisa Valmentaja",
        "organisation_name": "Valmennus Oy",
        "email": "kaisa@valmennus.fi",
        "language": "sv",
        "themes": themes,
        "bio_fi": "Kokenut valmentaja.",
        "bio_sv": "Erfaren coach.",
        "is_public": "on",
        **overrides,
    }


def test_create_an_expert_with_a_photo_stripped_of_metadata(client, staff):  # noqa: F811
    exif = Image.Exif()
    exif[0x010F] = "Kamera Oy"
    photo = SimpleUploadedFile(
        "kasvot.jpg", image_bytes(image_format="JPEG", exif=exif.tobytes()), "image/jpeg"
    )
    response = client.post(EXPERTS + "uusi/", expert_data(photo=photo, photo_alt="Kaisa hymyilee."))
    assert response.status_code == 302
    made = Expert.objects.get(email="kaisa@valmennus.fi")
    assert made.language == "sv" and made.is_public and made.themes.count() == 2
    with made.photo.open("rb") as handle, Image.open(io.BytesIO(handle.read())) as stored:
        assert stored.format == "JPEG"
        assert not stored.getexif()
    assert AuditEntry.objects.filter(action="expert.created").count() == 1
    listing = client.get(EXPERTS).content.decode()
    assert "Kaisa Valmentaja" in listing


def test_expert_form_refuses_bad_input(client, staff):  # noqa: F811
    fake = SimpleUploadedFile("kuva.jpg", b"<?php echo 1; ?>", "image/jpeg")
    for data in (
        expert_data(photo=fake, photo_alt="Kuva"),
        expert_data(photo=SimpleUploadedFile("k.png", image_bytes(), "image/png"), photo_alt=""),
        expert_data(email="ei-osoite"),
        expert_data(name="x" * 201),
        expert_data(bio_fi="x" * 2001),
        expert_data(themes=[str(2**64)]),
        expert_data(language="de"),
    ):
        response = client.post(EXPERTS + "uusi/", data)
        assert response.status_code == 400
    assert not Expert.objects.exists()


def test_change_an_expert_and_remove_the_photo(client, staff):  # noqa: F811
    photo = SimpleUploadedFile("k.png", image_bytes(), "image/png")
    client.post(EXPERTS + "uusi/", expert_data(photo=photo, photo_alt="Kuva"))
    made = Expert.objects.get()
    page = client.get(f"{EXPERTS}{made.pk}/")
    assert 'name="remove_photo"' in page.content.decode()
    response = client.post(
        f"{EXPERTS}{made.pk}/", expert_data(name="Kaisa Uusinimi", remove_photo="on")
    )
    assert response.status_code == 302
    made.refresh_from_db()
    assert made.name == "Kaisa Uusinimi" and not made.photo
    entry = AuditEntry.objects.get(action="expert.changed")
    assert "name" in entry.data["fields"]
    assert client.get(f"{EXPERTS}{2**64}/").status_code == 404


def test_rounds_list_shows_budget_granted_and_used(client, staff):  # noqa: F811
    round_ = open_round(budget=Decimal("5"))
    accepted(days=Decimal("2"))
    response = client.get(ROUNDS)
    ((shown, figures),) = response.context["rows"]
    assert shown == round_ and figures["granted"] == Decimal("2")
