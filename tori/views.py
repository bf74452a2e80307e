import errno

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.models import Min
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.views.static import serve
from django_tasks_db.models import DBTaskResult, get_date_max

from catalogue.index import get_catalogue
from catalogue.views import deeds_in_order
from emails.models import OutgoingEmail
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
    """For the load balancer and monitoring: 200 when the database answers and the
    background queues move; 503 with the reason otherwise. The queues' age shows a
    worker that has died (issue 19): an email or task that has been due for longer than
    HEALTH_QUEUE_MAX_SECONDS is not being picked up."""
    now = timezone.now()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        oldest = {
            "email queue": OutgoingEmail.objects.due(now).aggregate(t=Min("next_attempt_at"))["t"],
            "task queue": _oldest_due_task(),
        }
    except DatabaseError:
        return _health(["database: unavailable"], healthy=False)
    limit = settings.HEALTH_QUEUE_MAX_SECONDS
    lines, healthy = ["database: ok"], True
    for name, since in oldest.items():
        age = int((now - since).total_seconds()) if since else 0
        stuck = age > limit
        healthy = healthy and not stuck
        lines.append(f"{name}: {'stuck' if stuck else 'ok'}, oldest due {age} s")
    return _health(lines, healthy=healthy)


def _oldest_due_task():
    """When the longest-waiting ready task became due: when it was queued or, if it was
    deferred, its run_after (django-tasks-db marks "not deferred" with a far date)."""
    ready = DBTaskResult.objects.ready()
    never = get_date_max()
    queued = ready.filter(run_after=never).aggregate(t=Min("enqueued_at"))["t"]
    deferred = ready.exclude(run_after=never).aggregate(t=Min("run_after"))["t"]
    return min(filter(None, [queued, deferred]), default=None)


def _health(lines, *, healthy):
    response = HttpResponse(
        "\n".join(["ok" if healthy else "unhealthy", *lines]) + "\n",
        content_type="text/plain",
        status=200 if healthy else 503,
    )
    response["Cache-Control"] = "no-store"
    return response


def media(request, path):
    """Uploaded files, when the app serves them (SERVE_MEDIA), from MEDIA_ROOT as it is
    now (tests give each test its own). A name too long for the file system to look up
    is a file that does not exist, not a server error."""
    try:
        return serve(request, path, document_root=settings.MEDIA_ROOT)
    except OSError as error:
        if error.errno != errno.ENAMETOOLONG:
            raise
        raise Http404 from None
