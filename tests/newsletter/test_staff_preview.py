"""Staff see an issue as each subscriber would get it: per language and topics, the
subject, the plain text and the HTML in a sandboxed frame whose own response allows
the email's inline styles and nothing else; and send a test, marked [TEST], only to
staff addresses."""

import datetime as dt
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.utils import timezone

from audit.models import AuditEntry
from emails.models import OutgoingEmail
from newsletter.compose import PREFERENCES, UNSUBSCRIBE
from taxonomy.models import Sector, Theme
from tests.deeds.factories import DeedFactory
from tests.editors.factories import UserFactory
from tests.newsletter.factories import draft_issue
from tests.newsletter.factories_staff import BASE, staff_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    user = staff_member("toimitus@example.fi")
    client.force_login(user)
    return user


@pytest.fixture
def issue():
    sector = Sector.objects.filter(is_active=True).first()
    DeedFactory(
        title="Uusi teko sektorilta",
        sectors=[sector],
        published_at=timezone.now() - dt.timedelta(days=1),
    )
    made = draft_issue(
        subject_fi="Joulukuun uutiskirje",
        subject_sv="Decembers nyhetsbrev",
        intro_fi="Hei kaikki!",
        intro_sv="Hej alla!",
    )
    made.sector = sector
    return made


def preview(client, issue, **query):
    return client.get(f"{BASE}{issue.pk}/esikatselu/?{urlencode(query, doseq=True)}")


def test_the_preview_starts_as_a_finnish_subscriber_of_the_whole_newsletter(client, staff, issue):
    response = client.get(f"{BASE}{issue.pk}/esikatselu/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Joulukuun uutiskirje" in html
    assert "Hei kaikki!" in html  # the plain text, in its <pre>
    assert (
        f'<iframe class="staff-newsletter__frame" sandbox src="{BASE}{issue.pk}/esikatselu/viesti/"'
        in html
    )
    for placeholder in (PREFERENCES, UNSUBSCRIBE):
        assert placeholder not in html


def test_the_preview_in_swedish(client, staff, issue):
    response = preview(client, issue, language="sv", whole="yes")
    html = response.content.decode()
    assert "Decembers nyhetsbrev" in html and "Hej alla!" in html
    assert "Hei kaikki!" not in html
    assert (
        '<pre class="staff-newsletter__text" tabindex="0" aria-labelledby="h-text" lang="sv">'
        in html
    )
    assert "?language=sv&amp;whole=yes" in html  # the frame and the test link carry the choice


def test_topics_only_shows_their_new_deeds_without_the_newsletter(client, staff, issue):
    response = preview(client, issue, language="fi", whole="no", sector=issue.sector.pk)
    html = response.content.decode()
    assert "Uusi teko sektorilta" in html
    assert "Hei kaikki!" not in html


def test_topics_with_nothing_new_would_get_nothing(client, staff, issue):
    theme = Theme.objects.filter(is_active=True).first()
    response = preview(client, issue, language="fi", whole="no", theme=theme.pk)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Näillä aiheilla ei olisi mitään lähetettävää." in html
    assert "<iframe" not in html
    frame = client.get(f"{BASE}{issue.pk}/esikatselu/viesti/?language=fi&whole=no&theme={theme.pk}")
    assert "Näillä aiheilla ei olisi mitään lähetettävää." in frame.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "language=xx&whole=yes",
        "language=fi&whole=maybe",
        "language=fi&whole=yes&sector=abc",
        "language=fi&whole=yes&region=99999999999999999999",
        "language=fi&whole=yes&theme=%00",
    ],
)
def test_a_bad_choice_is_shown_as_errors(client, staff, issue, query):
    response = client.get(f"{BASE}{issue.pk}/esikatselu/?{query}")
    assert response.status_code == 400
    assert 'id="error-summary"' in response.content.decode()
    frame = client.get(f"{BASE}{issue.pk}/esikatselu/viesti/?{query}")
    assert frame.status_code == 400


