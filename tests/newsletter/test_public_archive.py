"""The public archive of sent issues, its Atom feed and the sitemap: sent issues only."""

import datetime as dt
import time
import xml.etree.ElementTree as ET

import pytest
import time_machine
from django.utils import timezone

from newsletter.issue_services import issue_schedule
from newsletter.sending import newsletter_tick
from tests.newsletter.factories import draft_issue, subscribed

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def sent_issue(**fields):
    issue = draft_issue(**fields)
    issue_schedule(issue, actor=None)
    newsletter_tick()
    issue.refresh_from_db()
    assert issue.sent_at is not None
    return issue


@pytest.fixture
def issues():
    subscribed()
    with time_machine.travel(time.time() - 400 * 86400):
        old = sent_issue(key="vanha", subject_fi="Vanha numero", intro_fi="Hei viime vuonna.")
    new = sent_issue(
        key="uusi",
        subject_fi="Uusi numero",
        subject_sv="Nytt nummer",
        intro_fi="Tässä numerossa:\n- kevään teot",
    )
    draft = draft_issue(key="luonnos", subject_fi="Keskeneräinen numero")
    return old, new, draft


def test_the_archive_lists_sent_issues_by_year_newest_first(client, issues):
    old, new, _draft = issues
    response = client.get("/uutiskirje/arkisto/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Keskeneräinen numero" not in html
    assert html.index("Uusi numero") < html.index("Vanha numero")
    new_year = timezone.localtime(new.sent_at).year
    old_year = timezone.localtime(old.sent_at).year
    assert f'<h2 id="year-{new_year}">{new_year}</h2>' in html
    assert f'<h2 id="year-{old_year}">{old_year}</h2>' in html
    sent = timezone.localtime(new.sent_at)
    assert f"{sent.day}.{sent.month}.{sent.year}" in html
    assert 'href="/uutiskirje/arkisto/uusi/"' in html
    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert 'href="/syotteet/uutiskirje.atom"' in html


def test_the_archive_shows_the_subject_in_the_page_language(client, issues):
    html = client.get("/sv/uutiskirje/arkisto/").content.decode()
    assert "Nytt nummer" in html
    # No Swedish subject: the Finnish one, marked as Finnish.
    assert '<a href="/sv/uutiskirje/arkisto/vanha/" lang="fi">Vanha numero</a>' in html


def test_a_sent_issue_shows_its_web_version(client, issues):
    _old, new, _draft = issues
    response = client.get("/uutiskirje/arkisto/uusi/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>" in html and "Uusi numero" in html
    assert "<li>kevään teot</li>" in html  # the stored HTML, not escaped again
    # The Swedish page: the Finnish web version, marked as Finnish.
    swedish = client.get("/sv/uutiskirje/arkisto/uusi/").content.decode()
    assert "Nytt nummer" in swedish


def test_the_web_version_in_another_language_carries_its_lang(client, issues):
    _old, new, _draft = issues
    new.web_versions = {"fi": "<p>Vain suomeksi</p>"}
    new.save(update_fields=["web_versions"])
    html = client.get("/en/uutiskirje/arkisto/uusi/").content.decode()
    assert '<article class="newsletter-web" lang="fi">' in html
    assert "<p>Vain suomeksi</p>" in html


@pytest.mark.parametrize("key", ["luonnos", "ei-ole", "a" * 300])
def test_unsent_and_unknown_issues_are_not_found(client, issues, key):
    assert client.get(f"/uutiskirje/arkisto/{key}/").status_code == 404


def test_the_feed_has_one_entry_per_sent_issue_dated_when_sent(client, issues):
    old, new, _draft = issues
    response = client.get("/syotteet/uutiskirje.atom")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == ["Uusi numero", "Vanha numero"]
    links = [e.find(f"{ATOM}link").get("href") for e in entries]
    assert links[0].endswith("/uutiskirje/arkisto/uusi/")
    updated = dt.datetime.fromisoformat(entries[0].find(f"{ATOM}updated").text)
    assert updated == new.sent_at
    assert dt.datetime.fromisoformat(feed.find(f"{ATOM}updated").text) == new.sent_at
    summary = entries[0].find(f"{ATOM}summary").text
    sent = timezone.localtime(new.sent_at)
    assert summary.startswith(f"Lähetetty {sent.day}.{sent.month}.{sent.year}.")
    assert "Keskeneräinen" not in response.content.decode()


def test_the_feed_in_swedish(client, issues):
    response = client.get("/sv/syotteet/uutiskirje.atom")
    feed = ET.fromstring(response.content)
    titles = [e.find(f"{ATOM}title").text for e in feed.findall(f"{ATOM}entry")]
    assert titles == ["Nytt nummer", "Vanha numero"]
    assert "/sv/uutiskirje/arkisto/" in feed.find(f"{ATOM}link").get("href")


def test_the_sitemap_has_the_pages_and_sent_issues(client, issues):
    pages = client.get("/sitemap-pages.xml").content.decode()
    assert "/uutiskirje/</loc>" in pages and "/uutiskirje/arkisto/</loc>" in pages
    section = client.get("/sitemap-newsletter.xml").content.decode()
    assert "/uutiskirje/arkisto/uusi/" in section and "/sv/uutiskirje/arkisto/vanha/" in section
    assert "luonnos" not in section
