from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.translation import gettext as _

from core.cards import card_response
from deeds.models import Deed, DeedContact
from organisations.finder import clean_query, find_municipalities, find_organisations

from .index import FACETS, get_catalogue
from .listing import (
    FILTERABLE,
    SHORT_LIST,
    active_filters,
    facet_groups,
    listing_title,
    parse_listing,
)

# Facet groups shown open before anything is chosen: the ones people use most.
OPEN_FACETS = ("sector", "theme", "region", "kind", "year", "language")


# Request headers that decide between the whole page and the fragment: every response
# that can be either varies on them, so no cache (the browser's, a proxy's) can hand a
# fragment to Back/Forward or a reload.
PAGE_OR_FRAGMENT_HEADERS = ["HX-Request", "HX-History-Restore-Request"]


def is_htmx(request):
    """True when htmx asks for the part of the page it swaps.

    A history restoration (Back/Forward after htmx pushed an address) replaces the whole
    body, so it always gets the whole page, whatever headers htmx sends with it.
    """
    headers = request.headers
    return (
        headers.get("HX-Request") == "true"
        and not headers.get("HX-Boosted")
        and headers.get("HX-History-Restore-Request") != "true"
    )


def deeds_in_order(ids):
    """The deeds of one page, in the order the catalogue gave, in a constant number of queries."""
    by_id = Deed.objects.filter(pk__in=ids).for_cards().in_bulk()
    return [by_id[pk] for pk in ids if pk in by_id]


def listing_context(request, *, fixed=None, title=None):
    """Filters, counts, one page of deeds and the links around them.

    ``title`` names the list (its h1); the page title adds the search and filters.
    """
    listing = parse_listing(request.GET, fixed=fixed)
    result = listing.run()
    paginator = Paginator(result.rows, settings.DEEDS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    ids = result.ids(page.start_index() - 1 if result.total else 0, page.end_index())
    show_all = [name for name in dict.fromkeys(request.GET.getlist("more")) if name in SHORT_LIST]
    groups = facet_groups(listing, result, show_all=show_all, narrow=facet_narrowing(request))
    deeds = deeds_in_order(ids)
    if listing.search:
        from search.snippets import mark_matches

        mark_matches(deeds, listing.search.parsed)
        # Visitor analytics counts searches, and those that found nothing (analytics app).
        request.search_query = (listing.q, result.total)
    share_link = settings.SITE_URL + request.path + listing.query_string().rstrip("?")
    return {
        "page_title": listing_title(listing, groups, title or _("Development deeds"), page.number),
        "share_link": share_link,
        "listing": listing,
        "listing_more": show_all,
        "facets": groups,
        "open_facets": OPEN_FACETS,
        "active_filters": active_filters(listing, groups),
        "clear_url": request.path
        + listing.query_string(**dict.fromkeys(FACETS), start=None, end=None, awarded=None),
        "search": listing.search,
        "total": result.total,
        "page": page,
        "deeds": deeds,
        "sorts": listing.sorts,
        "fixed": fixed or {},
    }


def facet_narrowing(request):
    """What was typed in the organisation and municipality facets' text boxes, with the
    matching keys best first (the same finder as the share form's organisation field)."""
    finders = {
        "organisation": lambda text: [o.slug for o in find_organisations(text, limit=None)],
        "municipality": find_municipalities,
    }
    narrow = {}
    for name in FILTERABLE:
        text = clean_query(request.GET.get(f"{name}_q", ""))
        if text:
            narrow[name] = (text, finders[name](text))
    return narrow


def render_page_or_fragment(request, page_template, fragment_template, context):
    """The whole page, or for htmx only the part it swaps; caches must tell them apart."""
    fragment = is_htmx(request)
    # A fragment starts with its page's <title>: htmx puts it on the tab and in history.
    context = {**context, "is_fragment": fragment}
    response = render(request, fragment_template if fragment else page_template, context)
    patch_vary_headers(response, PAGE_OR_FRAGMENT_HEADERS)
    # Never stored, so Back/Forward asks again instead of showing a copy (the back-forward
    # cache's or the HTTP cache's) whose boxes were ticked but never sent: without
    # JavaScript that copy shows filters that do not match its results. The forms also
    # say autocomplete="off" so that the browser does not re-tick them from memory.
    add_never_cache_headers(response)
    return response


def deed_list(request):
    return render_page_or_fragment(
        request, "deeds/deed_list.html", "deeds/_fragment_listing.html", listing_context(request)
    )


def deed_detail(request, pk, slug=None):
    public_contacts = Prefetch(
        "contacts",
        queryset=DeedContact.objects.filter(publish_consent=True),
        to_attr="public_contacts",
    )
    from recognition.awards import Award

    # Only awards whose gala results are out: the badge must not break an embargo.
    public_awards = Prefetch(
        "awards", queryset=Award.objects.public().select_related("category__gala")
    )
    deed = get_object_or_404(
        Deed.objects.visible_to(request.user)
        .select_related("organisation", "municipality", "region")
        .prefetch_related(
            public_awards,
            "sectors",
            "themes",
            "subthemes",
            "customer_groups",
            "partners",
            "links",
            "images",
            "attachments",
            public_contacts,
        ),
        pk=pk,
    )
    if slug != deed.slug:
        return redirect(deed.get_absolute_url(), permanent=True)
    from search.related import related_deed_ids

    related_ids = related_deed_ids(deed.pk, get_catalogue(), limit=3) if deed.is_published else []
    more = (
        Deed.objects.published()
        .filter(organisation=deed.organisation_id)
        .exclude(pk__in=[deed.pk, *related_ids])
        .newest_first()
        .for_cards()[:3]
    )
    # The public events where the deed was presented (events app, related name "events").
    presented_at = list(
        deed.events.public().select_related("municipality").order_by("-starts_at")[:10]
    )
    context = {
        "deed": deed,
        "related_deeds": deeds_in_order(related_ids),
        "more_deeds": more,
        "presented_at": presented_at,
    }
    return render(request, "deeds/deed_detail.html", context)


def deed_card(request, pk):
    """The deed's share card: its title and organisation as a link-preview image."""
    deed = get_object_or_404(Deed.objects.published().select_related("organisation"), pk=pk)
    return card_response(deed.title, deed.organisation.name)
