"""An expert's invitation through its link: a new account, the signed-in account with
the invited address, the wrong account, an expired link and a forged one."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from coaching.experts import expert_invite, invitation_token
from coaching.models import Expert
from emails.models import OutgoingEmail

from .factories import expert
from .staff_factories import expert_with_account, staff  # noqa: F401

pytestmark = pytest.mark.django_db
PASSWORD = "Kahvikuppi-Sarastus-42"
LOGIN = reverse("accounts:login")


@pytest.fixture
def invited():
    coach = expert(name="Eeva Asiantuntija", email="eeva@valmennus.fi")
    return expert_invite(coach, actor=None)


def link(coach):
    return f"/sparraus/kutsu/{invitation_token(coach)}/"


def account_form(**overrides):
    return {
        "first_name": "Eeva",
        "last_name": "Asiantuntija",
        "password1": PASSWORD,
        "password2": PASSWORD,
        **overrides,
    }


def test_staff_invite_from_the_experts_page(client, staff):  # noqa: F811
    coach = expert(email="uusi@valmennus.fi")
    response = client.post(f"/sparraus/hallinta/asiantuntijat/{coach.pk}/kutsu/")
    assert response.status_code == 302
    coach.refresh_from_db()
    assert coach.invited_at is not None
    mail = OutgoingEmail.objects.get(purpose="coaching_expert_invitation")
    assert mail.to == "uusi@valmennus.fi"
    # Sending again is allowed until the expert has joined; then it is refused.
    client.post(f"/sparraus/hallinta/asiantuntijat/{coach.pk}/kutsu/")
    assert OutgoingEmail.objects.filter(purpose="coaching_expert_invitation").count() == 2
    joined, _user = expert_with_account()
    response = client.post(f"/sparraus/hallinta/asiantuntijat/{joined.pk}/kutsu/", follow=True)
    assert any(m.level_tag == "error" for m in response.context["messages"])
    assert client.post(f"/sparraus/hallinta/asiantuntijat/{2**64}/kutsu/").status_code == 404
    page = client.get("/sparraus/hallinta/asiantuntijat/").content.decode()
    assert "uusi@valmennus.fi" in page


def test_a_new_account_is_made_signed_in_and_sent_home(client, invited):
    response = client.get(link(invited))
    assert response.status_code == 200
    assert 'name="password1"' in response.content.decode()
    response = client.post(link(invited), account_form(password2="toinen"))
    assert response.status_code == 400
    assert not User.objects.filter(email="eeva@valmennus.fi").exists()
    response = client.post(link(invited), account_form(password1="123", password2="123"))
    assert response.status_code == 400
    response = client.post(link(invited), account_form(first_name="x" * 151))
    assert response.status_code == 400
    response = client.post(link(invited), account_form())
    assert response.status_code == 302
    assert response["Location"] == "/sparraus/hallinta/omat/"
    user = User.objects.get(email="eeva@valmennus.fi")
    assert Expert.objects.get(pk=invited.pk).user == user
    assert not user.is_staff
    assert client.get("/sparraus/hallinta/omat/").status_code == 200
    # The link is used up.
    assert client.get(link(invited)).status_code == 404


def test_the_signed_in_account_with_the_address_accepts(client, invited):
    user = User.objects.create_user(email="EEVA@valmennus.fi", password="x")
    response = client.get(link(invited))
    assert f"{LOGIN}?next={link(invited)}" in response.content.decode()
    assert client.post(link(invited)).status_code == 400  # not signed in yet
    client.force_login(user)
    response = client.get(link(invited))
    assert 'name="password1"' not in response.content.decode()
    response = client.post(link(invited))
    assert response.status_code == 302
    assert Expert.objects.get(pk=invited.pk).user == user


def test_the_wrong_account_is_refused(client, invited):
    User.objects.create_user(email="eeva@valmennus.fi", password="x")
    other = User.objects.create_user(email="joku@muualla.fi", password="x")
    client.force_login(other)
    response = client.get(link(invited))
    assert "joku@muualla.fi" in response.content.decode()
    response = client.post(link(invited))
    assert response.status_code == 400
    assert Expert.objects.get(pk=invited.pk).user is None


def test_an_expired_link_shows_a_clear_page(client, invited, time_machine):
    time_machine.move_to(
        timezone.now() + timedelta(days=settings.COACHING_INVITATION_DAYS, hours=1)
    )
    response = client.get(link(invited))
    assert response.status_code == 404
    assert "coaching/expert_invitation_invalid.html" in [t.name for t in response.templates]
    response = client.post(link(invited), account_form())
    assert response.status_code == 404
    assert not User.objects.filter(email="eeva@valmennus.fi").exists()


@pytest.mark.parametrize(
    "token",
    ["1.abc", "x" * 400, f"{2**64}.deadbeef", "%00", "1..", "<script>"],
)
def test_forged_links_are_refused(client, invited, token):
    response = client.get(f"/sparraus/kutsu/{token}/")
    assert response.status_code == 404


def test_a_new_invitation_ends_the_old_link(client, invited):
    old = link(invited)
    expert_invite(invited, actor=None)
    assert client.get(old).status_code == 404
    assert client.get(link(Expert.objects.get(pk=invited.pk))).status_code == 200
