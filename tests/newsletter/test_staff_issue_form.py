"""Staff compose issues through their form (issue_create, issue_change): this week's
highlights come ticked, deeds are added by number or address, news items are a formset,
refusals come back as form errors with everything typed kept, and an issue being sent
cannot be changed."""

import datetime as dt

import pytest
from django.utils import timezone

from audit.models import AuditEntry
from newsletter.issue_services import issue_schedule
from newsletter.models import Issue, IssueStatus
from newsletter.sending import newsletter_tick
from recognition.highlights import Highlight, monday_of
from tests.deeds.factories import DeedFactory
from tests.newsletter.factories import draft_issue, subscribed
from tests.newsletter.factories_staff import BASE, staff_member
from tests.recognition.factories import CampaignFactory

pytestmark = pytest.mark.django_db

NEW = f"{BASE}uusi/"
HOSTILE = "<script>alert('x')</script> ' OR 1=1 -- Åäö☃"


def local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def news_rows(*items):
    """The formset's management form and rows; six rows are always there."""
    data = {"news-TOTAL_FORMS": "6", "news-INITIAL_FORMS": str(len(items))}
    for n, item in enumerate(items):
        data.update({f"news-{n}-{key}": value for key, value in item.items()})
    return data


def form_data(*news, **changes):
    data = {
        "key": "2026-12",
        "subject_fi": "Joulukuun uutiskirje",
        "subject_sv": "Decembers nyhetsbrev",
        "intro_fi": "Hyvää joulua, kehittäjät!",
        "deeds_since": local(timezone.now() - dt.timedelta(days=30)),
        "show_events": "on",
        "show_new_deeds": "on",
        **news_rows(*news),
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def staff(client):
    user = staff_member()
    client.force_login(user)
    return user


def highlight(deed):
    return Highlight.objects.create(deed=deed, week=monday_of(timezone.localdate()))


def test_the_new_form_suggests_a_key_the_running_campaign_and_this_weeks_highlights(client, staff):
    today = timezone.localdate()
    CampaignFactory(name="Vanha kampanja", starts_on=dt.date(2021, 9, 1))
    running = CampaignFactory(
        name="Käynnissä oleva", starts_on=today - dt.timedelta(days=3), ends_on=today
    )
    chosen = highlight(DeedFactory(title="Viikon nosto"))
    draft_issue(key=timezone.localtime().strftime("%Y-%m"))

    response = client.get(NEW)

    html = response.content.decode()
    assert f'value="{timezone.localtime():%Y-%m}-2"' in html
    assert f'<option value="{running.pk}" selected>' in html
    assert f'value="{chosen.deed.pk}"' in html and "checked" in html
    assert "Viikon nosto" in html


def test_staff_create_a_draft_with_highlights_added_deeds_and_news(client, staff):
    this_week = highlight(DeedFactory(title="Viikon nosto"))
    unticked = highlight(DeedFactory(title="Pois jätetty nosto"))
    by_number = DeedFactory(title="Numerolla lisätty")
    by_address = DeedFactory(title="Osoitteella lisätty")
    campaign = CampaignFactory()
    response = client.post(
        NEW,
        form_data(
            {"title_fi": "Gaala lähestyy", "text_fi": "Ilmoittaudu!", "url": "example.fi/gaala"},
            {},  # an empty row is left out
            {"title_fi": "Toinen uutinen", "title_sv": "Andra nyheten"},
            highlights=[this_week.deed.pk],
            add_deeds=f"{by_number.pk},\nhttps://tekojentori.fi/sv{by_address.get_absolute_url()}",
            campaign=campaign.pk,
        ),
    )
    issue = Issue.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{BASE}{issue.pk}/"
    assert issue.status == IssueStatus.DRAFT
    assert (issue.key, issue.subject_sv, issue.campaign) == (
        "2026-12",
        "Decembers nyhetsbrev",
        campaign,
    )
    assert set(issue.highlights.all()) == {this_week.deed, by_number, by_address}
    assert unticked.deed not in issue.highlights.all()
    news = list(issue.news.all())
    assert [(n.position, n.title_fi) for n in news] == [
        (0, "Gaala lähestyy"),
        (1, "Toinen uutinen"),
    ]
    assert news[0].url == "https://example.fi/gaala" and news[1].title_sv == "Andra nyheten"
    actions = list(AuditEntry.objects.for_object(issue).values_list("action", "actor"))
    assert ("newsletter.issue_created", staff.pk) in actions
    assert ("newsletter.issue_changed", staff.pk) in actions


def test_new_deeds_count_from_the_last_issue_when_left_empty(client, staff):
    response = client.post(NEW, form_data(deeds_since=""))
    assert response.status_code == 302
    issue = Issue.objects.get()
    assert abs(issue.deeds_since - (timezone.now() - dt.timedelta(days=14))) < dt.timedelta(
        minutes=1
    )
    # Nothing changed after creating: one entry.
    assert AuditEntry.objects.for_object(issue).count() == 1


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"key": "Joulukuu 2026"}, "key", "lyhytnimi"),
        ({"key": "joulu-ä"}, "key", "lyhytnimi"),
        ({"key": ""}, "key", "Tämä kenttä vaaditaan"),
        ({"subject_fi": ""}, "subject_fi", "Tämä kenttä vaaditaan"),
        ({"add_deeds": "999999"}, "add_deeds", "999999"),
        ({"add_deeds": "https://example.com/jotain/"}, "add_deeds", "example.com"),
        ({"deeds_since": "huomenna"}, "deeds_since", "Syötä oikea pvm/kellonaika."),
    ],
)
def test_bad_input_comes_back_with_what_was_typed(client, staff, changes, field, message):
    response = client.post(NEW, form_data(intro_fi=HOSTILE, **changes))
    assert response.status_code == 400
    html = response.content.decode()
    assert f'href="#field-{field}"' in html
    assert message in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html  # kept, escaped
    assert "<script>alert" not in html
    assert not Issue.objects.exists()


