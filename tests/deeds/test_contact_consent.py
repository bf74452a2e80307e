"""A colleague named as a deed's contact person gives their own consent: nothing of
them is public before they agree, everything is after, nothing again after they
withdraw (HTTP, through the share form, moderation and the emailed link)."""

import re

import pytest
from django.core import mail
from django.core.management import call_command

from audit.models import AuditEntry
from deeds.models import Deed
from submissions.models import Submission, SubmissionStatus
from tests.organisations.factories import OrganisationFactory
from tests.submissions.factories import form_values
from tests.submissions.helpers import post_form

pytestmark = pytest.mark.django_db

COLLEAGUE = {
    "contact_name_1": "Kaisa Kollega",
    "contact_role_1": "Kehittämispäällikkö",
    "contact_email_1": "Kaisa.Kollega@Example.fi",
    "contact_phone_1": "040 765 4321",
    "contact_consent_1": "on",  # the submitter's word, which does not count for her
}
HER_DETAILS = ("kaisa kollega", "kaisa.kollega@example.fi", "040 765 4321")


@pytest.fixture
def organisation():
    return OrganisationFactory(name_fi="Limingan kunta", name_sv="Limingo kommun")


@pytest.fixture
def card_texts(monkeypatch):
    """What the deed's share card image is drawn with."""
    import catalogue.views

    drawn = []
    real = catalogue.views.card_response

    def spy(*texts):
        drawn.extend(texts)
        return real(*texts)

    monkeypatch.setattr(catalogue.views, "card_response", spy)
    return drawn


def send_and_publish(client, admin_client, capture, organisation, **changes):
    values = form_values(organisation, **{**COLLEAGUE, **changes})
    response = post_form(client, values, action="preview")
    assert response.status_code == 302, response.content.decode()[:2000]
    with capture(execute=True):
        client.post(response["Location"])
    submission = Submission.objects.get(is_revision=False)
    client.get(submission.get_secret_url())  # the submitter confirms their address
    with capture(execute=True):
        response = admin_client.post(f"/moderointi/{submission.pk}/", {"action": "publish"})
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.PUBLISHED
    return submission, Deed.objects.get()


def consent_path(message):
    match = re.search(r"https?://[^/\s]+(/(?:sv/|en/)?yhteystiedot/[^\s\"<>]+/)", message.body)
    assert match, message.body
    return match.group(1)


def to_her():
    return [m for m in mail.outbox if m.to == ["Kaisa.Kollega@Example.fi"]]


def public_surfaces(client, deed, card_texts):
    """Every public place a deed is shown, lower-cased."""
    call_command("rebuild_search_index", verbosity=0)
    urls = [
        deed.get_absolute_url(),
        f"/sv{deed.get_absolute_url()}",
        f"/api/v1/deeds/{deed.pk}/",
        "/api/v1/deeds/",
        "/api/v1/deeds/?q=kotihoito",
        "/api/v1/deeds/?q=Kollega",
        "/syotteet/uudet.rss",
        "/syotteet/uudet.atom",
        "/syotteet/teema/tyohyvinvointi.rss",
        "/syotteet/toimiala/sosiaali-ja-terveys.atom",
        "/teot/",
        "/teot/?q=kotihoito",
        "/teot/?q=Kollega",
        "/haku/samankaltaiset/?title=Kotihoidon+aamupalaverit",
        f"/teot/{deed.pk}/kortti.png",
    ]
    texts = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        if not url.endswith(".png"):
            texts[url] = response.content.decode().lower()
    # The deed is found (the surfaces are not empty by accident).
    listed = [url for url in texts if "Kollega" not in url and not url.startswith("/haku/")]
    assert [url for url in listed if "kotihoidon" not in texts[url]] == []
    texts["share card"] = " ".join(card_texts).lower()
    return texts


def where_shown(texts):
    return sorted(url for url, text in texts.items() if any(d in text for d in HER_DETAILS))


def test_a_colleague_is_public_only_between_agreeing_and_withdrawing(
    client, admin_client, organisation, card_texts, django_capture_on_commit_callbacks
):
    submission, deed = send_and_publish(
        client, admin_client, django_capture_on_commit_callbacks, organisation
    )
    assert where_shown(public_surfaces(client, deed, card_texts)) == []

    [message] = to_her()  # asked once, when the deed was published
    path = consent_path(message)
    page = client.get(path)
    assert page.status_code == 200 and "Kaisa Kollega" in page.content.decode()
    client.post(path, {"consent": "yes"})
    shown = where_shown(public_surfaces(client, deed, card_texts))
    assert {deed.get_absolute_url(), f"/api/v1/deeds/{deed.pk}/"} <= set(shown)
    api = client.get(f"/api/v1/deeds/{deed.pk}/").json()
    assert api["contacts"] == [
        {
            "name": "Kaisa Kollega",
            "role": "Kehittämispäällikkö",
            "email": "Kaisa.Kollega@Example.fi",
            "phone": "040 765 4321",
        }
    ]
    # Feeds, search results and the share card never carry contact details.
    assert not [url for url in shown if "syotteet" in url or "?q=" in url or url == "share card"]

    client.post(path, {"consent": "no"})  # withdrawn through the same link
    assert where_shown(public_surfaces(client, deed, card_texts)) == []
    assert len(to_her()) == 1  # answering sends her nothing more


