"""Staff schedule an issue (now or at a time in Finnish time), take it back, pause and
resume it, and follow its progress: on the page, and through htmx's polling of the
progress alone, which stops once the issue is no longer being sent."""

import datetime as dt
import zoneinfo

import pytest
from django.utils import timezone

from audit.models import AuditEntry
from emails.models import OutgoingEmail
from newsletter.issue_services import issue_pause, issue_schedule
from newsletter.models import IssueStatus
from newsletter.sending import newsletter_tick
from tests.newsletter.factories import draft_issue, subscribed
from tests.newsletter.factories_staff import BASE, staff_member

pytestmark = pytest.mark.django_db

HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")
HTMX = {"HX-Request": "true"}
NBSP = "\xa0"


@pytest.fixture
def staff(client):
    user = staff_member()
    client.force_login(user)
    return user


def local(moment):
    return moment.astimezone(HELSINKI).strftime("%Y-%m-%dT%H:%M")


def test_schedule_at_a_time_in_finnish_time(client, staff):
    issue = draft_issue()
    at = (
        (timezone.now() + dt.timedelta(days=2))
        .astimezone(HELSINKI)
        .replace(hour=9, minute=30, second=0, microsecond=0)
    )
    response = client.post(f"{BASE}{issue.pk}/ajasta/", {"when": "later", "at": local(at)})
    assert response.status_code == 302
    assert response["Location"] == f"{BASE}{issue.pk}/#state"
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SCHEDULED and issue.scheduled_at == at
    page = client.get(f"{BASE}{issue.pk}/").content.decode()
    assert f"{at:%-d.%-m.%Y} 9.30" in page
    assert f"Ajastanut {staff.email}" in page
    listing = client.get(BASE).content.decode()
    assert f"{at:%-d.%-m.%Y} 9.30" in listing

    response = client.post(f"{BASE}{issue.pk}/peru-ajastus/")
    issue.refresh_from_db()
    assert issue.status == IssueStatus.DRAFT and issue.scheduled_at is None
    assert AuditEntry.objects.filter(action="newsletter.issue_unscheduled", actor=staff).exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"when": "later", "at": ""}, "Anna päivä ja kellonaika"),
        ({"when": "later", "at": "eilen"}, "Syötä oikea pvm/kellonaika."),
        ({"when": "sometime"}, "Valitse oikea vaihtoehto"),
    ],
)
def test_bad_times_are_refused(client, staff, data, message):
    issue = draft_issue()
    response = client.post(f"{BASE}{issue.pk}/ajasta/", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    issue.refresh_from_db()
    assert issue.status == IssueStatus.DRAFT


def test_a_time_in_the_past_is_refused(client, staff):
    issue = draft_issue()
    past = timezone.now() - dt.timedelta(hours=1)
    response = client.post(f"{BASE}{issue.pk}/ajasta/", {"when": "later", "at": local(past)})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'href="#field-at"' in html and "Aika on jo mennyt" in html
    issue.refresh_from_db()
    assert issue.status == IssueStatus.DRAFT and issue.scheduled_at is None


def test_the_current_minute_still_counts_as_now(client, staff):
    issue = draft_issue()
    response = client.post(
        f"{BASE}{issue.pk}/ajasta/", {"when": "later", "at": local(timezone.now())}
    )
    assert response.status_code == 302
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SCHEDULED


def test_send_now_then_the_tick_sends_and_the_page_shows_the_counts(client, staff, settings):
    settings.NEWSLETTER_RATE_PER_MINUTE = 3
    for _ in range(5):
        subscribed()
    issue = draft_issue(subject_fi="Heti lähtevä")
    response = client.post(f"{BASE}{issue.pk}/ajasta/", {"when": "now", "at": ""})
    assert response.status_code == 302
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SCHEDULED and issue.scheduled_at <= timezone.now()

    newsletter_tick()  # starts it, writes the copies, sends three (the rate cap)

    page = client.get(f"{BASE}{issue.pk}/").content.decode()
    assert "3 / 5 lähetetty, 0 epäonnistui" in page
    assert '<progress aria-labelledby="issue-progress-text" max="5" value="3">' in page
    assert 'hx-trigger="every 5s"' in page
    assert "Keskeytä lähetys" in page
    listing = client.get(BASE).content.decode()
    assert "Heti lähtevä" in listing and "3 / 5 lähetetty" in listing

    # htmx's polling gets the progress alone, which keeps polling while sending.
    response = client.get(f"{BASE}{issue.pk}/", headers=HTMX)
    fragment = response.content.decode()
    assert fragment.lstrip().startswith('<div id="issue-progress"')
    assert "<html" not in fragment and 'hx-trigger="every 5s"' in fragment
    assert "HX-Request" in response["Vary"] and "HX-Refresh" not in response
    # A history restore gets the whole page.
    restore = client.get(
        f"{BASE}{issue.pk}/", headers={**HTMX, "HX-History-Restore-Request": "true"}
    )
    assert b"<html" in restore.content

    OutgoingEmail.objects.filter(bulk=True).update(
        claimed_at=timezone.now() - dt.timedelta(minutes=2)
    )
    newsletter_tick()
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENT

    # Once sent, polling stops and the page is reloaded with the buttons of its state.
    response = client.get(f"{BASE}{issue.pk}/", headers=HTMX)
    assert response["HX-Refresh"] == "true"
    assert "hx-trigger" not in response.content.decode()
    page = client.get(f"{BASE}{issue.pk}/").content.decode()
    assert "5 / 5 lähetetty, 0 epäonnistui" in page
    assert "hx-trigger" not in page and "Keskeytä lähetys" not in page
    listing = client.get(BASE).content.decode()
    assert (
        '<td class="numeric"><span class="staff-newsletter__cell-label">Lähetetty: </span>5</td>'
        in listing
    )


def test_thousands_are_grouped_the_finnish_way(client, staff):
    issue = draft_issue()
    issue_schedule(issue, actor=None)
    newsletter_tick(deliver=False)
    issue.refresh_from_db()
    # The figures as sending.py leaves them once the copies are pruned.
    type(issue).objects.filter(pk=issue.pk).update(
        status=IssueStatus.SENT, sent_at=timezone.now(), recipients=2031, sent_count=1240,
        failed_count=3, queue_complete=True,
    )  # fmt: skip
    page = client.get(f"{BASE}{issue.pk}/").content.decode()
    assert f"1{NBSP}240 / 2{NBSP}031 lähetetty, 3 epäonnistui" in page


def test_pause_and_resume(client, staff, settings):
    settings.NEWSLETTER_RATE_PER_MINUTE = 1
    for _ in range(3):
        subscribed()
    issue = draft_issue()
    issue_schedule(issue, actor=None)
    newsletter_tick()

    response = client.post(f"{BASE}{issue.pk}/keskeyta/", follow=True)
    issue.refresh_from_db()
    assert issue.status == IssueStatus.PAUSED
    html = response.content.decode()
    assert "Lähetys keskeytettiin." in html and "Jatka lähetystä" in html
    assert "hx-trigger" not in html

    # Someone else's pause, seen by a page still polling: reloaded.
    assert client.get(f"{BASE}{issue.pk}/", headers=HTMX)["HX-Refresh"] == "true"

    response = client.post(f"{BASE}{issue.pk}/jatka/", follow=True)
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENDING
    assert "Lähetys jatkuu." in response.content.decode()
    actions = AuditEntry.objects.filter(actor=staff).values_list("action", flat=True)
    assert {"newsletter.issue_paused", "newsletter.issue_resumed"} <= set(actions)


def test_refusals_are_shown_as_messages(client, staff):
    issue = draft_issue()
    for url, message in (
        ("keskeyta/", "Vain lähetettävänä olevan numeron voi keskeyttää."),
        ("jatka/", "Vain keskeytetyn numeron lähetystä voi jatkaa."),
        ("peru-ajastus/", "Tätä numeroa ei ole ajastettu."),
    ):
        response = client.post(f"{BASE}{issue.pk}/{url}", follow=True)
        assert message in response.content.decode(), url
    subscribed()
    issue_schedule(issue, actor=None)
    newsletter_tick(deliver=False)
    issue_pause(issue, actor=None)
    response = client.post(f"{BASE}{issue.pk}/ajasta/", {"when": "now"}, follow=True)
    assert "Tätä numeroa lähetetään jo tai se on jo lähetetty." in response.content.decode()
    issue.refresh_from_db()
    assert issue.status == IssueStatus.PAUSED
