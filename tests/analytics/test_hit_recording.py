"""Which requests count as page views, and what a counted one stores."""

import pytest

from analytics.models import Hit
from tests.analytics.conftest import ADDRESS, FIREFOX, visitor
from tests.deeds.factories import DeedFactory
from tests.editors.factories import UserFactory, editor_of

pytestmark = pytest.mark.django_db


def test_a_deed_page_view_is_recorded_for_that_deed(client):
    deed = DeedFactory()
    assert client.get(deed.get_absolute_url(), **visitor()).status_code == 200
    hit = Hit.objects.get()
    assert hit.deed_id == deed.pk
    assert hit.path == deed.get_absolute_url()
    assert len(hit.visitor) == 16 and hit.referrer_host == ""


def test_a_deed_read_in_swedish_counts_for_the_same_deed(client):
    deed = DeedFactory()
    client.get(f"/sv/teot/{deed.pk}/{deed.slug}/", **visitor())
    assert Hit.objects.get().deed_id == deed.pk


def test_other_public_pages_are_recorded_without_a_deed(client):
    for path in ["/", "/teot/", "/organisaatiot/", "/tietoa/"]:
        assert client.get(path, **visitor()).status_code == 200, path
    assert list(Hit.objects.order_by("id").values_list("path", "deed")) == [
        ("/", None),
        ("/teot/", None),
        ("/organisaatiot/", None),
        ("/tietoa/", None),
    ]


def test_the_query_string_is_not_stored(client):
    client.get("/teot/?region=06&q=kotihoito", **visitor())
    assert Hit.objects.get().path == "/teot/"


def test_the_same_browser_on_one_day_is_one_visitor_and_another_browser_another(client):
    client.get("/", **visitor())
    client.get("/teot/", **visitor())
    client.get("/", **visitor(address="198.51.100.1"))
    client.get("/", **visitor(user_agent=FIREFOX.replace("140", "141")))
    hashes = list(Hit.objects.order_by("id").values_list("visitor", flat=True))
    assert hashes[0] == hashes[1]
    assert len(set(hashes)) == 3


@pytest.mark.parametrize(
    "host, referer",
    [
        ("kunta.fi", "https://www.kunta.fi/uutiset/2026/tekojen-tori?utm=x"),
        ("duckduckgo.com", "https://duckduckgo.com/"),
        ("", "http://testserver/teot/"),
        ("", "not a url at all ["),
    ],
)
def test_only_the_host_of_another_referring_site_is_kept(client, host, referer):
    client.get("/", **visitor(Referer=referer))
    assert Hit.objects.get().referrer_host == host


SKIPPED = {
    "search engine": visitor(
        user_agent="Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
    ),
    "script": visitor(user_agent="python-requests/2.32"),
    "no user agent": {"REMOTE_ADDR": ADDRESS},
    "headless browser": visitor(user_agent=FIREFOX.replace("Firefox", "HeadlessChrome")),
    "link preview": visitor(user_agent="Mozilla/5.0 (compatible) WhatsApp/2.23"),
    "Do Not Track": visitor(DNT="1"),
    "Global Privacy Control": visitor(**{"Sec-GPC": "1"}),
    "speculative prefetch": visitor(**{"Sec-Purpose": "prefetch"}),
    "prerender": visitor(**{"Sec-Purpose": "prefetch;prerender"}),
    "old prefetch header": visitor(Purpose="prefetch"),
    "Firefox prefetch": visitor(**{"X-Moz": "prefetch"}),
    "htmx partial": visitor(**{"HX-Request": "true"}),
}


@pytest.mark.parametrize("kwargs", SKIPPED.values(), ids=SKIPPED.keys())
def test_bots_prefetches_partials_and_opt_outs_are_not_counted(client, kwargs):
    deed = DeedFactory()
    assert client.get(deed.get_absolute_url(), **kwargs).status_code == 200
    assert not Hit.objects.exists()


def test_a_browser_that_sends_do_not_track_0_is_counted(client):
    client.get("/", **visitor(DNT="0"))
    assert Hit.objects.count() == 1


@pytest.mark.parametrize("user", ["staff", "editor"])
def test_signed_in_staff_and_editors_are_not_counted(client, user):
    deed = DeedFactory()
    person = UserFactory(is_staff=True) if user == "staff" else editor_of(deed.organisation)
    client.force_login(person)
    assert client.get(deed.get_absolute_url(), **visitor()).status_code == 200
    assert not Hit.objects.exists()


def test_errors_redirects_and_other_methods_are_not_counted(client):
    deed = DeedFactory()
    assert client.get("/ei-ole/", **visitor()).status_code == 404
    assert client.get(f"/teot/{deed.pk}/", **visitor()).status_code == 301
    assert client.head("/", **visitor()).status_code == 200
    assert client.post("/teot/", **visitor()).status_code == 200  # answered, not a view
    assert not Hit.objects.exists()


def test_json_and_non_page_answers_are_not_counted(client):
    for path in ["/api/v1/deeds/", "/robots.txt", "/sitemap.xml", "/static/css/tori.css"]:
        client.get(path, **visitor())
    assert not Hit.objects.exists()


def test_pages_whose_address_holds_a_secret_are_never_stored(client):
    """A draft's form key or an invitation token in a stored path would let anyone with
    the database open them; such pages are not counted at all."""
    from submissions.models import Submission

    draft = Submission.objects.create(email="a@example.fi", data={"title": "Luonnos"})
    assert client.get(f"/ilmianna/{draft.form_key}/", **visitor()).status_code == 200
    client.get("/toimittaja/kutsu/abc.def/", **visitor())
    client.get("/tili/kirjaudu/", **visitor())
    assert not Hit.objects.exists()


def test_a_failing_database_write_does_not_break_the_page(client, monkeypatch):
    from django.db import DatabaseError

    def fail(*args, **kwargs):
        raise DatabaseError("disk full")

    monkeypatch.setattr(Hit.objects, "create", fail)
    assert client.get("/", **visitor()).status_code == 200