@pytest.mark.parametrize(
    ("language", "subject", "page_text"),
    [
        ("fi", "Saammeko julkaista yhteystietosi", "Julkaise tietoni"),
        ("sv", "Får vi publicera dina kontaktuppgifter", "Publicera mina uppgifter"),
    ],
)
def test_the_colleague_is_asked_once_in_the_deeds_language(
    client,
    admin_client,
    organisation,
    language,
    subject,
    page_text,
    django_capture_on_commit_callbacks,
):
    send_and_publish(
        client, admin_client, django_capture_on_commit_callbacks, organisation, language=language
    )
    [message] = to_her()
    assert message.subject.startswith(subject)
    assert "Kotihoidon aamupalaverit lyhyemmiksi" in message.body
    path = consent_path(message)
    assert path.startswith("/sv/" if language == "sv" else "/yhteystiedot/")
    assert page_text in client.get(path).content.decode()


def test_the_submitter_and_moderators_see_where_the_consent_stands(
    client, admin_client, organisation, django_capture_on_commit_callbacks
):
    values = form_values(organisation, **COLLEAGUE)
    response = post_form(client, values, action="preview")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(response["Location"])
    submission = Submission.objects.get()
    follow = submission.get_secret_url()

    def states(url, http=client):
        html = http.get(url).content.decode()
        return re.findall(r'data-consent-state="(\w+)">([^<]+)<', html)

    before = "Suostumusta kysytään, kun teko julkaistaan"
    assert states(follow) == [("to_ask", before)]
    assert states(f"/moderointi/{submission.pk}/", admin_client) == [("to_ask", before)]
    assert not to_her()  # nobody is emailed about a deed moderators have not let through

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(f"/moderointi/{submission.pk}/", {"action": "publish"})
    waiting = [("waiting", "Odottaa yhteyshenkilön suostumusta")]
    assert states(follow) == waiting
    assert states(f"/moderointi/{submission.pk}/", admin_client) == waiting

    path = consent_path(to_her()[0])
    client.post(path, {"consent": "yes"})
    assert states(follow) == [("agreed", "Suostunut")]
    client.post(path, {"consent": "no"})
    assert states(follow) == [("withdrawn", "Peruttu tai kieltäytynyt")]
    review = admin_client.get(f"/moderointi/{submission.pk}/").content.decode()
    assert "Yhteyshenkilö suostui julkaisuun" in review
    assert "Yhteyshenkilö kieltäytyi tai perui suostumuksensa" in review
    assert "Yhteyshenkilö &lt;Kaisa.Kollega@Example.fi&gt;" in review


def test_the_submitters_own_details_follow_their_own_consent(
    client, admin_client, organisation, django_capture_on_commit_callbacks
):
    _, deed = send_and_publish(
        client,
        admin_client,
        django_capture_on_commit_callbacks,
        organisation,
        contact_email_1="LAHETTAJA@example.fi",  # the submitter's address, in capitals
    )
    assert "Kaisa Kollega" in client.get(deed.get_absolute_url()).content.decode()
    assert not to_her()
    assert [m.to for m in mail.outbox if "yhteystiedot" in m.body] == []


def test_a_contact_without_an_address_cannot_be_asked_and_is_not_published(
    client, admin_client, organisation, django_capture_on_commit_callbacks
):
    submission, deed = send_and_publish(
        client, admin_client, django_capture_on_commit_callbacks, organisation, contact_email_1=""
    )
    assert "Kaisa Kollega" not in client.get(deed.get_absolute_url()).content.decode()
    follow = client.get(submission.get_secret_url()).content.decode()
    assert 'data-consent-state="no_address"' in follow


def edit_and_publish(client, admin_client, capture, submission, **changes):
    """The submitter suggests changes through their secret link; staff publish them."""
    response = client.post(f"{submission.get_secret_url()}toiminto/", {"action": "edit"})
    revision = Submission.objects.get(is_revision=True, status=SubmissionStatus.DRAFT)
    # The submitter agrees to the licence again for the edit (the share form asks each time).
    values = {**revision.data, "licence": "on", **changes}
    response = post_form(client, values, action="preview", url=response["Location"])
    assert response.status_code == 302, response.content.decode()[:2000]
    with capture(execute=True):
        client.post(response["Location"])
    revision.refresh_from_db()
    assert revision.status == SubmissionStatus.IN_REVIEW
    with capture(execute=True):
        admin_client.post(f"/moderointi/{revision.pk}/", {"action": "publish"})
    revision.refresh_from_db()
    assert revision.status == SubmissionStatus.PUBLISHED
    return revision


