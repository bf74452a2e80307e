"""``manage.py import_subscribers``: the old list comes in subscribed, only with a
consent source, all or nothing, and never subscribes again anyone who left."""

import datetime as dt
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from audit.models import AuditEntry
from newsletter.imports import SubscriberImportError, read_csv, subscribers_import
from newsletter.models import Subscriber, SubscriberSource, SubscriberStatus
from newsletter.services import subscriber_unsubscribe
from tests.newsletter.factories import subscribed

pytestmark = pytest.mark.django_db

HEADER = "email,language,subscribed,consent_source\n"
# Wednesday 2 April 2025, in Helsinki.
TODAY = dt.datetime(2025, 4, 2, 9, tzinfo=dt.UTC).timestamp()


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(TODAY, tick=False):
        yield


def write(tmp_path, text, name="tilaajat.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def run(path, *args):
    out = StringIO()
    call_command("import_subscribers", str(path), *args, stdout=out)
    return out.getvalue()


def test_imports_subscribed_addresses_with_their_date_and_consent(tmp_path):
    path = write(
        tmp_path,
        HEADER
        + "maija@kunta.example.fi,fi,2019-05-03,Seminaarin 2019 ilmoittautumislomake\n"
        + "Erik@Kommun.example.fi,SV,3.5.2019,Gamla webbplatsens formulär\n"
        + "pat@example.com,,1.12.2020,Old site's form\n",
    )
    assert run(path) == "Imported 3 subscribers from tilaajat.csv.\n"
    maija = Subscriber.objects.for_address("maija@kunta.example.fi").get()
    assert (maija.status, maija.source, maija.language) == (
        SubscriberStatus.CONFIRMED,
        SubscriberSource.IMPORT,
        "fi",
    )
    assert maija.consent == "Seminaarin 2019 ilmoittautumislomake" and maija.wants_newsletter
    noon = timezone.make_aware(dt.datetime(2019, 5, 3, 12))
    assert maija.created_at == maija.confirmed_at == noon
    erik = Subscriber.objects.for_address("erik@kommun.example.fi").get()
    assert (erik.email, erik.language, erik.confirmed_at) == ("Erik@Kommun.example.fi", "sv", noon)
    assert Subscriber.objects.for_address("pat@example.com").get().language == "fi"
    entry = AuditEntry.objects.for_object(maija).get()
    assert (entry.action, entry.actor_label) == ("newsletter.imported", "import_subscribers")
    assert entry.data == {"file": "tilaajat.csv", "line": 2}
    # Counted as subscribers from their own day on.
    assert Subscriber.objects.subscribed_on(noon).count() == 2


def test_semicolons_a_byte_order_mark_and_columns_in_any_order(tmp_path):
    path = write(
        tmp_path,
        "\ufeffConsent_Source;Email;Subscribed;Language\r\n"
        "Lomake, vanha sivusto;liisa@example.fi;2021-01-31;en\r\n\r\n",
    )
    assert run(path).startswith("Imported 1 subscriber from")
    liisa = Subscriber.objects.get()
    assert (liisa.email, liisa.consent, liisa.language) == (
        "liisa@example.fi",
        "Lomake, vanha sivusto",
        "en",
    )


def test_any_rejected_line_imports_nothing_and_every_one_is_named(tmp_path):
    path = write(
        tmp_path,
        HEADER
        + "ok@example.fi,fi,2020-01-01,Lomake\n"
        + "ei-osoite,fi,2020-01-01,Lomake\n"
        + "kieli@example.fi,de,2020-01-01,Lomake\n"
        + "paiva@example.fi,fi,31.2.2020,Lomake\n"
        + "muoto@example.fi,fi,01/02/2020,Lomake\n"
        + "tuleva@example.fi,fi,2025-04-03,Lomake\n"
        + "vanha@example.fi,fi,1.1.1980,Lomake\n"
        + "lupa@example.fi,fi,2020-01-01,  \n"
        + "OK@example.fi,sv,2021-01-01,Toinen lomake\n"
        + "puuttuu@example.fi,fi,,Lomake\n"
        + "pilkku@example.fi,fi,2020-01-01,Lomake,seminaari\n"
        + ",fi,2020-01-01,Lomake\n",
    )
    with pytest.raises(CommandError) as raised:
        run(path)
    assert str(raised.value).splitlines() == [
        "tilaajat.csv: nothing was imported.",
        "Rejected 11 lines:",
        "line 3: invalid email address “ei-osoite”",
        "line 4: unknown language “de”: fi, sv or en",
        "line 5: bad date “31.2.2020”: no such day",
        "line 6: bad date “01/02/2020”: write YYYY-MM-DD or D.M.YYYY",
        "line 7: date 2025-04-03 is in the future",
        "line 8: bad date “1.1.1980”: before 1990",
        "line 9: no consent source: say where the person agreed to the newsletter",
        "line 10: the same address as on line 2",
        "line 11: no subscription date",
        "line 12: more values than columns (a value with the separator in it needs quotes)",
        "line 13: no email address",
    ]
    assert not Subscriber.objects.exists() and not AuditEntry.objects.exists()


def test_today_is_not_the_future(tmp_path):
    path = write(tmp_path, HEADER + "tanaan@example.fi,fi,2.4.2025,Lomake\n")
    assert run(path).startswith("Imported 1 subscriber")


def test_a_long_list_of_rejections_is_shortened_unless_asked(tmp_path):
    lines = "".join(f"rikki{n},fi,2020-01-01,Lomake\n" for n in range(25))
    path = write(tmp_path, HEADER + lines)
    with pytest.raises(CommandError) as raised:
        run(path)
    message = str(raised.value).splitlines()
    assert message[1] == "Rejected 25 lines:" and len(message) == 23
    assert message[-1] == "… and 5 more (-v 2 lists all)"
    with pytest.raises(CommandError) as raised:
        run(path, "-v", "2")
    assert len(str(raised.value).splitlines()) == 27


def test_known_addresses_and_those_who_left_are_skipped_and_reported(tmp_path):
    subscribed("tilaaja@example.fi")
    subscribed("odottaa@example.fi", confirm=False)
    subscriber_unsubscribe(subscribed("lahti@example.fi"))
    path = write(
        tmp_path,
        HEADER
        + "uusi@example.fi,fi,2020-01-01,Lomake\n"
        + "TILAAJA@example.fi,fi,2020-01-01,Lomake\n"
        + "odottaa@example.fi,fi,2020-01-01,Lomake\n"
        + "Lahti@Example.fi,fi,2020-01-01,Lomake\n",
    )
    assert run(path, "--dry-run") == (
        "Would import 1 subscriber from tilaajat.csv.\n"
        "Skipped 3 addresses: already subscribed 1, unsubscribed earlier 1,"
        " waiting for confirmation 1.\n"
        "line 3: skipped, already subscribed\n"
        "line 4: skipped, waiting for confirmation\n"
        "line 5: skipped, unsubscribed earlier\n"
        "Dry run: nothing was written.\n"
    )
    assert not Subscriber.objects.for_address("uusi@example.fi").exists()
    assert run(path).startswith("Imported 1 subscriber from tilaajat.csv.\nSkipped 3")
    assert Subscriber.objects.for_address("uusi@example.fi").exists()
    assert not Subscriber.objects.for_address("lahti@example.fi").exists()
    # Importing the same list again adds nobody.
    assert run(path).startswith("Imported 0 subscribers from tilaajat.csv.\nSkipped 4")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "tilaajat.csv: nothing was imported.\nthe file is empty"),
        (
            "email;language;subscribed\nx@example.fi;fi;2020-01-01\n",
            "line 1: missing column consent_source: the first line must name the columns"
            " email, language, subscribed, consent_source",
        ),
        ("osoite,kieli\n", "missing columns email, language, subscribed, consent_source"),
    ],
)
def test_a_file_it_cannot_read_is_a_clear_error(tmp_path, content, message):
    with pytest.raises(CommandError, match=message):
        run(write(tmp_path, content))


