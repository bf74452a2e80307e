import errno

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.views.static import serve

from catalogue.index import get_catalogue
from catalogue.views import deeds_in_order
from recognition.models import Campaign, Highlight
from stats.campaigns import campaign_figures

from .privacy_notice import notice_context

LATEST_ON_HOME = 6
# Traficom's accessibility supervision, the authority named in the accessibility
# statement (templates name no other hosts, tests/tori/test_security.py).
ACCESSIBILITY_AUTHORITY_URL = "https://www.saavutettavuusvaatimukset.fi"


def home(request):
    catalogue = get_catalogue()
    language = get_language()

    def options(name):
        column = catalogue.columns[name]
        totals = catalogue.totals(name)
        return [
            {"key": choice.key, "label": choice.label(language), "count": totals[choice.key]}
            for choice in sorted(column.choices, key=lambda c: c.order)
            if choice.key in totals
        ]

    figures = {
        "deeds": catalogue.size,
        "organisations": len(catalogue.totals("organisation")),
        "municipalities": len(catalogue.totals("municipality")),
    }
    campaign = Campaign.objects.running().order_by("ends_on").first()
    today = timezone.localdate()
    context = {
        "advent_year": today.year if today.month == 12 else None,
        "campaign": campaign,
        "highlights": Highlight.objects.current().select_related("deed__organisation"),
        "campaign_deeds": campaign_figures(campaign, language).total if campaign else 0,
        "figures": figures,
        "latest": deeds_in_order([int(i) for i in catalogue.ids[:LATEST_ON_HOME]]),
        "sectors": options("sector"),
        "themes": options("theme"),
    }
    return render(request, "home.html", context)


def about(request):
    return render(request, "about.html")


def accessibility(request):
    return render(
        request,
        "accessibility.html",
        {
            "contact_email": settings.ACCESSIBILITY_CONTACT_EMAIL,
            "authority_url": ACCESSIBILITY_AUTHORITY_URL,
        },
    )


def privacy(request):
    return render(request, "privacy.html", notice_context())


def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /hallinta/", f"Sitemap: {settings.SITE_URL}/sitemap.xml"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


def media(request, path, document_root):
    """Uploaded files, when the app serves them (SERVE_MEDIA). A name too long for the
    file system to look up is a file that does not exist, not a server error."""
    try:
        return serve(request, path, document_root=document_root)
    except OSError as error:
        if error.errno != errno.ENAMETOOLONG:
            raise
        raise Http404 from None
