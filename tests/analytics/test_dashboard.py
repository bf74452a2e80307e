"""The staff dashboard: who may see it, and that every figure is the rollups' figure."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from analytics.models import DeedDay, ReferrerDay, SearchDay, SiteDay
from tests.deeds.factories import DeedFactory
from tests.editors.factories import editor_of

pytestmark = pytest.mark.django_db
HELSINKI = dt.timezone(dt.timedelta(hours=2))
TODAY = dt.date(2026, 11, 23)
URL = "/kavijat/"


@pytest.fixture
def staff_client(client, staff_user, time_machine):
    time_machine.move_to(dt.datetime(2026, 11, 23, 15, tzinfo=HELSINKI))
    client.force_login(staff_user)
    return client


def day(n):
    return TODAY - dt.timedelta(days=n)


@pytest.fixture
def figures():
    """Daily totals as the rollup would leave them: 60 days, visitors = 10 + n % 7."""
    for n in range(60):
        SiteDay.objects.create(day=day(n), views=3 * (10 + n % 7), visitors=10 + n % 7)
    popular, other = DeedFactory(title="Suosittu teko"), DeedFactory(title="Toinen teko")
    DeedDay.objects.create(day=day(1), deed=popular, views=40, visitors=30)
    DeedDay.objects.create(day=day(2), deed=popular, views=5, visitors=5)
    DeedDay.objects.create(day=day(1), deed=other, views=7, visitors=6)
    DeedDay.objects.create(day=day(45), deed=other, views=500, visitors=400)  # outside 30 days
    SearchDay.objects.create(day=day(1), query="kotihoito", searches=9, zero_results=0)
    SearchDay.objects.create(day=day(3), query="kotihoito", searches=2, zero_results=1)
    SearchDay.objects.create(day=day(2), query="robottipölynimuri", searches=4, zero_results=4)
    ReferrerDay.objects.create(day=day(1), host="kunta.fi", views=12, visitors=8)
    return popular, other


def test_anonymous_visitors_are_sent_to_the_staff_sign_in(client):
    # As the other staff pages (moderation, editors) do.
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == "/hallinta/login/?next=/kavijat/"


def test_organisation_editors_may_not_see_it(client):
    client.force_login(editor_of(DeedFactory().organisation))
    response = client.get(URL)
    assert response.status_code == 302 and response["Location"].startswith("/hallinta/login/")
    assert client.post("/kavijat/paivita/").status_code == 302
    assert not SiteDay.objects.exists()


def test_staff_see_the_last_30_days_by_default(staff_client, figures):
    response = staff_client.get(URL)
    assert response.status_code == 200
    report = response.context["report"]
    assert (report["start"], report["end"]) == (day(29), TODAY)
    expected = SiteDay.objects.filter(day__gte=day(29))
    assert report["totals"]["visitors"] == sum(r.visitors for r in expected)
    assert report["totals"]["views"] == sum(r.views for r in expected)
    html = response.content.decode()
    assert 'role="img"' in html and 'aria-labelledby="timeline-title timeline-desc"' in html
    assert len(re.findall(r'class="timeline__bar" x=', html)) == 30


def test_the_table_shows_every_days_figures(staff_client, figures):
    html = staff_client.get(URL).content.decode()
    for row in SiteDay.objects.filter(day__gte=day(29)):
        cells = re.search(rf'data-day="{row.day:%Y-%m-%d}">.*?</tr>', html).group(0)
        numbers = re.findall(r'class="numeric">(?:<span[^>]*>[^<]*</span>)?(\d+)<', cells)
        assert numbers == [str(row.visitors), str(row.views)]


def test_top_deeds_searches_and_referrers_are_summed_over_the_period(staff_client, figures):
    popular, other = figures
    report = staff_client.get(URL).context["report"]
    assert [(r["deed"], r["views"]) for r in report["top_deeds"]] == [(popular, 45), (other, 7)]
    assert [(r["query"], r["searches"], r["zero_results"]) for r in report["top_searches"]] == [
        ("kotihoito", 11, 1),
        ("robottipölynimuri", 4, 4),
    ]
    assert [r["query"] for r in report["searches_without_results"]] == [
        "robottipölynimuri",
        "kotihoito",
    ]
    assert [(r["host"], r["views"]) for r in report["referrers"]] == [("kunta.fi", 12)]
    html = staff_client.get(URL).content.decode()
    assert re.search(
        rf'href="{popular.get_absolute_url()}">Suosittu teko</a></th><td[^>]*>.*?45<', html
    )
    assert re.search(r"<th scope=\"row\">robottipölynimuri</th>.*?>4<", html)


def test_a_chosen_period_limits_every_figure(staff_client, figures):
    response = staff_client.get(URL, {"start": day(50).isoformat(), "end": day(40).isoformat()})
    report = response.context["report"]
    assert len(report["points"]) == 11
    assert [r["views"] for r in report["top_deeds"]] == [500]
    assert not report["top_searches"]


def test_a_long_period_is_shown_per_month(staff_client, figures):
    response = staff_client.get(URL, {"start": "2026-01-01", "end": TODAY.isoformat()})
    report = response.context["report"]
    assert report["monthly"] and len(report["points"]) == 11
    november = report["points"][-1]
    rows = SiteDay.objects.filter(day__month=11, day__year=2026)
    assert november.visitors == sum(r.visitors for r in rows)
    assert november.views == sum(r.views for r in rows)


@pytest.mark.parametrize(
    "params",
    [
        {"start": "31.2.2026"},
        {"start": "2026-11-20", "end": "2026-11-01"},
        {"start": "2015-01-01", "end": "2026-11-01"},
        {"compare_start": "2026-11-01"},
        {"compare_start": "huomenna", "compare_end": "2026-11-10"},
    ],
)
def test_bad_dates_get_a_clear_message_and_the_default_period(staff_client, figures, params):
    response = staff_client.get(URL, params)
    assert response.status_code == 400
    assert 'class="notice notice--error error-summary"' in response.content.decode()
    report = response.context["report"]
    assert report["end"] == TODAY and report["comparison"] is None


def test_a_period_is_compared_with_the_30_days_before(staff_client, figures):
    response = staff_client.get(
        URL, {"compare_start": day(9).isoformat(), "compare_end": day(0).isoformat()}
    )
    comparison = response.context["report"]["comparison"]
    during = SiteDay.objects.filter(day__gte=day(9))
    before = SiteDay.objects.filter(day__gte=day(39), day__lte=day(10))
    assert comparison.days == 10 and comparison.before_days == 30
    assert comparison.visitors_per_day == round(sum(r.visitors for r in during) / 10, 1)
    assert comparison.before_visitors_per_day == round(sum(r.visitors for r in before) / 30, 1)
    assert comparison.before_start == day(39)
    assert 'class="timeline__band"' in response.content.decode()


def test_comparing_starts_before_counting_did_and_ends_at_today(figures, time_machine):
    time_machine.move_to(dt.datetime(2026, 11, 23, 15, tzinfo=HELSINKI))
    comparison = SiteDay.objects.compare(day(50), TODAY + dt.timedelta(days=10))
    assert comparison.end == TODAY and comparison.days == 51
    assert comparison.before_start == day(59) and comparison.before_days == 9
    assert SiteDay.objects.compare(day(59), day(50)).before_days == 0


def test_staff_can_update_the_figures_at_once(staff_client):
    from analytics.models import Hit

    Hit.objects.create(day=TODAY, path="/", visitor="a" * 16)
    response = staff_client.post("/kavijat/paivita/", follow=True)
    assert response.redirect_chain[-1][0] == URL
    assert SiteDay.objects.get(day=TODAY).views == 1
    assert staff_client.get("/kavijat/paivita/").status_code == 405


def test_the_dashboard_works_in_swedish(staff_client, figures):
    assert staff_client.get("/sv/kavijat/").status_code == 200


def test_campaigns_are_drawn_over_the_timeline_and_offered_for_comparison(admin_client):
    from tests.recognition.factories import CampaignFactory

    today = timezone.localdate()
    CampaignFactory(
        name="Kevätkampanja",
        slug="kevat",
        starts_on=today - dt.timedelta(days=10),
        ends_on=today - dt.timedelta(days=3),
    )
    response = admin_client.get("/kavijat/")
    bands = response.context["report"]["chart"].bands
    assert [band["label"] for band in bands] == ["Kevätkampanja"]
    start = (today - dt.timedelta(days=10)).isoformat()
    assert f"compare_start={start}" in response.content.decode()
