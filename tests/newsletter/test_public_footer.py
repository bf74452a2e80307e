"""The short subscribe form at the foot of every page."""

import re

import pytest

from newsletter.models import SubscriberSource, SubscriberStatus
from tests.deeds.factories import DeedFactory

from .public import emails, post_subscribe, subscriber

pytestmark = pytest.mark.django_db


def footer_of(html):
    return html[html.index('class="site-footer"') :]


@pytest.mark.parametrize(
    "path", ["/", "/teot/", "/tapahtumat/", "/sv/tietoa/", "/uutiskirje/arkisto/"]
)
def test_every_page_has_the_form_and_a_link_to_the_newsletter(client, path):
    response = client.get(path)
    footer = footer_of(response.content.decode())
    assert re.search(
        r'<form class="footer-newsletter__form" method="post" action="[^"]*/uutiskirje/"', footer
    )
    assert '<label for="footer-newsletter-email">' in footer
    assert '<label for="footer-newsletter-consent">' in footer
    assert 'name="tt_leave_empty"' in footer and 'name="started" value="' in footer
    assert 'name="source" value="footer"' in footer
    assert "csrfmiddlewaretoken" not in footer
    language = "sv" if path.startswith("/sv/") else "fi"
    assert f'name="language" value="{language}"' in footer
    assert re.search(r'<a href="(/sv)?/uutiskirje/">(Uutiskirje|Nyhetsbrev)</a>', footer)
    assert not response.cookies


def test_the_newsletter_page_has_no_second_form_in_its_footer(client):
    assert "footer-newsletter__form" not in client.get("/uutiskirje/").content.decode()


def test_subscribing_from_the_footer(client):
    values = {"email": "alaosa@example.fi", "consent": "on", "language": "sv",
              "wants_newsletter": "on", "source": "footer"}  # fmt: skip
    response = post_subscribe(client, values, opened=DeedFactory().get_absolute_url())
    assert response.status_code == 303
    reader = subscriber("alaosa@example.fi")
    assert reader.source == SubscriberSource.FOOTER and reader.language == "sv"
    assert reader.wants_newsletter and reader.status == SubscriberStatus.PENDING
    assert [m.to for m in emails()] == ["alaosa@example.fi"]


def test_a_footer_post_with_errors_gets_the_whole_page_with_the_address_kept(client):
    values = {"email": "alaosa@example.fi", "language": "fi", "wants_newsletter": "on",
              "source": "footer"}  # fmt: skip
    response = post_subscribe(client, values, opened="/")
    html = response.content.decode()
    assert response.status_code == 400
    assert "<h1>Tilaa uutiskirje</h1>" in html
    assert 'href="#field-consent"' in html
    assert 'value="alaosa@example.fi"' in html
    assert re.search(r'name="wants_newsletter" id="id_wants_newsletter" checked', html)
    assert subscriber("alaosa@example.fi") is None


def test_an_unknown_source_is_the_newsletter_page(client):
    post_subscribe(client, {"email": "a@example.fi", "consent": "on", "language": "fi",
                            "wants_newsletter": "on", "source": "import"})  # fmt: skip
    assert subscriber("a@example.fi").source == SubscriberSource.FORM
