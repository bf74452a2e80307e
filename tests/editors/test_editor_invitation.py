"""Staff invite editors by email; the invited person accepts with a new or an
existing account (HTTP)."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from accounts.models import User
from audit.models import AuditEntry
from editors.models import Editorship, Invitation
from tests.editors.factories import UserFactory, editor_of
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def invite(admin_client, email, *organisations, language="fi", capture=None):
    data = {"email": email, "organisations": [o.pk for o in organisations], "language": language}
    with capture(execute=True):
        return admin_client.post("/toimittaja/hallinta/", data)


def accept_path(message):
    match = re.search(r"https?://[^/\s]+(/(?:sv/|en/)?toimittaja/kutsu/[^\s\"<>]+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_an_invited_person_creates_an_account_and_edits_the_organisations(
    client, admin_client, django_capture_on_commit_callbacks
):
    liminka, lempaala = OrganisationFactory(), OrganisationFactory()
    response = invite(
        admin_client,
        "Uusi.Toimittaja@Example.FI",
        liminka,
        lempaala,
        capture=django_capture_on_commit_callbacks,
    )
    assert response.status_code == 302
    assert mail.outbox[-1].to == ["Uusi.Toimittaja@example.fi"]
    assert liminka.name_fi in mail.outbox[-1].body
    path = accept_path(mail.outbox[-1])

    page = client.get(path)
    assert "Uusi.Toimittaja@example.fi" in page.content.decode()
    response = client.post(
        path,
        {
            "first_name": "Ulla",
            "last_name": "Uusi",
            "password1": "pitka-salasana-42",
            "password2": "pitka-salasana-42",
        },
    )
    assert response["Location"] == "/toimittaja/"
    user = User.objects.get(email__iexact="uusi.toimittaja@example.fi")
    assert {e.organisation for e in user.editorships.all()} == {liminka, lempaala}
    assert client.get("/toimittaja/").status_code == 200  # signed in
    assert client.get(path).status_code == 404  # used once only
    assert AuditEntry.objects.filter(action="invitation.accepted", actor=user).exists()


def test_an_invitation_with_mismatched_passwords_keeps_what_was_typed(
    client, admin_client, django_capture_on_commit_callbacks
):
    invite(
        admin_client,
        "a@example.fi",
        OrganisationFactory(),
        capture=django_capture_on_commit_callbacks,
    )
    path = accept_path(mail.outbox[-1])
    response = client.post(
        path,
        {
            "first_name": "Aino",
            "last_name": "A",
            "password1": "pitka-salasana-42",
            "password2": "toinen-salasana-42",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Salasanat eroavat." in html
    assert 'value="Aino"' in html
    assert not User.objects.filter(email="a@example.fi").exists()


def test_a_person_with_an_account_signs_in_to_accept(
    client, admin_client, django_capture_on_commit_callbacks
):
    existing = UserFactory(email="olemassa@example.fi")
    organisation = OrganisationFactory()
    invite(
        admin_client,
        "olemassa@example.fi",
        organisation,
        capture=django_capture_on_commit_callbacks,
    )
    path = accept_path(mail.outbox[-1])

    page = client.get(path).content.decode()
    assert "Kirjaudu" in page
    client.post(path)  # not signed in: nothing happens
    assert not Editorship.objects.exists()

    someone_else = UserFactory()
    client.force_login(someone_else)
    client.post(path)
    assert not Editorship.objects.exists()

    client.force_login(existing)
    response = client.post(path)
    assert response["Location"] == "/toimittaja/"
    assert Editorship.objects.get().user == existing


def test_expired_cancelled_and_forged_invitations_do_not_open(
    client, admin_client, django_capture_on_commit_callbacks
):
    organisation = OrganisationFactory()
    invite(admin_client, "b@example.fi", organisation, capture=django_capture_on_commit_callbacks)
    invitation = Invitation.objects.get()
    path = accept_path(mail.outbox[-1])
    pk, signature = path.rstrip("/").rsplit("/", 1)[1].split(".")

    assert client.get(path.replace(signature, "0" * len(signature))).status_code == 404
    assert client.get(f"/toimittaja/kutsu/{int(pk) + 1}.{signature}/").status_code == 404
    assert client.get("/toimittaja/kutsu/x' OR 1=1/").status_code == 404

    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    assert client.get(path).status_code == 404
    admin_client.post(f"/toimittaja/hallinta/kutsut/{invitation.pk}/", {"action": "resend"})
    assert client.get(path).status_code == 200  # sending again gives 14 more days

    admin_client.post(f"/toimittaja/hallinta/kutsut/{invitation.pk}/", {"action": "cancel"})
    response = client.get(path)
    assert response.status_code == 404
    assert "Kutsu" in response.content.decode()


def test_inviting_needs_a_valid_address_and_an_organisation(admin_client):
    response = admin_client.post(
        "/toimittaja/hallinta/", {"email": "ei-osoite", "organisations": [], "language": "fi"}
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Syötä kelvollinen sähköpostiosoite." in html
    assert 'value="ei-osoite"' in html
    assert not Invitation.objects.exists()


def test_inviting_someone_who_already_edits_the_organisation_says_so(admin_client):
    organisation = OrganisationFactory()
    editor = editor_of(organisation)
    response = admin_client.post(
        "/toimittaja/hallinta/",
        {"email": editor.email.upper(), "organisations": [organisation.pk], "language": "fi"},
    )
    assert response.status_code == 400
    assert "muokkaa jo" in response.content.decode()


def test_the_invitation_is_written_in_the_chosen_language(
    admin_client, django_capture_on_commit_callbacks
):
    invite(
        admin_client,
        "c@example.fi",
        OrganisationFactory(),
        language="sv",
        capture=django_capture_on_commit_callbacks,
    )
    message = mail.outbox[-1]
    assert "/sv/toimittaja/kutsu/" in message.body
    assert "Tekojen tori" in message.subject
    assert "redaktör" in message.subject.lower()


def test_only_staff_manage_editors(client, admin_client):
    organisation = OrganisationFactory()
    editor = editor_of(organisation)
    editorship = editor.editorships.get()
    client.force_login(editor)
    assert client.get("/toimittaja/hallinta/").status_code == 302  # to the staff sign-in
    client.post(f"/toimittaja/hallinta/{editorship.pk}/poista/")
    assert Editorship.objects.exists()

    admin_client.post(f"/toimittaja/hallinta/{editorship.pk}/poista/")
    assert not Editorship.objects.exists()
    assert client.get("/toimittaja/").status_code == 403