def test_a_file_that_is_not_utf8_or_not_there(tmp_path):
    path = write(tmp_path, HEADER + "åsa@example.fi,sv,2020-01-01,Formulär\n", encoding="cp1252")
    with pytest.raises(CommandError, match=r"not UTF-8 text \(byte 0xe5 at position 42\)"):
        run(path)
    with pytest.raises(CommandError, match="puuttuu.csv: No such file"):
        run(tmp_path / "puuttuu.csv")


def test_a_thousand_lines_take_a_few_dozen_queries():
    # Checked a thousand addresses to a query and written in bulk (SQLite splits a bulk
    # insert by its limit on parameters), not a query per line.
    rows = [
        (n + 2, {"email": f"t{n}@example.fi", "language": "fi", "subscribed": "2020-01-01"})
        for n in range(1000)
    ]
    for _line, values in rows:
        values["consent_source"] = "Lomake"
    with CaptureQueriesContext(connection) as captured:
        assert subscribers_import(rows).imported == 1000
    assert len(captured) < 50
    assert AuditEntry.objects.filter(action="newsletter.imported").count() == 1000


def test_the_service_raises_with_every_rejected_line():
    rows = read_csv((HEADER + "a@example.fi,fi,2020-01-01,\nb,fi,2020-01-01,L\n").encode())
    with pytest.raises(SubscriberImportError) as raised:
        subscribers_import(rows, dry_run=True)
    assert [problem.line for problem in raised.value.problems] == [2, 3]
