"""No address and no query parameter a stranger can send answers with a server error.

Every URL pattern of the site (walked from ``django.urls.get_resolver()``) is asked for
anonymously, first with plausible values, then with each path parameter hostile. Then
every query parameter each public page reads is sent with hostile values: one at a time
and all at once (in Finnish, Swedish and English, and as htmx's fragment). The parameters
are found by recording what the views ask ``request.GET`` for, so a new parameter is
fuzzed without anyone listing it here. Staff-only and POST-only addresses get a few
hostile path values: they must keep redirecting or refusing. Answers may be pages,
redirects or 4xx, never 5xx.

It runs in the normal suite, so CI runs it on SQLite and PostgreSQL (which refuses NUL
characters in text, where SQLite does not). A table of values rather than generated ones
(hypothesis is not installed): deterministic, and cheap enough for every run. The
patterns are split into chunks, so that pytest-xdist's workers share them.
"""

import datetime as dt
import re
from pathlib import Path
from urllib.parse import quote, urlencode
from zoneinfo import ZoneInfo

import pytest
from django.core.handlers.wsgi import WSGIRequest, get_bytes_from_wsgi
from django.db import transaction
from django.http import QueryDict
from django.test import Client
from django.urls import URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404
from django.utils.functional import cached_property

from recognition.highlights import Highlight
from tests.deeds.factories import DeedFactory
from tests.recognition.factories import CampaignFactory, gala_with_awards
from tests.taxonomy.factories import sector, theme
from tori.sitemaps import SITEMAPS

pytestmark = pytest.mark.django_db
CHUNKS = 4

# Sent only where the pattern's converter takes them (an int converter: the digits),
# as the resolver itself decides.
HOSTILE_IN_PATH = [
    "0",
    "00",
    "2147483648",  # beyond a 32-bit integer column
    "9223372036854775808",  # beyond a 64-bit one
    "99999999999999999999",
    "9" * 400,
    "-1",
    "１２",  # full-width digits: str.isdigit() says yes, [0-9] says no
    "\x00",
    "a\x00b",
    "'",
    '"',
    "<script>alert(1)</script>",
    "Åäö☃𝕏",
    "\u202e",
    "a" * 2000,
    "..",
    "-",
    "%00",
    "%",
    " ",
    "1e9999",
    "NaN",
]
# Staff-only and POST-only addresses need only keep refusing: a few values do.
HOSTILE_IN_CLOSED_PATH = ["0", "99999999999999999999", "\x00", "a" * 2000]
# Each parameter alone: a value of every kind that has broken a parser somewhere.
HOSTILE_IN_QUERY = [
    "a\x00b",
    "-1",
    "99999999999999999999",
    "1e9999",
    "0001-01-01",
    "１２",
    "Åäö☃𝕏'<script>",
    'a"b*c(d)e:f^g-h\\i%j_k NEAR OR NOT',  # the syntax of full-text and LIKE queries
    "a" * 5000,
]
# Bytes that are not UTF-8, and a parameter repeated far past any real use.
RAW_QUERIES = ["{name}=%FF%FE", "&".join(f"{{name}}={n}" for n in range(200))]
# All parameters at once, with each of these.
HOSTILE_FOR_ALL = [
    *HOSTILE_IN_QUERY,
    "",
    " ",
    "\x00",
    "'",
    "0",
    "9" * 400,
    "NaN",
    "9999-12-31",
    "2021-02-30",
    "true",
]
IN_EVERY_LANGUAGE = ["a\x00b", "0001-01-01", "99999999999999999999"]
# A browser's user agent, so that visitor analytics counts the view (and its search),
# with the value in the headers it reads too.
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"
LANGUAGES = ("/sv", "/en")
# Parameters some views read only after others (``limit`` after ``q``): a second look
# sends every parameter found with a plain value.
PLAIN = "a"
PROBE = "x"  # makes request.GET non-empty, so that a form is bound and reads its fields
# Values that open a page that requires them (400 without): the rest of its parameters
# are read, and fuzzed, only with these.
REQUIRED = {"by": "month", "start": "2021-01-01", "end": "2022-12-31", "year": "2021"}

GROUP = re.compile(r"\(\?P<(\w+)>([^()]*)\)")
ROUTE_PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<parameter>[^>]+)>")
HELSINKI = ZoneInfo("Europe/Helsinki")


def hostile_headers(value):
    """Headers that visitor analytics reads, with the value in them."""
    return {"User-Agent": BROWSER, "Referer": f"http://[{value}/?q={value}", "DNT": value}


class RecordingQueryDict(QueryDict):
    """request.GET that notes the name of every parameter a view reads."""

    read = set()

    def __getitem__(self, key):
        self.read.add(key)
        return super().__getitem__(key)

    def get(self, key, default=None):
        self.read.add(key)
        return super().get(key, default)

    def getlist(self, key, default=None):
        self.read.add(key)
        return super().getlist(key, default)

    def __contains__(self, key):
        self.read.add(key)
        return super().__contains__(key)