def test_an_edit_keeping_the_contact_does_not_ask_again(
    client, admin_client, organisation, django_capture_on_commit_callbacks
):
    submission, deed = send_and_publish(
        client, admin_client, django_capture_on_commit_callbacks, organisation
    )
    path = consent_path(to_her()[0])
    client.post(path, {"consent": "yes"})
    edit_and_publish(
        client,
        admin_client,
        django_capture_on_commit_callbacks,
        submission,
        title="Uusi otsikko",
        contact_email_1="kaisa.kollega@example.fi",  # the same address, other case
        contact_phone_1="040 111 2222",
    )
    assert len(to_her()) == 1
    page = client.get(Deed.objects.get().get_absolute_url()).content.decode()
    assert "Uusi otsikko" in page and "Kaisa Kollega" in page and "040 111 2222" in page
    assert client.get(path).status_code == 200  # her link still works


def test_an_edit_changing_the_address_asks_the_new_person_and_ends_the_old_link(
    client, admin_client, organisation, django_capture_on_commit_callbacks
):
    submission, deed = send_and_publish(
        client, admin_client, django_capture_on_commit_callbacks, organisation
    )
    old_path = consent_path(to_her()[0])
    client.post(old_path, {"consent": "yes"})
    edit_and_publish(
        client,
        admin_client,
        django_capture_on_commit_callbacks,
        submission,
        contact_name_1="Ville Vaihtaja",
        contact_email_1="ville@example.fi",
    )
    page = client.get(deed.get_absolute_url()).content.decode()
    assert "Ville Vaihtaja" not in page and "Kaisa Kollega" not in page
    assert client.get(old_path).status_code == 404
    assert client.post(old_path, {"consent": "yes"}).status_code == 404
    [message] = [m for m in mail.outbox if m.to == ["ville@example.fi"]]
    client.post(consent_path(message), {"consent": "yes"})
    assert "Ville Vaihtaja" in client.get(deed.get_absolute_url()).content.decode()


def test_answering_the_same_twice_changes_nothing_and_says_so(
    client, admin_client, organisation, django_capture_on_commit_callbacks
):
    send_and_publish(client, admin_client, django_capture_on_commit_callbacks, organisation)
    path = consent_path(to_her()[0])
    client.post(path, {"consent": "yes"})
    again = client.post(path, {"consent": "yes"}, follow=True).content.decode()
    assert "Tietosi on jo julkaistu." in again
    assert AuditEntry.objects.filter(action="deed.contact_consent_given").count() == 1
    page = client.get(path).content.decode()
    assert 'value="yes"' not in page and "Peru suostumukseni" in page


@pytest.mark.parametrize(
    "token",
    [
        "abc",
        "1",
        "1.",
        "." + "a" * 40,
        "1." + "0" * 40,
        "١٢.abc",  # other scripts' digits
        "9" * 30 + ".abc",
        "x" * 5000,
        "1.%00%01",
        "1.<script>",
    ],
)
def test_a_forged_or_tampered_link_gives_a_clear_page(
    client, admin_client, organisation, token, django_capture_on_commit_callbacks
):
    send_and_publish(client, admin_client, django_capture_on_commit_callbacks, organisation)
    for response in (
        client.get(f"/yhteystiedot/{token}/"),
        client.post(f"/yhteystiedot/{token}/", {"consent": "yes"}),
    ):
        assert response.status_code == 404
        assert "Linkki ei toimi" in response.content.decode()
    real = consent_path(to_her()[0])
    pk, signature = real.rstrip("/").rsplit("/", 1)[1].split(".")
    tampered = f"/yhteystiedot/{pk}.{signature[::-1]}/"
    assert client.post(tampered, {"consent": "yes"}).status_code == 404
    assert "Kaisa Kollega" not in client.get(Deed.objects.get().get_absolute_url()).content.decode()


@pytest.mark.parametrize("answer", ["maybe", "", "yes\x00", "Y" * 10000])
def test_a_strange_answer_is_explained_and_changes_nothing(
    client, admin_client, organisation, answer, django_capture_on_commit_callbacks
):
    send_and_publish(client, admin_client, django_capture_on_commit_callbacks, organisation)
    path = consent_path(to_her()[0])
    response = client.post(path, {"consent": answer}, follow=True)
    assert response.status_code == 200
    assert "Valitse, julkaistaanko tietosi." in response.content.decode()
    assert not AuditEntry.objects.filter(action__startswith="deed.contact_consent_g").exists()
    assert 'data-consent-state="waiting"' in response.content.decode()
