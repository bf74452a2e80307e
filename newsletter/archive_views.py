"""The public archive of sent issues: /uutiskirje/arkisto/ and each issue's web version,
as it was written when sending started (Issue.web_versions)."""

from itertools import groupby

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from .models import Issue


def _sent():
    return Issue.objects.sent().order_by("-sent_at", "-id")


def archive(request):
    language = get_language()
    issues = list(_sent().only("key", "subject_fi", "subject_sv", "subject_en", "sent_at"))
    for issue in issues:
        issue.shown_subject = issue.subject(language)
    years = [
        (year, list(group))
        for year, group in groupby(issues, key=lambda i: timezone.localtime(i.sent_at).year)
    ]
    return render(request, "newsletter/archive.html", {"years": years})


def archive_issue(request, key):
    issue = _sent().filter(key=key).first()
    if issue is None:
        raise Http404
    html, language = issue.web_version(get_language())
    context = {
        "issue": issue,
        "subject": issue.subject(get_language()),
        # HTML our own templates wrote from escaped and sanitised texts when sending
        # started (issue_services.issue_start), never anything typed as HTML.
        "web_version": mark_safe(html),
        "web_language": language,
    }
    return render(request, "newsletter/archive_issue.html", context)
