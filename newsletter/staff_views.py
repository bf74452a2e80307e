"""The staff's newsletter pages about issues: /uutiskirje/hallinta/ (staff_urls.py).

Thin views: a form validates, a service (issue_services.py) changes the state, a
message tells what happened, a redirect shows the result. A refusal (IssueError) comes
back as a message, or as a form error with everything typed kept. Staff only
(staff_member_required on every view, as the events' staff pages); an issue is looked
up by its number, so an unknown one is a 404.
"""

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_POST

from audit.models import AuditEntry

from .issue_services import (
    IssueError,
    issue_change,
    issue_create,
    issue_delete,
    issue_pause,
    issue_resume,
    issue_schedule,
    issue_unschedule,
)
from .models import Issue, IssueStatus, Subscriber, SubscriberStatus
from .sending import issue_progress
from .staff_forms import IssueForm, NewsFormSet, ScheduleForm, current_highlights, news_initial

SENT_PER_PAGE = 50


def is_htmx(request):
    # A history restoration replaces the whole page, so it gets the whole page.
    return (
        request.headers.get("HX-Request") == "true"
        and request.headers.get("HX-History-Restore-Request") != "true"
    )


def _issue(pk):
    return get_object_or_404(Issue.objects.select_related("campaign"), pk=pk)


def issue_url(issue, anchor=""):
    return reverse("newsletter_staff:issue", args=[issue.pk]) + (f"#{anchor}" if anchor else "")


def subscriber_counts():
    by_status = dict(
        Subscriber.objects.order_by()
        .values("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    return {
        "confirmed": by_status.get(SubscriberStatus.CONFIRMED, 0),
        "pending": by_status.get(SubscriberStatus.PENDING, 0),
        "set_aside": by_status.get(SubscriberStatus.SET_ASIDE, 0),
    }


# --- The list --------------------------------------------------------------------------


@staff_member_required
def issue_list(request):
    issues = Issue.objects.select_related("campaign")
    under_way = list(
        issues.filter(status__in=[IssueStatus.SENDING, IssueStatus.PAUSED]).order_by("started_at")
    )
    for issue in under_way:
        issue.progress = issue_progress(issue)
    sent = Paginator(
        issues.filter(status=IssueStatus.SENT).order_by("-sent_at", "-pk"), SENT_PER_PAGE
    ).get_page(request.GET.get("sivu"))
    context = {
        "drafts": issues.filter(status=IssueStatus.DRAFT).order_by("-created_at", "-pk"),
        "scheduled": issues.filter(status=IssueStatus.SCHEDULED).order_by("scheduled_at", "pk"),
        "under_way": under_way,
        "sent": sent,
        "counts": subscriber_counts(),
    }
    return render(request, "newsletter/staff/issue_list.html", context)


# --- Creating and changing -------------------------------------------------------------


def _form_page(request, form, news, issue=None, status=200):
    context = {"form": form, "news": news, "issue": issue}
    return render(request, "newsletter/staff/issue_form.html", context, status=status)


def _add_errors(form, error):
    if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages if isinstance(error, ValidationError) else str(error))


@staff_member_required
def issue_new(request):
    offered = current_highlights()
    if request.method != "POST":
        return _form_page(
            request, IssueForm(offered_highlights=offered), NewsFormSet(prefix="news")
        )
    form = IssueForm(data=request.POST, offered_highlights=offered)
    news = NewsFormSet(data=request.POST, prefix="news")
    if form.is_valid() and news.is_valid():
        fields = form.issue_fields()
        highlights, items = form.chosen_highlights(), news.items()
        try:
            # issue_create picks this week's highlights; what staff ticked and added, and
            # the news items, are then set by issue_change in the same transaction.
            with transaction.atomic():
                issue = issue_create(
                    actor=request.user, key=fields.pop("key"), subject_fi=fields.pop("subject_fi"),
                    **fields,
                )  # fmt: skip
                picked = set(issue.highlights.values_list("pk", flat=True))
                if items or picked != {deed.pk for deed in highlights}:
                    issue = issue_change(
                        issue, actor=request.user, highlights=highlights, news=items
                    )
        except (IssueError, ValidationError) as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The issue was saved as a draft."))
            return redirect(issue_url(issue))
    return _form_page(request, form, news, status=400)


