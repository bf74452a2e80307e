"""Bad input to the "share a deed" form: a message beside the field, never a 500, nothing
typed lost, nothing half-saved.

Honeypot, too-fast posts, the basic rate limit, files renamed to look harmless and HTML
in the background field are in test_submission_safety.py; this file covers the rest.
"""

import re
import zlib
from html import unescape
from html.parser import HTMLParser

import pytest
from django import forms
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils.html import escape

from deeds.models import Deed
from emails.models import OutgoingEmail
from organisations.models import Organisation
from submissions.forms import TEXT_MAX, SubmissionForm
from submissions.models import Submission, SubmissionFile, SubmissionStatus
from taxonomy.models import Sector
from tests.deeds.factories import image_bytes
from tests.organisations.factories import OrganisationFactory
from tests.submissions.factories import form_values
from tests.submissions.helpers import FORM_URL, open_form, post_form

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
INVALID_EMAIL = "Kirjoita sähköpostiosoite muodossa nimi@kunta.fi."
MISSING = "Joitakin tietoja puuttuu. Tarkista lomake."
LINK_INVALID = "Linkki ei toimi"


@pytest.fixture
def organisation():
    return OrganisationFactory(name_fi="Siilinjärven kunta")


def field_errors(page):
    """{field name: its message} as shown beside each field."""
    found = re.findall(r'<p class="field__error" id="id_(\w+)_error">([^<]*)</p>', page)
    return {name: unescape(text) for name, text in found}


def stored_values_kept(values, *, except_field):
    data = Submission.objects.get().data
    return {k: data.get(k) for k in values if k != except_field} == {
        k: v for k, v in values.items() if k != except_field
    }


