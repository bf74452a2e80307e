"""One organisation's record for staff (/organisaatiot/<slug>/hallinta/): its deeds in
every status and its submissions under way, its coaching applications with their
sessions, its people's event participation and the newsletter issues that featured its
deeds — the "CRM" the programme needed, gathered from every app. It lives in the site
package because no app may import all the others (docs/architecture.md, layers)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from coaching.models import Application, Session
from deeds.models import Deed
from events.figures import organisation_participation
from newsletter.models import Issue
from organisations.models import Organisation
from submissions.models import Submission, SubmissionStatus


def coaching_rows(organisation):
    applications = (
        Application.objects.of_organisation(organisation)
        .select_related("round", "expert")
        .prefetch_related(
            Prefetch("sessions", queryset=Session.objects.order_by("date", "pk")),
            Prefetch("deeds", queryset=Deed.objects.order_by("-published_at", "-pk")),
        )
        .order_by("-submitted_at", "-pk")
    )
    rows = []
    for application in applications:
        sessions = list(application.sessions.all())
        rows.append(
            {
                "application": application,
                "sessions": sessions,
                "held": sum(1 for s in sessions if s.held),
                "group": application.group(),
            }
        )
    return rows


@login_required
def organisation_record(request, slug):
    if not request.user.is_staff:
        raise PermissionDenied
    organisation = get_object_or_404(Organisation, slug=slug)
    deeds = list(Deed.objects.filter(organisation=organisation).order_by("-created_at", "-pk"))
    submissions = list(
        Submission.objects.filter(organisation=organisation, deed=None)
        .exclude(status=SubmissionStatus.PUBLISHED)
        .order_by("-created_at", "-pk")
    )
    coaching = coaching_rows(organisation)
    participation = organisation_participation(organisation)
    issues = list(
        Issue.objects.filter(highlights__organisation=organisation)
        .distinct()
        .prefetch_related(
            Prefetch(
                "highlights",
                queryset=Deed.objects.filter(organisation=organisation),
                to_attr="featured",
            )
        )
        .order_by("-sent_at", "-created_at", "-pk")
    )
    context = {
        "organisation": organisation,
        "deeds": deeds,
        "submissions": submissions,
        "coaching": coaching,
        "participation": participation,
        "issues": issues,
        "counts": {
            "deeds": len(deeds),
            "published": sum(1 for d in deeds if d.is_published),
            "submissions": len(submissions),
            "coaching": len(coaching),
            "events": len(participation),
            "registrants": sum(row[1] for row in participation),
            "issues": len(issues),
        },
    }
    return render(request, "tori/organisation_record.html", context)
