"""`personal_data erase` leaves nothing of the person: after it, a search of the whole
database (every model through dumpdata, and every table read raw, the search index's
own tables included) finds neither the address nor the phone number, nor the words
the search index made of them; the public deed page shows neither (issue 19, item 8).
"""

import json
import re
from io import StringIO

import pytest
from django.contrib.admin.models import LogEntry
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import Client

from catalogue.index import get_catalogue
from deeds.contacts import contact_consent_set
from deeds.models import Deed, DeedContact
from editors.models import Invitation
from emails.models import OutgoingEmail
from events.services import registration_create
from feedback.services import feedback_submit
from newsletter.issue_services import issue_schedule
from newsletter.sending import newsletter_tick
from search.models import SearchVocabulary
from search.services import deed_search
from submissions.models import Submission
from taxonomy.models import Theme
from tests.deeds.factories import DeedContactFactory, DeedFactory
from tests.events.factories_core import published_event
from tests.newsletter.factories import draft_issue, subscribed
from tests.organisations.factories import OrganisationFactory
from tests.submissions.factories import form_values
from tests.submissions.helpers import deliver_emails, link_from, post_form

pytestmark = pytest.mark.django_db(transaction=False)

ADDRESS = "Kaisa.Qvistbacka@Esimerkki.fi"
PHONE = "040 765 4321"
# The surname is in the address only (and in the person's name, which goes with the
# contact rows): a word the search index would have kept from the address.
WORDS = ["qvistbacka", "7654321"]
PHONE_TYPED = re.compile(r"(\+358|0)[\s().-]*40[\s().-]*765[\s().-]*43[\s().-]*21")


def leftovers(text):
    found = [word for word in [ADDRESS.lower(), *WORDS] if word in text.lower()]
    return found + [match.group() for match in PHONE_TYPED.finditer(text)]


def whole_database():
    """Every row of every table, as text: the models through dumpdata (JSON), then every
    table read raw (the FTS5 shadow tables and PostgreSQL's vector table are no models)."""
    out = StringIO()
    call_command("dumpdata", stdout=out)
    parts = {"dumpdata": out.getvalue()}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            rows = []
            for row in cursor.fetchall():
                rows.append(
                    " ".join(
                        bytes(v).decode("latin-1") if isinstance(v, bytes | memoryview) else str(v)
                        for v in row
                    )
                )
            parts[table] = "\n".join(rows)
    return parts


def share(client, staff_client, organisation, capture, **values):
    """A deed shared through the form, confirmed by its sender and published."""
    response = post_form(client, form_values(organisation, **values), action="preview")
    assert response.status_code == 302, response.content.decode()[:3000]
    with capture(execute=True):
        assert client.post(response["Location"]).status_code == 302
    submission = Submission.objects.latest("pk")
    client.get(link_from(mail.outbox[-1]))
    with capture(execute=True):
        response = staff_client.post(f"/moderointi/{submission.pk}/", {"action": "publish"})
    assert response.status_code == 302
    submission.refresh_from_db()
    return submission.deed


