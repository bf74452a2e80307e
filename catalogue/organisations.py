"""The organisation list and an organisation's page: both count and list deeds
through the catalogue, so they live with the deed list rather than in ``organisations``
(which the catalogue builds on)."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from deeds.models import Deed
from events.figures import organisation_participation
from organisations.finder import clean_query, find_organisations
from organisations.models import Organisation, OrganisationType, Region

from .index import get_catalogue
from .views import is_htmx, listing_context, render_page_or_fragment

ORGANISATIONS_PER_PAGE = 50
ORGANISATION_SORTS = {
    "relevance": gettext_lazy("Best match"),
    "name": gettext_lazy("Name A–Ö"),
    "deeds": gettext_lazy("Most deeds"),
}


def organisation_list(request):
    problems = []
    organisations = Organisation.objects.public().select_related("municipality", "region")
    org_type = request.GET.get("type", "")
    if org_type and org_type in OrganisationType.values:
        organisations = organisations.of_type(org_type)
    elif org_type:
        problems.append(_("Unknown organisation type: “%(value)s”.") % {"value": org_type[:40]})
        org_type = ""
    # Looked up among the 19 regions rather than in the database: any text reaches this,
    # and PostgreSQL refuses some (NUL) with an error instead of "no such region".
    regions = {region.code: region for region in Region.objects.all()}
    region_code = request.GET.get("region", "")
    if region_code in regions:
        organisations = organisations.in_region(region_code)
    elif region_code:
        problems.append(_("Unknown region: “%(value)s”.") % {"value": region_code[:40]})
        region_code = ""
    q = clean_query(request.GET.get("q", ""))
    default_sort = "relevance" if q else "name"
    sort = request.GET.get("sort", default_sort) or default_sort
    if sort not in ORGANISATION_SORTS:
        problems.append(_("Unknown sort order: “%(value)s”.") % {"value": sort[:40]})
        sort = default_sort
    elif sort == "relevance" and not q:
        sort = "name"  # nothing to be relevant to

    # Deed counts come from the same index as the deed list, so they always agree.
    counts = get_catalogue().totals("organisation")
    rows = list(organisations)
    if q:
        # The finder ranks all active organisations; the type and region narrow that.
        rank = {found.pk: i for i, found in enumerate(find_organisations(q, limit=None))}
        rows = [o for o in rows if o.pk in rank]
        if sort == "relevance":
            rows.sort(key=lambda o: rank[o.pk])
    for organisation in rows:
        organisation.deed_count = counts.get(organisation.slug, 0)
    if sort == "deeds":
        rows.sort(key=lambda o: (-o.deed_count, o.sort_key))
    page = Paginator(rows, ORGANISATIONS_PER_PAGE).get_page(request.GET.get("page"))
    # The title names the choices (h1 first), so history entries and bookmarks differ.
    chosen = [str(OrganisationType(org_type).label)] if org_type else []
    if region_code:
        chosen.append(regions[region_code].name)
    title = _("Organisations")
    if chosen:
        title = _("%(list)s: %(details)s") % {"list": title, "details": ", ".join(chosen)}
    if page.number > 1:
        title = _("%(title)s, page %(number)d") % {"title": title, "number": page.number}
    context = {
        "page_title": title,
        "page": page,
        "total": len(rows),
        "types": OrganisationType.choices,
        "regions": list(regions.values()),
        "chosen_type": org_type,
        "chosen_region": region_code,
        "sort": sort,
        "sorts": [(k, v) for k, v in ORGANISATION_SORTS.items() if k != "relevance" or q],
        "q": q,
        "problems": problems,
        "query": request.GET.copy(),
    }
    return render_page_or_fragment(
        request,
        "organisations/organisation_list.html",
        "organisations/_fragment_list.html",
        context,
    )


def organisation_detail(request, slug):
    organisation = get_object_or_404(
        Organisation.objects.select_related("municipality", "region"), slug=slug
    )
    context = listing_context(
        request, fixed={"organisation": [organisation.slug]}, title=organisation.name
    )
    context["organisation"] = organisation
    context["partner_deeds"] = (
        Deed.objects.published().filter(partners=organisation).newest_first().for_cards()[:6]
    )
    if not is_htmx(request):  # the list's fragments do not show it
        context["event_participation"] = event_participation(request.user, organisation)
    return render_page_or_fragment(
        request, "organisations/organisation_detail.html", "deeds/_fragment_listing.html", context
    )


def event_participation(user, organisation):
    """Which events the organisation's people registered for: for staff and the
    organisation's own editors only (it is not public: it tells who took part in what).
    The page is never cached (render_page_or_fragment), so it may differ per person."""
    if not user.is_authenticated:
        return None
    if not (user.is_staff or organisation.editorships.filter(user=user).exists()):
        return None
    return organisation_participation(organisation)
