"""The accessibility statement has what the Act on the Provision of Digital Services
(306/2019) asks for, with real links to the feedback channel and the supervisor."""

import pytest
from django.conf import settings
from django.utils import translation

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _finnish_afterwards():
    # A /sv/ or /en/ request leaves its language active in this thread; later tests
    # that reverse URLs outside a request expect the default language.
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("/saavutettavuus/", ["osittain", "Liikenne- ja viestintävirasto Traficom", "14 päivän"]),
        ("/sv/saavutettavuus/", ["delvis", "Transport- och kommunikationsverket", "14 dagar"]),
        ("/en/saavutettavuus/", ["partially", "Traficom", "14 days"]),
    ],
)
def test_statement_in_each_language(client, url, words):
    page = client.get(url).content.decode()
    for word in words:
        assert word in page
    prefix = url[:4] if url.startswith(("/sv/", "/en/")) else "/"
    assert f'<a href="{prefix}palaute/">' in page
    assert '<a href="https://www.saavutettavuusvaatimukset.fi">' in page
    assert '<a href="mailto:saavutettavuus@traficom.fi">' in page
    assert '<a href="tel:+358295345000">' in page
    assert "PL 320, 00059 TRAFICOM" in page
    assert "axe-core" in page and "2026" in page
    assert "PDF" in page  # known non-compliant content is listed