@pytest.fixture
def everywhere(admin_client, django_capture_on_commit_callbacks):
    """The person's details in every place the site keeps them, through its own flows."""
    capture = django_capture_on_commit_callbacks
    organisation = OrganisationFactory(name_fi="Limingan kunta")
    # 1. Kaisa shares a deed and names herself as its contact, with her phone; her
    # text gives both too (the form cannot stop anyone typing them).
    own = share(
        Client(),
        admin_client,
        organisation,
        capture,
        title="Asiakaspalaute suoraan tiimille",
        summary=f"Palaute ohjautuu tiimille. Kysy lisää: {ADDRESS}, puh. 040-7654321.",
        description=f"Soita numeroon +358 40 765 4321 tai kirjoita {ADDRESS.lower()}.",
        email=ADDRESS,
        contact_name_1="Kaisa Qvistbacka",
        contact_email_1=ADDRESS,
        contact_phone_1=PHONE,
        contact_consent_1="on",
    )
    # 2. A colleague shares another deed and names Kaisa, who agrees through her link.
    named = share(
        Client(),
        admin_client,
        organisation,
        capture,
        title="Kotihoidon aamupalaverit lyhyemmiksi",
        email="kollega@example.fi",
        contact_name_1="Kaisa Qvistbacka",
        contact_email_1=ADDRESS.upper(),
        contact_phone_1=PHONE,
        contact_consent_1="",
    )
    contact_consent_set(named.contacts.get(), consent=True)
    # 3. Feedback from her, and about her from someone else.
    feedback_submit(topic="other", message=f"Terveisin {ADDRESS}", email=ADDRESS)
    feedback_submit(
        topic="other",
        message=f"Sivulla näkyy {ADDRESS} ja 040 7654321, onko oikein?",
        email="muu@example.fi",
    )
    # 4. An event registration and an invitation to edit the organisation's deeds.
    registration_create(
        published_event(),
        name="Kaisa Qvistbacka",
        email=ADDRESS,
        role="other",
        language="fi",
        consent_version="1",
    )
    Invitation.objects.create(email=ADDRESS)
    # 5. She subscribes to the newsletter with her topics and gets an issue.
    subscribed(ADDRESS, themes=list(Theme.objects.all()[:1]))
    issue_schedule(draft_issue(), actor=None)
    newsletter_tick()
    deliver_emails()
    # 6. Staff delete one of her emails in the admin: the admin's log names it.
    email = OutgoingEmail.objects.filter(to__iexact=ADDRESS).first()
    response = admin_client.post(
        f"/hallinta/emails/outgoingemail/{email.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 302
    assert LogEntry.objects.filter(object_repr__icontains=ADDRESS).exists()
    return own, named


def test_the_export_finds_the_person_everywhere_before_erasure(everywhere):
    out = StringIO()
    call_command("personal_data", "export", ADDRESS, stdout=out)
    exported = json.loads(out.getvalue())
    assert len(exported["deeds_as_submitter"]) == 1
    assert [title for _pk, title in exported["deeds_mentioning"]] == [
        "Asiakaspalaute suoraan tiimille"
    ]
    assert len(exported["admin_log_entries"]) == 1
    assert {c["phone"] for c in exported["contact_details"]} == {PHONE}
    assert len(exported["contact_details"]) == 2
    assert len(exported["submissions"]) == 2
    assert exported["emails_sent"] and exported["audit_entries"]
    assert len(exported["feedback"]) == 1
    assert len(exported["event_registrations"]) == 1
    assert len(exported["editor_invitations"]) == 1
    [subscription] = exported["newsletter_subscriptions"]
    assert subscription["status"] == "confirmed" and len(subscription["issues_sent"]) == 1


def test_erasure_leaves_nothing_anywhere_in_the_database(client, everywhere):
    own, named = everywhere
    before = whole_database()
    # The search shows what is looked at: the engine's own table has her words.
    engine = "search_fts" if connection.vendor == "sqlite" else "search_vectors"
    for table in ("dumpdata", engine, "search_searchvocabulary", "django_admin_log"):
        assert leftovers(before[table]), table
    page = client.get(own.get_absolute_url()).content.decode()
    assert ADDRESS.lower() in page.lower()
    assert deed_search("qvistbacka", get_catalogue()).mask.sum() == 1

    out = StringIO()
    call_command("personal_data", "erase", ADDRESS, "--yes", stdout=out)
    assert "Erased personal data" in out.getvalue()

    after = whole_database()
    found = {table: sorted(set(hits)) for table, text in after.items() if (hits := leftovers(text))}
    assert not found, "\n".join(f"{table}: {hits}" for table, hits in found.items())
    # Accounts are kept on purpose, and the command says so.
    assert "accounts are kept" in out.getvalue().lower()

    # The deeds stay, without her; their search entries are made anew without her.
    assert Deed.objects.filter(pk__in=[own.pk, named.pk]).count() == 2
    assert not DeedContact.objects.filter(name__icontains="qvistbacka").exists()
    assert not SearchVocabulary.objects.filter(token__in=WORDS).exists()
    for deed in (own, named):
        page = client.get(deed.get_absolute_url()).content.decode()
        assert page and not leftovers(page)
    assert "[poistettu]" in Deed.objects.get(pk=own.pk).summary
    # Searching finds the deeds by their own words, and no longer by hers.
    assert deed_search("asiakaspalaute", get_catalogue()).mask.sum() == 1
    assert deed_search("qvistbacka", get_catalogue()).mask.sum() == 0
    assert deed_search("7654321", get_catalogue()).mask.sum() == 0

    # Erasing again finds nothing more and changes nothing.
    call_command("personal_data", "erase", ADDRESS, "--yes", stdout=StringIO())
    assert whole_database().keys() == after.keys()
    assert not {t: h for t, text in whole_database().items() if (h := leftovers(text))}


def test_only_this_persons_address_and_numbers_are_blanked():
    """ "a@example.fi" is also the tail of "maija@example.fi", someone else's; another
    number, or a short figure made of the same digits, is not the person's either."""
    deed = DeedFactory(
        summary="Kysy: a@example.fi, maija@example.fi, puh. 040-111 2222 tai 09 111 2222.",
        description="Säästö 1112222 euroa; vaihde +358 40 111 22220.",
    )
    DeedContactFactory(deed=deed, email="A@example.fi", phone="+358 40 111 2222")
    call_command("personal_data", "erase", "a@example.fi", "--yes", stdout=StringIO())
    deed.refresh_from_db()
    assert deed.summary == "Kysy: [poistettu], maija@example.fi, puh. [poistettu] tai 09 111 2222."
    assert deed.description == "Säästö 1112222 euroa; vaihde +358 40 111 22220."
    assert not deed.contacts.exists()