def recording_get(request):
    raw = get_bytes_from_wsgi(request.environ, "QUERY_STRING", "")
    return RecordingQueryDict(raw, encoding=request._encoding)


@pytest.fixture
def read_parameters(monkeypatch):
    get = cached_property(recording_get)
    get.__set_name__(WSGIRequest, "GET")
    monkeypatch.setattr(WSGIRequest, "GET", get)
    RecordingQueryDict.read = set()
    return RecordingQueryDict


def url_patterns(patterns=None, pieces=()):
    """Every pattern as the chain of patterns from the root that leads to it."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            yield from url_patterns(entry.url_patterns, (*pieces, entry.pattern))
        else:
            yield (*pieces, entry.pattern)


def template_of(pieces):
    """The address as text and parameters: ["teot/", ("pk", []), "/"]; a parameter of
    a regular expression that lists its choices carries them."""
    parts = []
    for pattern in pieces:
        if hasattr(pattern, "language_prefix"):
            parts.append(pattern.language_prefix)  # "" in Finnish, the default
            continue
        if hasattr(pattern, "_route"):
            text, found = pattern._route, ROUTE_PARAMETER.finditer(pattern._route)
        else:
            text = pattern._regex.removeprefix("^").removesuffix("$").replace("/?", "/")
            found = GROUP.finditer(text)
        position = 0
        for match in found:
            name = match["parameter"] if hasattr(pattern, "_route") else match[1]
            listed = not hasattr(pattern, "_route") and re.fullmatch(r"[\w|-]+", match[2])
            parts += [text[position : match.start()], (name, match[2].split("|") if listed else [])]
            position = match.end()
        parts.append(text[position:])
    literal = "".join(p for p in parts if isinstance(p, str))
    # A pattern this small reader does not understand must be taught to it, not skipped.
    assert not re.search(r"[\\^$()\[\]*+?{}|]", literal), literal
    return parts


def fill(parts, values):
    return "/" + "".join(p if isinstance(p, str) else values[p[0]] for p in parts)


def route_of(path):
    try:
        return resolve(path).route
    except Resolver404:
        return None


@pytest.fixture
def media_folder(settings):
    """The folder /media/ serves from (SERVE_MEDIA), as on a running site: a file name
    is then looked up in it, where a missing folder would make every name just missing."""
    folder = Path(settings.MEDIA_ROOT)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def plausible(media_folder):
    """Something for every public page to show, and path values that find it."""
    social, wellbeing = sector("sosiaali-ja-terveys"), theme("tyohyvinvointi")
    deeds = [
        DeedFactory(
            sectors=[social],
            themes=[wellbeing],
            published_at=dt.datetime(year, 3, 1, tzinfo=HELSINKI),
        )
        for year in (2021, 2022)
    ]
    campaign = CampaignFactory(starts_on=dt.date(2021, 9, 1), ends_on=dt.date(2021, 9, 30))
    gala_with_awards(deeds, year=2024)
    Highlight.objects.create(deed=deeds[0], week=dt.date(2022, 1, 3))
    deed = deeds[0]
    return {
        "pk": [str(deed.pk)],
        "year": ["2024"],
        "number": ["1"],
        "slug": [deed.slug, deed.organisation.slug, campaign.slug, social.slug, wellbeing.slug],
        "by": ["month", "organisation"],
        "fmt": ["csv", "xlsx"],
        "section": list(SITEMAPS),
    }


def answer(client, path, query="", headers=None):
    """One anonymous GET: its response, and a line about it if it was a server error.
    A savepoint each: on PostgreSQL a failed query would spoil the rest of the test."""
    address = quote(path, safe="/") + (f"?{query}" if query else "")
    savepoint = transaction.savepoint()
    response = client.get(address, headers=headers)
    if response.status_code < 500:
        transaction.savepoint_commit(savepoint)
        return response, []
    transaction.savepoint_rollback(savepoint)
    error = response.exc_info[1] if getattr(response, "exc_info", None) else None
    return response, [f"{response.status_code} {address[:150]} {error!r:.300}"]


def is_closed(response):
    """Staff-only (a redirect to signing in, 403) or POST-only (405)."""
    if response.status_code in (403, 405):
        return True
    location = response.get("Location", "")
    return response.status_code == 302 and ("/kirjaudu/" in location or "/login/" in location)


def addresses(client, plausible, chunk):
    """This chunk's patterns, each filled with plausible values (those that open a page
    if any do): [(parts, values, response)], and the server errors met on the way."""
    found, errors = [], []
    for pieces in list(url_patterns())[chunk::CHUNKS]:
        parts = template_of(pieces)
        combinations = [{}]
        for name, choices in (p for p in parts if not isinstance(p, str)):
            values = choices or plausible.get(name) or ["1"]
            combinations = [{**c, name: value} for c in combinations for value in values]
        tried = []
        for values in combinations:
            response, error = answer(client, fill(parts, values))
            errors += error
            tried.append((parts, values, response))
        found.append(min(tried, key=lambda t: (t[2].status_code >= 300, t[2].status_code)))
    return found, errors


@pytest.mark.parametrize("chunk", range(CHUNKS))
def test_no_address_answers_with_a_server_error(plausible, chunk):
    client = Client(raise_request_exception=False)
    found, errors = addresses(client, plausible, chunk)
    for parts, values, response in found:
        closed = is_closed(response)
        hostile = HOSTILE_IN_CLOSED_PATH if closed else HOSTILE_IN_PATH
        route = route_of(fill(parts, values))
        for name in (p[0] for p in parts if not isinstance(p, str)):
            for value in hostile:
                path = fill(parts, {**values, name: value})
                if route_of(path) != route:
                    continue  # the converter refuses it: the resolver's 404
                answered, error = answer(client, path)
                errors += error
                if closed and answered.status_code < 300:  # staff-only must stay closed
                    errors.append(f"{answered.status_code} {path[:150]} opened a closed page")
    assert errors == []


@pytest.mark.parametrize("chunk", range(CHUNKS))
def parameters(client, path, status, read):
    """The names of the parameters a page reads, and the query that opens it ({} unless
    it requires some), found by asking it three times."""
    names, errors = set(), []
    required = {}
    for step in range(3):
        if step == 0:
            query = {PROBE: "1"}
        elif step == 1:
            if status == 400:
                required = {name: REQUIRED[name] for name in names if name in REQUIRED}
            query = {**dict.fromkeys(names, PLAIN), **required}
        else:
            query = required
        read.clear()
        response, error = answer(client, path, urlencode(query))
        errors += error
        names |= read - {PROBE}
    # A page that answers 400 to a plain request needs a value REQUIRED does not know.
    assert response.status_code == 200, (path, required)
    return sorted(names), required, errors


@pytest.mark.parametrize("chunk", range(CHUNKS))
def test_no_query_parameter_answers_with_a_server_error(plausible, read_parameters, chunk):
    client = Client(raise_request_exception=False)
    found, errors = addresses(client, plausible, chunk)
    for parts, values, response in found:
        if response.status_code not in (200, 400):
            continue  # closed, missing or moved elsewhere: its query is not read
        path = fill(parts, values)
        names, required, error = parameters(
            client, path, response.status_code, read_parameters.read
        )
        errors += error
        for name in names:
            queries = [urlencode({**required, name: value}) for value in HOSTILE_IN_QUERY]
            raw_queries = [raw.format(name=name) for raw in RAW_QUERIES]
            queries += [f"{urlencode(required)}&{raw}" if required else raw for raw in raw_queries]
            for query in queries:
                errors += answer(client, path, query)[1]
        for value in HOSTILE_FOR_ALL if names else ():
            query = urlencode(dict.fromkeys(names, value))
            errors += answer(client, path, query, hostile_headers(value))[1]
        for value in IN_EVERY_LANGUAGE if names else ():
            query = urlencode(dict.fromkeys(names, value))
            fragment = {"User-Agent": BROWSER, "HX-Request": "true", "Tori-Search": "new"}
            errors += answer(client, path, query, fragment)[1]
            for prefix in LANGUAGES:
                if route_of(prefix + path):  # a page in every language, not the API
                    errors += answer(client, prefix + path, query)[1]
    assert errors == []


@pytest.mark.parametrize(
    ("address", "status", "message"),
    [
        ("/joulukalenteri/0/", 404, ""),
        ("/joulukalenteri/10000/", 404, ""),
        ("/joulukalenteri/99999999999999999999/", 404, ""),
        ("/organisaatiot/?region=%00", 200, "Se jätettiin pois."),
        ("/organisaatiot/?region=01%00", 200, "Tuntematon maakunta"),
        ("/kekseliain-kunta/?start=9999-12-31&end=9999-12-31", 400, "vuosilta 2000–2100"),
        ("/tilastot/lataa/month.xlsx?start=0001-01-01&end=9999-12-31", 400, "vuosilta 1900–2100"),
        ("/media/" + "9" * 400, 404, ""),  # too long a file name for the file system
    ],
)
def test_the_reported_addresses_answer_with_a_message(
    client, media_folder, address, status, message
):
    response = client.get(address)
    assert response.status_code == status
    assert message in response.content.decode()


def test_a_request_body_over_the_limit_is_refused_before_it_is_read(client, settings):
    settings.REQUEST_MAX_BYTES = 1000
    response = client.post(
        "/palaute/", data="x" * 2000, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 413
    assert "liian suuri" in response.content.decode()
    assert client.post("/palaute/", {"message": "lyhyt"}).status_code != 413