def test_a_key_is_used_once(client, staff):
    draft_issue(key="2026-12")
    response = client.post(NEW, form_data())
    assert response.status_code == 400
    assert "Toisella numerolla on jo tämä tunnus." in response.content.decode()
    assert Issue.objects.count() == 1


def test_an_unpublished_deed_cannot_be_added(client, staff):
    draft = DeedFactory(title="Luonnos", status="draft", published_at=None)
    response = client.post(NEW, form_data(add_deeds=f"/teot/{draft.pk}/luonnos/"))
    assert response.status_code == 400
    assert f"Julkaistua tekoa ei löydy numerolla {draft.pk}" in response.content.decode()
    assert not Issue.objects.exists()


def test_a_news_item_needs_a_finnish_title(client, staff):
    response = client.post(
        NEW, form_data({"text_fi": "Teksti ilman otsikkoa", "url": "https://example.fi/"})
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'href="#field-news-0-title_fi"' in html
    assert "Uutisella pitää olla otsikko suomeksi." in html
    assert "Teksti ilman otsikkoa" in html
    assert not Issue.objects.exists()


def test_more_than_six_news_items_are_refused(client, staff):
    data = form_data(*[{"title_fi": f"Uutinen {n}"} for n in range(7)])
    data["news-TOTAL_FORMS"] = "7"
    response = client.post(NEW, data)
    assert response.status_code == 400
    assert not Issue.objects.exists()


def test_staff_edit_a_draft_and_remove_a_news_item(client, staff):
    kept, dropped = DeedFactory(title="Pidetty"), DeedFactory(title="Poistettu")
    issue = draft_issue(key="2026-11")
    issue.highlights.set([kept, dropped])
    issue.news.create(position=0, title_fi="Vanha uutinen")
    issue.news.create(position=1, title_fi="Poistettava uutinen")
    url = f"{BASE}{issue.pk}/muokkaa/"
    page = client.get(url).content.decode()
    assert "Vanha uutinen" in page and 'value="2026-11"' in page

    response = client.post(
        url,
        form_data(
            {"title_fi": "Vanha uutinen, korjattu"},
            {"title_fi": ""},  # emptied: removed
            key="2026-11",
            subject_fi="Marraskuu",
            highlights=[kept.pk],
            **{"news-INITIAL_FORMS": "2"},
        ),
    )
    assert response.status_code == 302
    issue.refresh_from_db()
    assert issue.subject_fi == "Marraskuu"
    assert list(issue.highlights.all()) == [kept]
    assert list(issue.news.values_list("title_fi", flat=True)) == ["Vanha uutinen, korjattu"]
    entry = AuditEntry.objects.for_object(issue).filter(action="newsletter.issue_changed").get()
    assert "subject_fi" in entry.data["fields"] and entry.actor == staff


def test_a_scheduled_issue_can_still_be_edited(client, staff):
    issue = draft_issue(key="2026-10")
    issue_schedule(issue, actor=None, at=timezone.now() + dt.timedelta(days=2))
    response = client.post(f"{BASE}{issue.pk}/muokkaa/", form_data(key="2026-10"))
    assert response.status_code == 302
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SCHEDULED and issue.subject_sv == "Decembers nyhetsbrev"


def test_an_issue_being_sent_or_sent_cannot_be_edited(client, staff):
    subscribed()
    issue = draft_issue(key="2026-09", subject_fi="Lähtenyt")
    issue_schedule(issue, actor=None)
    newsletter_tick(deliver=False)
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENDING
    url = f"{BASE}{issue.pk}/muokkaa/"

    for response in (client.get(url), client.post(url, form_data(key="2026-09"))):
        assert response.status_code == 302
        assert response["Location"] == f"{BASE}{issue.pk}/"
    issue.refresh_from_db()
    assert issue.subject_fi == "Lähtenyt"
    page = client.get(f"{BASE}{issue.pk}/").content.decode()
    assert "Lähetettävänä olevaa tai jo lähetettyä numeroa ei voi muuttaa." in page
    assert f'href="{url}"' not in page


def test_delete_a_draft_after_confirming(client, staff):
    issue = draft_issue(key="poistettava")
    url = f"{BASE}{issue.pk}/poista/"
    assert "Kyllä, poista luonnos" in client.get(url).content.decode()
    response = client.post(url)
    assert response.status_code == 302 and response["Location"] == BASE
    assert not Issue.objects.exists()
    assert AuditEntry.objects.filter(action="newsletter.issue_deleted", actor=staff).exists()


def test_a_scheduled_issue_is_not_deleted(client, staff):
    issue = draft_issue(key="ajastettu")
    issue_schedule(issue, actor=None, at=timezone.now() + dt.timedelta(days=1))
    response = client.post(f"{BASE}{issue.pk}/poista/", follow=True)
    assert "Vain luonnoksen voi poistaa." in response.content.decode()
    assert Issue.objects.filter(pk=issue.pk).exists()


@pytest.mark.parametrize(
    "changes",
    [
        {"campaign": "99999999999999999999"},
        {"campaign": "abc"},
        {"highlights": ["99999999999999999999"]},
        {"highlights": ["1\x00"]},
        {"news-TOTAL_FORMS": "99999999999999999999"},
        {"news-TOTAL_FORMS": "x"},
        {"add_deeds": "9" * 400},
    ],
)
def test_hostile_values_are_refused_not_errors(client, staff, changes):
    response = client.post(NEW, form_data(**changes))
    assert response.status_code == 400
    assert not Issue.objects.exists()
