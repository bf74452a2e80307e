"""Count page views of people reading the portal: no cookies, nothing stored about them.

The rules of what counts are all here, cheapest first, and they all look at the
finished request and response, so a page that fails or redirects is never counted.
"""

import logging
import re
from urllib.parse import parse_qs, urlsplit

from django.db import DatabaseError

from core.ratelimit import client_address

from .models import (
    HOST_LENGTH,
    NEWSLETTER_KEY,
    NEWSLETTER_REFERRER,
    NEWSLETTER_SOURCE,
    PATH_LENGTH,
    QUERY_LENGTH,
    SearchSource,
)
from .services import hit_record, search_record

logger = logging.getLogger(__name__)

# Every browser people read with starts its user agent with "Mozilla/"; crawlers,
# link previews, monitors and scripts either do not or name themselves.
BOT = re.compile(
    r"bot|crawl|spider|slurp|archiv|scan|monitor|check|preview|fetch|headless|lighthouse"
    r"|pingdom|facebookexternalhit|whatsapp|telegram|discord|slack|skype|embedly|curl"
    r"|wget|python|httpx|java/|go-http|libwww|okhttp",
    re.IGNORECASE,
)
# Staff and editors' own pages, sign-in and the API are not reading the portal.
PRIVATE_NAMESPACES = {"admin", "api", "accounts", "moderation", "editors", "analytics"}
# Only addresses whose parameters are a public id, slug or key (a newsletter issue's in
# the archive) are stored: other parameters can be secrets (draft keys, invitation and
# consent tokens) that must never be kept.
PUBLIC_KWARGS = {"pk", "slug", "key"}

# Search words holding an email address, a phone number (Finnish ones start with 0 or
# +358), a personal identity code or any long number are someone's personal data: such
# searches are not recorded. Years and postal codes are kept.
PERSONAL = re.compile(r"@|\d{7,}|\d{6}[-+a-y]\d{3}|(?:\+|\b0)\d(?:[\s-]?\d){6,}")


def wants_no_tracking(request):
    """Do Not Track or Global Privacy Control: the visitor asked not to be counted."""
    headers = request.headers
    return headers.get("DNT") == "1" or headers.get("Sec-GPC") == "1"


def is_prefetch(request):
    """Browsers fetch pages ahead (speculation rules, link prefetch) that may never be seen."""
    headers = request.headers
    purpose = (headers.get("Sec-Purpose") or headers.get("Purpose") or "").lower()
    return (
        "prefetch" in purpose
        or "prerender" in purpose
        or headers.get("X-Moz", "").lower() == "prefetch"
        or headers.get("X-Purpose", "").lower() in ("preview", "prefetch")
    )


def is_bot(user_agent):
    return not user_agent.startswith("Mozilla/") or bool(BOT.search(user_agent))


def is_history_restore(request):
    """htmx asking again for a page already shown (Back/Forward): not a new view or search."""
    return request.headers.get("HX-History-Restore-Request") == "true"


def is_staff_or_editor(request):
    # The only accounts are staff and organisation editors: their own reading (often
    # of their own deeds) would inflate the counts editors are shown.
    user = getattr(request, "user", None)
    return bool(user and user.is_authenticated)


def is_counted(request, response):
    if request.method != "GET" or response.status_code != 200:
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    # htmx swaps part of a page already counted (the list's filters as one types).
    if request.headers.get("HX-Request") or is_history_restore(request):
        return False
    if wants_no_tracking(request) or is_prefetch(request):
        return False
    if is_bot(request.META.get("HTTP_USER_AGENT", "")):
        return False
    match = request.resolver_match
    if match is None or PRIVATE_NAMESPACES.intersection(match.namespaces):
        return False
    if not PUBLIC_KWARGS.issuperset(match.kwargs):
        return False
    return not is_staff_or_editor(request)