class _Markup(HTMLParser):
    """Collects what a browser would run, and the text it would show."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.executable, self.text = [], []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = re.sub(r"[\s\x00-\x1f]", "", value or "").lower()
            if name.startswith("on") or value.startswith(("javascript:", "data:text/html")):
                self.executable.append(f"<{tag} {name}={value}>")
        if tag == "script" and not (dict(attrs).get("src") or "").startswith("/static/"):
            self.executable.append(f"<{tag} {attrs}>")

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        self.text.append(data)


def read_page(response):
    parser = _Markup()
    parser.feed(response.content.decode())
    return parser.executable, "".join(parser.text)


# --- Required, over-long and invalid values ------------------------------------------------


def test_an_empty_form_gets_a_message_beside_every_required_field(client):
    response = post_form(client, {}, action="preview")
    assert response.status_code == 200
    # Each message says what to do, never Django's "This field is required."
    assert field_errors(response.content.decode()) == {
        "title": "Kirjoita otsikko: muutama sana siitä, mitä tehtiin.",
        "summary": "Kirjoita tiivistelmä: 2–3 virkettä siitä, mitä tehtiin ja miksi.",
        "language": "Valitse kieli, jolla teksti on kirjoitettu.",
        "kind": "Valitse teon tyyppi.",
        "email": (
            "Kirjoita sähköpostiosoitteesi: lähetämme siihen linkin, jolla vahvistat "
            "osoitteen ja voit seurata tekoasi."
        ),
        "organisation_name": "Kerro, mikä organisaatio teki tämän.",
        "sectors": "Valitse vähintään yksi toimiala.",
        "themes": "Valitse vähintään yksi teema.",
        "licence": (
            "Hyväksy julkaisu CC BY 4.0 -lisenssillä rastittamalla ruutu: voimme julkaista "
            "vain tekoja, joita kuka tahansa saa käyttää uudelleen."
        ),
    }
    assert Submission.objects.get().status == SubmissionStatus.DRAFT
    assert not Deed.objects.exists()


@pytest.mark.parametrize(
    ("field", "length", "limit"), [("title", 10_000, 200), ("background", 50_000, TEXT_MAX)]
)
def test_over_long_text_is_refused_on_its_field_and_the_rest_is_kept(
    client, organisation, field, length, limit
):
    values = form_values(organisation, **{field: "x" * length})
    response = post_form(client, values, action="preview")
    page = response.content.decode()
    assert response.status_code == 200
    assert f"enintään {limit} merkkiin (nyt {length})" in field_errors(page)[field]
    assert stored_values_kept(values, except_field=field)
    assert "Kokeilimme seisovaa palaveria taulun ääressä." in page
    assert 'value="maija@example.fi"' in page
    # Never cut silently to fit: the stored draft still cannot be sent as it is.
    form_key = Submission.objects.get().form_key
    preview = client.get(f"/ilmianna/{form_key}/esikatselu/")
    assert preview["Location"] == f"/ilmianna/{form_key}/"
    assert not Deed.objects.exists()


@pytest.mark.parametrize("field", ["email", "contact_email_1", "contact_email_2"])
@pytest.mark.parametrize(
    "address", ["ei-osoite", "maija@", "@example.fi", "maija@example..fi", "maija m@example.fi"]
)
def test_an_invalid_email_address_is_refused_and_kept(client, organisation, field, address):
    values = form_values(organisation, contact_name_2="Matti Meikäläinen", **{field: address})
    response = post_form(client, values, action="preview")
    page = response.content.decode()
    assert response.status_code == 200
    assert field_errors(page) == {field: INVALID_EMAIL}
    assert f'value="{escape(address)}"' in page
    assert Submission.objects.get().data[field] == address


def test_the_draft_link_is_not_emailed_to_an_invalid_address(client, organisation):
    values = form_values(organisation, email="maija@")
    response = post_form(client, values, action="email_link")
    page = response.content.decode()
    assert field_errors(page) == {
        "email": "Kirjoita sähköpostiosoitteesi, esimerkiksi nimi@kunta.fi, niin lähetämme "
        "sinulle linkin."
    }
    assert "Lähetimme linkin" not in page and not OutgoingEmail.objects.exists()


# --- Markup typed into text fields -----------------------------------------------------

PAYLOADS = {
    "script": "<script>alert(1)</script>",
    "handler": "<img src=x onerror=alert(1)>",
    "javascript-link": '<a href="javascript:alert(1)">klik</a>',
}
# Every free-text field; organisation_name must name a listed organisation, so markup
# reaches a page through new_organisation_name, and link addresses have their own test.
TEXT_FIELDS = [
    name
    for name, field in SubmissionForm().fields.items()
    if type(field) is forms.CharField
    and name not in ("tt_leave_empty", "organisation_name")
    and not name.startswith("link_url_")
]
NEW_ORGANISATION = dict(
    organisation_name="", organisation_missing="on", new_organisation_type="other"
)
# What else a field needs before it is shown on the deed.
REQUIRES = {
    "new_organisation_name": NEW_ORGANISATION,
    "funder": {"funding": "external"},
    "link_title_2": {"link_url_2": "www.example.fi/2"},
    "link_title_3": {"link_url_3": "www.example.fi/3"},
    # The submitter's own details are published on their word; a colleague's only
    # after the colleague agrees (tests/deeds/test_contact_consent.py).
    "contact_name_1": {"contact_email_1": "lahettaja@example.fi"},
    "contact_role_1": {"contact_email_1": "lahettaja@example.fi"},
    "contact_phone_1": {"contact_email_1": "lahettaja@example.fi"},
    "contact_name_2": {"contact_consent_2": "on", "contact_email_2": "lahettaja@example.fi"},
    "contact_role_2": {
        "contact_name_2": "Matti",
        "contact_consent_2": "on",
        "contact_email_2": "lahettaja@example.fi",
    },
    "contact_phone_2": {
        "contact_name_2": "Matti",
        "contact_consent_2": "on",
        "contact_email_2": "lahettaja@example.fi",
    },
}


def publish(client, admin_client, values, **where):
    """Send, confirm and publish through the views; the pages the markup reached on the way."""
    response = post_form(client, values, action="preview", **where)
    assert response.status_code == 302, field_errors(response.content.decode())
    preview = client.get(response["Location"])
    client.post(response["Location"])
    submission = Submission.objects.get()
    client.get(submission.get_secret_url())  # confirms the address
    review = admin_client.get(f"/moderointi/{submission.pk}/")
    admin_client.post(f"/moderointi/{submission.pk}/", {"action": "publish"})
    deed = Deed.objects.get()
    return preview, review, client.get(deed.get_absolute_url())


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
@pytest.mark.parametrize("field", TEXT_FIELDS)
def test_markup_in_a_text_field_is_never_run_on_any_page(
    client, admin_client, organisation, field, payload
):
    values = form_values(organisation, **REQUIRES.get(field, {}), **{field: payload})
    pages = publish(client, admin_client, values)
    assert [(page.status_code, read_page(page)[0]) for page in pages] == [(200, [])] * 3
    if field != "partners":  # partners not in the registry are shown to staff only
        assert payload in read_page(pages[-1])[1]  # shown as the text that was typed


def test_markup_typed_into_every_field_is_shown_back_as_text(client, organisation):
    values = {name: PAYLOADS["handler"] for name in TEXT_FIELDS + ["organisation_name"]}
    response = post_form(client, values, action="preview")
    executable, text = read_page(response)
    assert response.status_code == 200 and executable == []
    assert PAYLOADS["handler"] in text  # in the text areas, as typed
    assert Submission.objects.get().data["title"] == PAYLOADS["handler"]


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        " JaVaScRiPt:alert(1)",
        "javascript://www.example.fi/%0Aalert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
    ],
)
def test_a_link_that_is_not_a_web_address_is_refused(client, organisation, url):
    response = post_form(client, form_values(organisation, link_url_2=url), action="preview")
    errors = field_errors(response.content.decode())
    assert errors == {"link_url_2": "Anna verkko-osoite, esimerkiksi www.kunta.fi."}
    assert Submission.objects.get().data["link_url_2"] == url


def test_markup_in_file_names_image_descriptions_and_link_addresses_is_never_run(
    client, admin_client, organisation
):
    name = "<img src=x onerror=alert(1)>"
    files = {
        "images": SimpleUploadedFile(f"{name}.png", image_bytes()),
        "attachments": [
            SimpleUploadedFile(f"{name}.pdf", PDF),
            SimpleUploadedFile(f"{name}-rikki.pdf", b"not a pdf"),
        ],
    }
    response = post_form(client, form_values(organisation), files=files)
    assert read_page(client.get(response["Location"]))[0] == []  # the refusal names the file
    image = SubmissionFile.objects.get(kind="image")
    alt_text = {f"alt_text_{image.pk}": f'">{PAYLOADS["script"]}'}
    # A valid web address may still hold quotes meant to close the href attribute.
    values = form_values(organisation, link_url_1='https://x.fi/"onmouseover="alert(1)', **alt_text)
    pages = publish(client, admin_client, values, url=response["Location"], hidden={})
    assert all(read_page(page)[0] == [] for page in pages)
    assert name in read_page(pages[-1])[1]


# --- Files -------------------------------------------------------------------------------


def stored_files(settings):
    roots = [settings.PRIVATE_MEDIA_ROOT, settings.MEDIA_ROOT]
    return [p for root in roots if root.exists() for p in root.rglob("*") if p.is_file()]


MB = 1024 * 1024
ACTIVE_PDF_REFUSAL = (
    "PDF-tiedostossa on skriptejä, toimintoja tai upotettuja tiedostoja, joita ei hyväksytä. "
    "Tallenna se uudelleen tavallisena PDF:nä (esimerkiksi ”Tulosta PDF-tiedostoksi”)."
)


def pdf(body):
    return b"%PDF-1.7\n1 0 obj" + body + b"endobj\ntrailer<<>>\n%%EOF\n"


REFUSED_FILES = {
    "executable": ("images", "loma.jpg", lambda: b"MZ\x90\x00\x03\x00 This program cannot"),
    # 52 megapixels of one colour: a few kilobytes to upload, 52 MB once decoded.
    "50-megapixels": ("images", "iso.png", lambda: image_bytes(8000, 6500, mode="1")),
    "huge-image": ("images", "raskas.png", lambda: b"\x89PNG\r\n\x1a\n" + bytes(MB)),
    "huge-pdf": ("attachments", "raskas.pdf", lambda: PDF[:-6] + bytes(MB) + PDF[-6:]),
    "pdf-script": ("attachments", "skripti.pdf", lambda: pdf(b"<</OpenAction<</S/JavaScript>>>>")),
    # The same name with a PDF escape ("#61" is "a"), as malware writes it.
    "pdf-escaped": ("attachments", "piilo.pdf", lambda: pdf(b"<</S/J#61vaScript/JS(x)>>")),
    # Inside a compressed object stream, where PDF 1.5 keeps most dictionaries.
    "pdf-compressed": (
        "attachments",
        "pakattu.pdf",
        lambda: pdf(
            b"<</Type/ObjStm/Filter/FlateDecode>>stream\n"
            + zlib.compress(b"<</Type/Action/S/Launch/F(cmd.exe)>>")
            + b"\nendstream"
        ),
    ),
}
REFUSALS = {
    "executable": "Tiedosto ei ole luettava JPEG-, PNG- tai WebP-kuva.",
    "50-megapixels": "Kuvassa on liikaa pikseleitä: enintään 24 megapikseliä.",
    "huge-image": "Kuva on liian suuri: enintään 1 Mt.",
    "huge-pdf": "Tiedosto on liian suuri: enintään 1 Mt.",
    **dict.fromkeys(("pdf-script", "pdf-escaped", "pdf-compressed"), ACTIVE_PDF_REFUSAL),
}


@pytest.mark.parametrize("case", REFUSED_FILES)
def test_a_refused_file_is_named_and_everything_else_is_kept(client, organisation, settings, case):
    settings.IMAGE_MAX_BYTES = settings.ATTACHMENT_MAX_BYTES = MB
    field, name, content = REFUSED_FILES[case]
    values = form_values(organisation)
    upload = SimpleUploadedFile(name, content())
    response = post_form(client, values, action="preview", files={field: upload})
    page = response.content.decode()
    assert response.status_code == 200
    assert f"“{name}”: {REFUSALS[case]}" in page
    assert "Kokeilimme seisovaa palaveria taulun ääressä." in page
    assert stored_values_kept(values, except_field=None)
    assert not SubmissionFile.objects.exists() and stored_files(settings) == []


@pytest.mark.parametrize(
    ("field", "limit_setting", "make"),
    [
        ("images", "SUBMISSION_MAX_IMAGES", lambda n: (f"kuva{n}.png", image_bytes(40, 30))),
        ("attachments", "SUBMISSION_MAX_ATTACHMENTS", lambda n: (f"liite{n}.pdf", PDF)),
    ],
)
def test_files_over_the_limit_are_refused_by_name(
    client, organisation, settings, field, limit_setting, make
):
    limit = getattr(settings, limit_setting)
    uploads = [SimpleUploadedFile(*make(n)) for n in range(1, limit + 3)]
    response = post_form(client, form_values(organisation), files={field: uploads})
    page = client.get(response["Location"]).content.decode()
    for upload in uploads[limit:]:
        assert (
            f"Tiedostoa ”{upload.name}” ei lisätty: tämäntyyppisiä tiedostoja voi olla "
            f"enintään {limit}." in page
        )
    kept = SubmissionFile.objects.values_list("original_name", flat=True)
    assert sorted(kept) == sorted(u.name for u in uploads[:limit])
    assert len(stored_files(settings)) == limit
    assert stored_values_kept(form_values(organisation), except_field=None)


# --- Forged choices and identifiers ------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"sectors": ["999999", "abc", "1 OR 1=1"]}, "sectors"),
        ({"themes": ["-1", "0"]}, "themes"),
        ({"customer_groups": ["1e3", "0x10"]}, "customer_groups"),
        ({"subthemes": ["١٢"]}, "subthemes"),
        ({"organisation_name": "1"}, "organisation_name"),
        ({"organisation_name": "Lakkautettu kunta"}, "organisation_name"),
        ({**NEW_ORGANISATION, "new_organisation_type": "ministry"}, "new_organisation_type"),
        (
            {**NEW_ORGANISATION, "new_organisation_municipality": "-1"},
            "new_organisation_municipality",
        ),
        ({"kind": "admin"}, "kind"),
        ({"language": "xx"}, "language"),
        ({"funding": "rahaa"}, "funding"),
        ({"project_start": "31.2.2025"}, "project_start"),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_a_forged_choice_gets_a_message_and_the_draft_still_opens(
    client, organisation, changes, field
):
    OrganisationFactory(name_fi="Lakkautettu kunta", is_active=False)
    response = post_form(client, form_values(organisation, **changes), action="preview")
    assert response.status_code == 200
    assert field in field_errors(response.content.decode())
    submission = Submission.objects.get()
    assert submission.data["description"] == "Kokeilimme seisovaa palaveria taulun ääressä."
    assert client.get(f"/ilmianna/{submission.form_key}/").status_code == 200
    preview = client.get(f"/ilmianna/{submission.form_key}/esikatselu/")
    assert preview["Location"] == f"/ilmianna/{submission.form_key}/"


def test_a_taxonomy_id_too_large_for_the_database_gets_a_message(client, organisation):
    # SQLite raises OverflowError on an id past 64 bits, PostgreSQL does not.
    changes = {"sectors": ["99999999999999999999"]}
    response = post_form(client, form_values(organisation, **changes), action="preview")
    assert response.status_code == 200
    assert "sectors" in field_errors(response.content.decode())


BAD_KEYS = ["../../etc", "k" * 500, "äöåÄÖÅ€" * 5, "", "a" * 19, "' OR '1'='1' --", "a\x00" * 20]


@pytest.mark.parametrize("key", BAD_KEYS)
def test_a_malformed_form_key_on_the_first_save_starts_a_fresh_draft(client, organisation, key):
    hidden = {**open_form(client), "form_key": key}
    response = post_form(client, form_values(organisation), hidden=hidden)
    submission = Submission.objects.get()
    assert re.fullmatch(r"[A-Za-z0-9_-]{43}", submission.form_key)
    assert response.status_code == 302
    assert response["Location"] == f"/ilmianna/{submission.form_key}/"


NUL_KEY = "a%00b"  # PostgreSQL refuses NUL in text: the key is checked before any lookup


@pytest.mark.parametrize("suffix", ["", "esikatselu/", "lahetetty/"])
@pytest.mark.parametrize("key", ["..%2F..%2Fetc", "k" * 500, "äöå", "%20", "'%20OR%201=1", NUL_KEY])
def test_a_malformed_form_key_in_the_address_is_not_found(client, organisation, key, suffix):
    draft = post_form(client, form_values(organisation))
    url = f"/ilmianna/{key}/{suffix}"
    assert client.get(url).status_code == 404
    assert client.post(url, form_values(organisation, title="Kaapattu")).status_code == 404
    assert Submission.objects.get().title == "Kotihoidon aamupalaverit lyhyemmiksi"
    assert draft.status_code == 302


@pytest.fixture
def waiting():
    """Two sent deeds waiting for their senders to confirm the address."""
    return [
        Submission.objects.create(
            status=SubmissionStatus.UNVERIFIED, email=f"{name}@example.fi", data={"title": name}
        )
        for name in ("eka", "toka")
    ]


def _renewed(submission):
    token = submission.link_token
    submission.renew_link()
    submission.save()
    return token


FORGED_LINKS = {
    "wrong-signature": lambda a, b: f"{a.pk}.{'0' * 40}",
    "no-signature": lambda a, b: f"{a.pk}",
    "short-signature": lambda a, b: a.link_token[:-1],
    "non-numeric-id": lambda a, b: f"abc.{a.link_token.split('.')[1]}",
    "negative-id": lambda a, b: f"-{a.link_token}",
    "huge-id": lambda a, b: f"{'9' * 30}.{a.link_token.split('.')[1]}",
    "largest-id": lambda a, b: f"{'9' * 18}.{a.link_token.split('.')[1]}",
    "swapped-id": lambda a, b: f"{a.pk}.{b.link_token.split('.')[1]}",
    "renewed-salt": lambda a, b: _renewed(a),
}


@pytest.mark.parametrize("forge", FORGED_LINKS.values(), ids=FORGED_LINKS.keys())
def test_a_forged_or_replaced_secret_link_opens_nothing(client, waiting, forge):
    url = f"/ilmianna/seuraa/{forge(*waiting)}/"
    page = client.get(url)
    assert page.status_code == 404 and LINK_INVALID in page.content.decode()
    for action in ("edit", "withdraw_consent"):
        assert client.post(f"{url}toiminto/", {"action": action}).status_code == 404
    for submission in waiting:
        submission.refresh_from_db()
        assert submission.status == SubmissionStatus.UNVERIFIED
        assert submission.email_verified == ""


def test_a_link_with_a_superscript_digit_for_an_id_opens_nothing(client, waiting):
    page = client.get(f"/ilmianna/seuraa/²{waiting[0].link_token[1:]}/")
    assert page.status_code == 404


def test_a_broken_link_is_explained_in_the_language_of_the_page(client):
    page = client.get("/sv/ilmianna/seuraa/1.abc/")
    assert page.status_code == 404 and "Länken fungerar inte" in page.content.decode()


# --- Posts that skip the form --------------------------------------------------------------


def test_a_post_without_a_csrf_token_saves_and_sends_nothing(organisation, staff_user):
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(FORM_URL, {**open_form(browser), **form_values(organisation)})
    assert response.status_code == 403
    assert not Submission.objects.exists()

    draft = Submission.objects.create(email="a@example.fi", data=form_values(organisation))
    assert browser.post(f"/ilmianna/{draft.form_key}/esikatselu/").status_code == 403
    browser.force_login(staff_user)
    draft.status = SubmissionStatus.IN_REVIEW
    draft.save()
    assert browser.post(f"/moderointi/{draft.pk}/", {"action": "publish"}).status_code == 403
    draft.refresh_from_db()
    assert draft.status == SubmissionStatus.IN_REVIEW and not Deed.objects.exists()


def test_a_flood_of_new_drafts_is_told_to_wait_in_the_language_of_the_page(
    client, organisation, settings
):
    settings.SUBMISSION_RATE_PER_HOUR = 1
    assert post_form(client, form_values(organisation)).status_code == 302
    finnish = post_form(client, form_values(organisation))
    swedish = post_form(client, form_values(organisation), url="/sv/ilmianna/")
    assert finnish.status_code == swedish.status_code == 429
    assert "Osoitteestasi on tullut tunnin aikana liian monta uutta tekoa." in finnish.text
    assert "För många nya insatser från din adress inom en timme." in swedish.text
    assert "Kokeilimme seisovaa palaveria taulun ääressä." in swedish.text  # kept
    assert Submission.objects.count() == 1
    neighbour = Client(REMOTE_ADDR="192.0.2.7")
    assert post_form(neighbour, form_values(organisation)).status_code == 302


def test_email_me_the_link_is_limited_per_address_whatever_its_case(
    client, organisation, settings, django_capture_on_commit_callbacks
):
    settings.SUBMISSION_EMAILS_PER_HOUR = 2
    edit_url = post_form(client, form_values(organisation))["Location"]
    pages = []
    for address in ("maija@example.fi", "MAIJA@example.fi", "Maija@Example.fi"):
        values = form_values(organisation, email=address)
        with django_capture_on_commit_callbacks(execute=True):
            response = post_form(client, values, action="email_link", url=edit_url, hidden={})
        pages.append(client.get(response["Location"]).content.decode())
    assert "Lähetimme linkin osoitteeseen maija@example.fi." in pages[0]
    assert "Lähetimme linkin osoitteeseen MAIJA@example.fi." in pages[1]
    assert "Olemme jo lähettäneet tähän osoitteeseen useita viestejä." in pages[2]
    assert len(mail.outbox) == OutgoingEmail.objects.count() == 2


@pytest.mark.parametrize(
    "spoil",
    [
        lambda s: Sector.objects.filter(slug="sosiaali-ja-terveys").update(is_active=False),
        lambda s: Organisation.objects.update(is_active=False),
        lambda s: Submission.objects.update(data={**s.data, "kind": "retired-kind"}),
        lambda s: Submission.objects.update(data={**s.data, "sectors": None}),
        lambda s: Submission.objects.update(data={}),
    ],
    ids=["sector-withdrawn", "organisation-closed", "old-choice", "null-sectors", "emptied"],
)
def test_sending_a_draft_whose_stored_data_became_invalid_asks_to_check_the_form(
    client, organisation, spoil, django_capture_on_commit_callbacks
):
    preview_url = post_form(client, form_values(organisation), action="preview")["Location"]
    submission = Submission.objects.get()
    spoil(submission)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(preview_url)
    assert response["Location"] == f"/ilmianna/{submission.form_key}/"
    assert MISSING in client.get(response["Location"]).content.decode()
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.DRAFT and mail.outbox == []


@pytest.mark.parametrize("action", ["something-else", "publish", ""])
def test_an_unknown_action_only_saves_the_draft(client, organisation, action):
    response = post_form(client, form_values(organisation), action=action)
    assert response.status_code == 302
    assert Submission.objects.get().status == SubmissionStatus.DRAFT
    assert not Deed.objects.exists() and not OutgoingEmail.objects.exists()


def test_duplicated_keys_and_a_megabyte_in_an_unknown_field_are_harmless(client, organisation):
    hidden = open_form(client)
    values = form_values(organisation, title=["Eka otsikko", "Toka otsikko"])
    values |= {"form_key": [hidden["form_key"], "x" * 43], "email": ["a@example.fi", "b@"]}
    values |= {"unknown": "x" * 1_000_000, "started": hidden["started"], "action": "save"}
    response = client.post(FORM_URL, values)
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert submission.title in ("Eka otsikko", "Toka otsikko")
    assert "unknown" not in submission.data
    assert len(str(submission.data)) < 5000
    too_many_fields = {**open_form(client), **{f"kentta_{n}": "x" for n in range(1500)}}
    assert client.post(FORM_URL, too_many_fields).status_code == 400
    assert Submission.objects.count() == 1


def test_a_null_character_in_the_text_is_dropped_and_the_rest_kept(client, organisation):
    # PostgreSQL refuses NUL in text and JSON; nobody types one on purpose.
    values = form_values(organisation, title="Otsikko\x00", background="Tausta\x00 jatkuu")
    response = post_form(client, values, action="preview")
    assert response.status_code == 302
    data = Submission.objects.get().data
    assert (data["title"], data["background"]) == ("Otsikko", "Tausta jatkuu")


def test_a_null_character_in_an_image_description_is_not_a_server_error(client, organisation):
    upload = SimpleUploadedFile("kuva.png", image_bytes())
    edit_url = post_form(client, form_values(organisation), files={"images": upload})["Location"]
    values = form_values(organisation, **{f"alt_text_{SubmissionFile.objects.get().pk}": "a\x00"})
    response = post_form(client, values, action="preview", url=edit_url, hidden={})
    assert response.status_code < 500 and Submission.objects.get().data["title"]


@pytest.mark.parametrize("method", ["put", "patch", "delete", "options", "head"])
def test_other_methods_change_nothing(client, organisation, waiting, method):
    draft_url = post_form(client, form_values(organisation))["Location"]
    submission = Submission.objects.get(form_key=draft_url.strip("/").rsplit("/", 1)[-1])
    urls = [FORM_URL, draft_url, f"{draft_url}esikatselu/", f"{draft_url}lahetetty/"]
    urls += [f"{waiting[0].get_secret_url()}toiminto/", "/moderointi/"]
    for url in urls:
        assert getattr(client, method)(url).status_code < 500, url
    assert Submission.objects.count() == 3
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.DRAFT and mail.outbox == []
    waiting[0].refresh_from_db()
    assert waiting[0].email_verified == "" and not OutgoingEmail.objects.exists()