def test_the_frame_gets_the_email_with_a_policy_of_its_own(client, staff, issue):
    response = client.get(f"{BASE}{issue.pk}/esikatselu/viesti/?language=sv&whole=yes")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.startswith("<!doctype html>") and "Hej alla!" in html
    assert 'style="' in html  # the email's inline styles
    assert PREFERENCES not in html and UNSUBSCRIBE not in html and 'href="#"' in html
    policy = response["Content-Security-Policy"]
    assert "default-src 'none'" in policy
    assert "style-src 'unsafe-inline'" in policy
    assert "frame-ancestors 'self'" in policy
    assert "script-src" not in policy and "sandbox" in policy
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert response["Cache-Control"] == "no-store, private"


def test_every_other_page_keeps_the_sites_policy(client, staff, issue):
    for url in (f"{BASE}{issue.pk}/esikatselu/", f"{BASE}{issue.pk}/", "/"):
        response = client.get(url)
        assert response["Content-Security-Policy"] == settings.CONTENT_SECURITY_POLICY
        assert response["X-Frame-Options"] == "DENY"


def test_a_sent_issue_previews_as_it_was_sent(client, staff, issue):
    from newsletter.issue_services import issue_schedule
    from newsletter.sending import newsletter_tick

    issue_schedule(issue, actor=None)
    newsletter_tick()
    DeedFactory(
        title="Myöhemmin julkaistu",
        sectors=[issue.sector],
        published_at=timezone.now() + dt.timedelta(seconds=1),
    )
    html = preview(client, issue, language="fi", whole="no", sector=issue.sector.pk).content
    assert b"Uusi teko sektorilta" in html and "Myöhemmin julkaistu".encode() not in html


def test_a_test_goes_to_the_staff_members_own_address_marked_test(client, staff, issue):
    url = f"{BASE}{issue.pk}/testi/"
    form = client.get(url + "?language=sv&whole=yes").content.decode()
    assert 'value="sv" selected' in form
    before = OutgoingEmail.objects.count()

    response = client.post(url, {"language": "sv", "whole": "yes"})

    assert response.status_code == 302 and response["Location"] == f"{BASE}{issue.pk}/"
    sent = list(OutgoingEmail.objects.order_by("pk")[before:])
    assert [email.to for email in sent] == ["toimitus@example.fi"]
    assert sent[0].subject == "[TEST] Decembers nyhetsbrev"
    assert "Hej alla!" in sent[0].body_text
    entry = AuditEntry.objects.get(action="newsletter.issue_test_sent")
    assert entry.actor == staff and entry.data == {"language": "sv", "recipients": 1}


def test_a_test_may_go_to_other_active_staff_but_never_elsewhere(client, staff, issue):
    colleague = staff_member("kollega@example.fi")
    former = staff_member("entinen@example.fi", is_active=False)
    outsider = UserFactory(email="ulkopuolinen@example.com")
    url = f"{BASE}{issue.pk}/testi/"
    form = client.get(url).content.decode()
    assert "kollega@example.fi" in form
    assert "entinen@example.fi" not in form and "ulkopuolinen@example.com" not in form
    before = OutgoingEmail.objects.count()

    for others in ([outsider.pk], [former.pk], ["ulkopuolinen@example.com"]):
        response = client.post(url, {"language": "fi", "whole": "yes", "others": others})
        assert response.status_code == 400
    assert OutgoingEmail.objects.count() == before

    response = client.post(url, {"language": "fi", "whole": "yes", "others": [colleague.pk]})
    assert response.status_code == 302
    sent = OutgoingEmail.objects.order_by("pk")[before:]
    assert sorted(email.to for email in sent) == ["kollega@example.fi", "toimitus@example.fi"]
    assert all(email.subject == "[TEST] Joulukuun uutiskirje" for email in sent)


def test_a_test_with_nothing_to_send_is_refused(client, staff, issue):
    theme = Theme.objects.filter(is_active=True).first()
    before = OutgoingEmail.objects.count()
    response = client.post(
        f"{BASE}{issue.pk}/testi/", {"language": "fi", "whole": "no", "theme": [theme.pk]}
    )
    assert response.status_code == 400
    assert "Näillä aiheilla ei olisi mitään lähetettävää." in response.content.decode()
    assert OutgoingEmail.objects.count() == before