@staff_member_required
def issue_edit(request, pk):
    issue = _issue(pk)
    if not issue.is_editable:
        messages.error(
            request, _("An issue that is being sent or has been sent cannot be changed.")
        )
        return redirect(issue_url(issue))
    offered = list(issue.highlights.all())
    if request.method != "POST":
        form = IssueForm(instance=issue, offered_highlights=offered)
        news = NewsFormSet(initial=news_initial(issue), prefix="news")
        return _form_page(request, form, news, issue)
    # The form writes the posted values onto its instance; issue_change reads the issue
    # again under its lock (and refuses one that started sending meanwhile).
    form = IssueForm(data=request.POST, instance=_issue(pk), offered_highlights=offered)
    news = NewsFormSet(data=request.POST, initial=news_initial(issue), prefix="news")
    if form.is_valid() and news.is_valid():
        try:
            issue_change(
                issue,
                actor=request.user,
                highlights=form.chosen_highlights(),
                news=news.items(),
                **form.issue_fields(),
            )
        except IssueError as error:
            messages.error(request, str(error))
            return redirect(issue_url(issue))
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, pgettext("newsletter staff", "The issue was saved."))
            return redirect(issue_url(issue))
    return _form_page(request, form, news, issue, status=400)


@staff_member_required
def issue_delete_view(request, pk):
    """A page of its own to confirm: a deleted draft is gone."""
    issue = _issue(pk)
    if request.method != "POST":
        return render(request, "newsletter/staff/issue_delete.html", {"issue": issue})
    try:
        issue_delete(issue, actor=request.user)
    except IssueError as error:
        messages.error(request, str(error))
        return redirect(issue_url(issue))
    messages.success(request, _("The draft was deleted."))
    return redirect("newsletter_staff:list")


# --- One issue -------------------------------------------------------------------------


def _scheduling(issue):
    """The last time the issue was scheduled: who and when (None if never or since
    taken back)."""
    if issue.status == IssueStatus.DRAFT:
        return None
    return (
        AuditEntry.objects.for_object(issue)
        .filter(action="newsletter.issue_scheduled")
        .select_related("actor")
        .first()
    )


def issue_context(issue, *, schedule_form=None):
    progress = None
    if issue.status in (IssueStatus.SENDING, IssueStatus.PAUSED, IssueStatus.SENT):
        progress = issue_progress(issue)
    return {
        "issue": issue,
        "progress": progress,
        "schedule_form": schedule_form or ScheduleForm(),
        "scheduling": _scheduling(issue),
        "confirmed": Subscriber.objects.confirmed().count(),
        "highlights": list(issue.highlights.select_related("organisation").order_by("title")),
        "news": list(issue.news.all()),
        "audit": AuditEntry.objects.for_object(issue).select_related("actor")[:30],
    }


@staff_member_required
def issue_page(request, pk):
    """The issue, its state and actions. htmx's polling of the progress gets only the
    progress (and asks for the whole page once the issue is no longer being sent, so the
    buttons match its state); a reload always gets the whole page."""
    issue = _issue(pk)
    if is_htmx(request):
        context = {"issue": issue, "progress": issue_progress(issue)}
        response = render(request, "newsletter/staff/_fragment_progress.html", context)
        if issue.status != IssueStatus.SENDING:
            response["HX-Refresh"] = "true"
    else:
        response = render(request, "newsletter/staff/issue.html", issue_context(issue))
    patch_vary_headers(response, ["HX-Request", "HX-History-Restore-Request"])
    return response


def _act(request, issue, action, done):
    try:
        action()
    except IssueError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, done)
    return redirect(issue_url(issue, "state"))


@staff_member_required
@require_POST
def issue_schedule_view(request, pk):
    issue = _issue(pk)
    form = ScheduleForm(request.POST)
    if not form.is_valid():
        context = issue_context(issue, schedule_form=form)
        return render(request, "newsletter/staff/issue.html", context, status=400)
    at = form.cleaned_data["at"]
    done = (
        _("The issue will be sent at %(at)s.") % {"at": _local(at)}
        if at
        else _("The issue will be sent within a minute.")
    )
    return _act(request, issue, lambda: issue_schedule(issue, actor=request.user, at=at), done)


def _local(moment):
    return date_format(timezone.localtime(moment), "j.n.Y G.i")


@staff_member_required
@require_POST
def issue_unschedule_view(request, pk):
    issue = _issue(pk)
    return _act(
        request,
        issue,
        lambda: issue_unschedule(issue, actor=request.user),
        _("The issue is a draft again: it will not be sent."),
    )


@staff_member_required
@require_POST
def issue_pause_view(request, pk):
    issue = _issue(pk)
    return _act(
        request,
        issue,
        lambda: issue_pause(issue, actor=request.user),
        _("Sending was paused. Copies not yet sent wait until you resume."),
    )


@staff_member_required
@require_POST
def issue_resume_view(request, pk):
    issue = _issue(pk)
    return _act(
        request,
        issue,
        lambda: issue_resume(issue, actor=request.user),
        _("Sending goes on."),
    )