def referrer_host(request):
    """The other site a visitor came from, as a bare host name; "" for none or our own."""
    referer = request.META.get("HTTP_REFERER", "")
    if not referer:
        return ""
    try:
        host = (urlsplit(referer).hostname or "").removeprefix("www.")
        own = request.get_host().split(":")[0].removeprefix("www.")
    except Exception:  # a malformed header or host is simply not a referrer
        return ""
    return "" if host == own else host[:HOST_LENGTH]


def newsletter_issue(request):
    """ "uutiskirje:<issue key>" for a page view that came through a newsletter's link,
    else "". Only a well-formed key is kept: the parameters are anyone's to write."""
    if request.GET.get("utm_source") != NEWSLETTER_SOURCE:
        return ""
    key = request.GET.get("utm_campaign", "")
    return NEWSLETTER_REFERRER + key if NEWSLETTER_KEY.fullmatch(key) else ""


def normalised(query):
    """Lower case, single spaces; control and format characters (NUL, which PostgreSQL
    cannot store, and direction overrides that would garble the dashboard) left out."""
    text = "".join(ch if ch.isprintable() else " " for ch in str(query))
    return " ".join(text.lower().split())[:QUERY_LENGTH]


def previous_query(url, request):
    """The search words of the list page ``url`` when it is this same page, else None."""
    try:
        parts = urlsplit(url)
        own = request.get_host().split(":")[0]
    except Exception:  # a malformed header is simply no previous page
        return None
    if (parts.hostname and parts.hostname != own) or parts.path != request.path:
        return None
    return normalised(" ".join(parse_qs(parts.query).get("q", [])))


def search_source(request, query):
    """Where this search was submitted, or None when it is not a new submission.

    One search counts once, however it goes on: its next pages, another filter, a new
    sort or a removed chip keep the words and are not counted again, and neither is
    Back/Forward. The words typed into the list count when submitted (Enter, the
    button, leaving the box, or using the results), never at each pause in typing.
    """
    match = request.resolver_match
    if match and "api" in match.namespaces:
        return SearchSource.API
    if request.headers.get("HX-Request") == "true":
        # tori.js knows what was typed and already counted on the page; it marks the
        # one request that submits new words (see "Tori-Search" there).
        return SearchSource.LIST if request.headers.get("Tori-Search") == "new" else None
    before = previous_query(request.META.get("HTTP_REFERER", ""), request)
    if before is None:
        return SearchSource.SITE  # the header box (or a link) from another page
    return None if before == query else SearchSource.LIST


def search_of(request, response):
    """(normalised words, result count, source) when the response showed a newly
    submitted search's first page and the visitor may be counted."""
    searched = getattr(request, "search_query", None)
    if not searched or request.method != "GET" or response.status_code != 200:
        return None
    if request.GET.get("page", "1") != "1" or is_history_restore(request):
        return None
    if wants_no_tracking(request) or is_prefetch(request) or is_staff_or_editor(request):
        return None
    query, results = searched
    query = normalised(query)
    if not query or PERSONAL.search(query):
        return None
    source = search_source(request, query)
    if source is None:
        return None
    # The API is for programs: their user agents are not people's, but their searches
    # are what the open data is used for, counted apart.
    if source != SearchSource.API and is_bot(request.META.get("HTTP_USER_AGENT", "")):
        return None
    return query, results, source


class VisitorAnalyticsMiddleware:
    """Record one hit per counted page view (after AuthenticationMiddleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        try:
            if is_counted(request, response):
                match = request.resolver_match
                hit_record(
                    address=client_address(request),
                    user_agent=request.META.get("HTTP_USER_AGENT", ""),
                    path=request.path[:PATH_LENGTH],
                    deed_id=int(match.kwargs["pk"]) if match.view_name == "deeds:detail" else None,
                    # A newsletter's link is opened from a webmail page or a mail
                    # program (no referrer): the issue says more than either.
                    referrer_host=newsletter_issue(request) or referrer_host(request),
                )
            search = search_of(request, response)
            if search:
                search_record(*search)
        except DatabaseError:
            # A visitor's page must never fail because of counting.
            logger.warning("A page view could not be recorded.", exc_info=True)
        return response
