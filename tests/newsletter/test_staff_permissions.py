"""Every staff page of the newsletter is for staff only: anonymous people and signed-in
people who are not staff are sent to the sign-in page, see no address and change
nothing; unknown issues and subscribers are not found; posts need the CSRF token."""

import pytest
from django.test import Client

from audit.models import AuditEntry
from emails.models import OutgoingEmail
from newsletter.models import Issue, IssueStatus, Subscriber, SubscriberStatus
from tests.editors.factories import UserFactory
from tests.newsletter.factories import draft_issue, subscribed
from tests.newsletter.factories_staff import BASE, set_aside, staff_member

pytestmark = pytest.mark.django_db

SECRET = "salainen.tilaaja@example.fi"


@pytest.fixture
def setup():
    issue = draft_issue(key="2026-12", subject_fi="Joulukuun uutiskirje")
    aside = set_aside(SECRET)
    confirmed = subscribed("vahvistettu@example.fi")
    return issue, aside, confirmed


def get_urls(issue, aside):
    return [
        BASE,
        f"{BASE}?sivu=2",
        f"{BASE}uusi/",
        f"{BASE}{issue.pk}/",
        f"{BASE}{issue.pk}/muokkaa/",
        f"{BASE}{issue.pk}/poista/",
        f"{BASE}{issue.pk}/esikatselu/",
        f"{BASE}{issue.pk}/esikatselu/?language=sv&whole=no",
        f"{BASE}{issue.pk}/esikatselu/viesti/",
        f"{BASE}{issue.pk}/testi/",
        f"{BASE}tilaajat/",
        f"{BASE}tilaajat/{aside.pk}/",
        f"{BASE}tilaajat/{aside.pk}/lopeta/",
        f"/sv{BASE}",
        f"/en{BASE}tilaajat/",
    ]


def post_urls(issue, aside, confirmed):
    return [
        (f"{BASE}uusi/", {"key": "uusi", "subject_fi": "Uusi"}),
        (f"{BASE}{issue.pk}/muokkaa/", {"key": "muutettu", "subject_fi": "Muutettu"}),
        (f"{BASE}{issue.pk}/poista/", {}),
        (f"{BASE}{issue.pk}/ajasta/", {"when": "now"}),
        (f"{BASE}{issue.pk}/peru-ajastus/", {}),
        (f"{BASE}{issue.pk}/keskeyta/", {}),
        (f"{BASE}{issue.pk}/jatka/", {}),
        (f"{BASE}{issue.pk}/testi/", {"language": "fi", "whole": "yes"}),
        (f"{BASE}tilaajat/haku/", {"email": SECRET}),
        (f"{BASE}tilaajat/{aside.pk}/palauta/", {}),
        (f"{BASE}tilaajat/{confirmed.pk}/sivuun/", {"reason": "Pyyntö"}),
        (f"{BASE}tilaajat/{aside.pk}/lopeta/", {}),
    ]


def people():
    """Anonymous, and a signed-in person without staff rights."""
    return [None, UserFactory()]


def assert_sent_to_sign_in(response):
    assert response.status_code == 302
    assert "/hallinta/login/" in response["Location"]


def test_nobody_but_staff_sees_the_pages_or_addresses(client, setup):
    issue, aside, _confirmed = setup
    for person in people():
        client.logout()
        if person is not None:
            client.force_login(person)
        for url in get_urls(issue, aside):
            response = client.get(url)
            assert_sent_to_sign_in(response)
            assert SECRET.encode() not in response.content


def test_nobody_but_staff_can_change_anything(client, setup):
    issue, aside, confirmed = setup
    entries, emails = AuditEntry.objects.count(), OutgoingEmail.objects.count()
    for person in people():
        client.logout()
        if person is not None:
            client.force_login(person)
        for url, data in post_urls(issue, aside, confirmed):
            assert_sent_to_sign_in(client.post(url, data))
    assert AuditEntry.objects.count() == entries
    assert OutgoingEmail.objects.count() == emails
    assert Issue.objects.get(pk=issue.pk).status == IssueStatus.DRAFT
    assert Issue.objects.get(pk=issue.pk).key == "2026-12"
    assert Subscriber.objects.get(pk=aside.pk).status == SubscriberStatus.SET_ASIDE
    assert Subscriber.objects.get(pk=confirmed.pk).status == SubscriberStatus.CONFIRMED


def test_staff_see_every_page(client, setup):
    issue, aside, _confirmed = setup
    client.force_login(staff_member())
    for url in get_urls(issue, aside):
        assert client.get(url).status_code == 200, url


def test_posts_need_the_csrf_token(setup):
    issue, aside, confirmed = setup
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff_member())
    for url, data in post_urls(issue, aside, confirmed):
        assert client.post(url, data).status_code == 403, url
    assert Issue.objects.get(pk=issue.pk).status == IssueStatus.DRAFT
    assert Subscriber.objects.get(pk=aside.pk).status == SubscriberStatus.SET_ASIDE


def test_the_staff_navigation_links_to_the_newsletter_pages(client):
    client.force_login(staff_member())
    assert f'href="{BASE}"'.encode() in client.get("/").content
    client.force_login(UserFactory())
    assert f'href="{BASE}"'.encode() not in client.get("/").content


@pytest.mark.parametrize(
    "path",
    [
        "999999/",
        "999999/muokkaa/",
        "999999/esikatselu/",
        "999999/esikatselu/viesti/",
        "999999/testi/",
        "999999/poista/",
        "99999999999999999999/",
        "abc/",
        "tilaajat/999999/",
        "tilaajat/999999/lopeta/",
        "tilaajat/abc/",
    ],
)
def test_unknown_issues_and_subscribers_are_not_found(client, path):
    client.force_login(staff_member())
    assert client.get(BASE + path).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "999999/ajasta/",
        "999999/peru-ajastus/",
        "999999/keskeyta/",
        "999999/jatka/",
        "999999/poista/",
        "999999/muokkaa/",
        "tilaajat/999999/palauta/",
        "tilaajat/999999/sivuun/",
        "tilaajat/999999/lopeta/",
    ],
)
def test_posts_about_unknown_ones_are_not_found(client, path):
    client.force_login(staff_member())
    assert client.post(BASE + path, {"when": "now", "reason": "x"}).status_code == 404


def test_actions_refuse_get(client, setup):
    issue, aside, confirmed = setup
    client.force_login(staff_member())
    for url in (
        f"{BASE}{issue.pk}/ajasta/",
        f"{BASE}{issue.pk}/peru-ajastus/",
        f"{BASE}{issue.pk}/keskeyta/",
        f"{BASE}{issue.pk}/jatka/",
        f"{BASE}tilaajat/haku/",
        f"{BASE}tilaajat/{aside.pk}/palauta/",
        f"{BASE}tilaajat/{confirmed.pk}/sivuun/",
    ):
        assert client.get(url).status_code == 405, url
    for url in (f"{BASE}{issue.pk}/esikatselu/", f"{BASE}{issue.pk}/esikatselu/viesti/"):
        assert client.post(url).status_code == 405, url
