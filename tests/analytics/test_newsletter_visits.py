"""Visits through a newsletter's links count for its issue ("uutiskirje:<key>"), as a
referring site's would, and the dashboard names them."""

import datetime as dt

import pytest

from analytics.models import Hit, ReferrerDay
from analytics.services import analytics_rollup
from tests.analytics.conftest import visitor

pytestmark = pytest.mark.django_db

TRACKED = "?utm_source=uutiskirje&utm_medium=email&utm_campaign="


def test_a_page_opened_from_a_newsletter_counts_for_its_issue(client):
    response = client.get(
        "/teot/" + TRACKED + "2025-03", **visitor(Referer="https://mail.google.com/")
    )
    assert response.status_code == 200
    hit = Hit.objects.get()
    # The issue rather than the webmail's host; the parameters are not in the path.
    assert (hit.path, hit.referrer_host) == ("/teot/", "uutiskirje:2025-03")


@pytest.mark.parametrize(
    "query",
    [
        "?utm_source=muu&utm_campaign=2025-03",
        "?utm_source=uutiskirje",
        "?utm_source=uutiskirje&utm_campaign=",
        "?utm_source=uutiskirje&utm_campaign=Kevat_2025",
        "?utm_source=uutiskirje&utm_campaign=-alku",
        "?utm_source=uutiskirje&utm_campaign=" + "a" * 41,
        "?utm_source=uutiskirje&utm_campaign=2025-03%0A",
        "?utm_source=uutiskirje&utm_campaign=%3Cscript%3E",
        "?utm_source=UUTISKIRJE&utm_campaign=2025-03",
    ],
)
def test_anything_else_is_the_referring_site_as_before(client, query):
    client.get("/teot/" + query, **visitor(Referer="https://www.kunta.fi/uutiset/"))
    assert Hit.objects.get().referrer_host == "kunta.fi"


def test_the_longest_key_fits(client):
    key = "a" + "-9" * 19 + "z"
    assert len(key) == 40
    client.get("/" + TRACKED + key, **visitor())
    assert Hit.objects.get().referrer_host == "uutiskirje:" + key


def test_issues_are_summed_per_day_and_read_back_per_key(client, time_machine):
    time_machine.move_to(dt.datetime(2026, 3, 10, 12, tzinfo=dt.UTC))
    for path in ("/", "/teot/"):
        client.get(path + TRACKED + "2026-03", **visitor())
    client.get("/" + TRACKED + "2026-03", **visitor(address="198.51.100.9"))
    client.get("/" + TRACKED + "2026-02", **visitor())
    analytics_rollup()
    assert ReferrerDay.objects.newsletter_issues(["2026-03", "2026-02", "2026-01"]) == {
        "2026-03": {"views": 3, "visitors": 2},
        "2026-02": {"views": 1, "visitors": 1},
    }


def test_the_dashboard_names_the_issue_among_the_referring_sites(client, staff_user, time_machine):
    time_machine.move_to(dt.datetime(2026, 3, 10, 12, tzinfo=dt.UTC))
    today = dt.date(2026, 3, 10)
    ReferrerDay.objects.create(day=today, host="uutiskirje:2026-03", views=30, visitors=20)
    ReferrerDay.objects.create(day=today, host="uutiskirje:2026-02", views=4, visitors=3)
    ReferrerDay.objects.create(day=today, host="kunta.fi", views=12, visitors=10)
    client.force_login(staff_user)
    response = client.get("/kavijat/")
    rows = response.context["report"]["referrers"]
    assert [(row["label"], row["views"]) for row in rows] == [
        ("Uutiskirje 2026-03", 30),
        ("kunta.fi", 12),
        ("Uutiskirje 2026-02", 4),
    ]
    assert response.context["report"]["newsletter"] == {"views": 34, "visitors": 23}
    html = response.content.decode()
    assert '<th scope="row">Uutiskirje 2026-03</th>' in html
    assert "23 käyntiä" in html
