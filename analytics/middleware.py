"""Count page views of people reading the portal: no cookies, nothing stored about them.

The rules of what counts are all here, cheapest first, and they all look at the
finished request and response, so a page that fails or redirects is never counted.
"""

import logging
import re
from urllib.parse import urlsplit

from django.db import DatabaseError

from .models import HOST_LENGTH, PATH_LENGTH, QUERY_LENGTH
from .services import hit_record

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
# Only addresses whose parameters are a public id or slug are stored: other parameters
# can be secrets (draft keys, invitation and consent tokens) that must never be kept.
PUBLIC_KWARGS = {"pk", "slug"}

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


def is_counted(request, response):
    if request.method != "GET" or response.status_code != 200:
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    # htmx swaps part of a page already counted (the list's filters as one types).
    if request.headers.get("HX-Request"):
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
    # The only accounts are staff and organisation editors: their own reading (often
    # of their own deeds) would inflate the counts editors are shown.
    user = getattr(request, "user", None)
    return not (user and user.is_authenticated)


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


def search_of(request):
    """(normalised words, result count) when the page showed a search's first page."""
    searched = getattr(request, "search_query", None)
    if not searched or request.GET.get("page", "1") != "1":
        return None
    query, results = searched
    query = " ".join(str(query).lower().split())[:QUERY_LENGTH]
    if not query or PERSONAL.search(query):
        return None
    return query, results


class VisitorAnalyticsMiddleware:
    """Record one hit per counted page view (after AuthenticationMiddleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_counted(request, response):
            match = request.resolver_match
            try:
                hit_record(
                    address=request.META.get("REMOTE_ADDR", ""),
                    user_agent=request.META.get("HTTP_USER_AGENT", ""),
                    path=request.path[:PATH_LENGTH],
                    deed_id=int(match.kwargs["pk"]) if match.view_name == "deeds:detail" else None,
                    referrer_host=referrer_host(request),
                    search=search_of(request),
                )
            except DatabaseError:
                # A visitor's page must never fail because of counting.
                logger.warning("A page view could not be recorded.", exc_info=True)
        return response
