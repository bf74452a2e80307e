"""Seeing an issue before it goes: the preview as a subscriber of a language and topics
would get it, the email's HTML on its own (for the preview's sandboxed frame), and a test
sent to staff's own addresses (staff_urls.py)."""

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET

from .compose import PREFERENCES, UNSUBSCRIBE, Choice, IssueContent
from .issue_services import IssueError, issue_test_send
from .staff_forms import ChoiceForm, TestSendForm
from .staff_views import _issue, issue_url

# The email's own HTML, shown inside the staff page: its inline styles (as in every email)
# but no script, image, font, form or link target of any kind, and framed only by the
# portal's own pages. Set on this response alone; every other page keeps the site's
# policy (settings.CONTENT_SECURITY_POLICY, frame-ancestors 'none' and X-Frame-Options
# DENY). The "sandbox" directive sandboxes the document even when opened on its own.
PREVIEW_POLICY = "; ".join(
    [
        "default-src 'none'",
        "style-src 'unsafe-inline'",
        "img-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'self'",
        "sandbox",
    ]
)
DEFAULT_CHOICE = Choice("fi", True)


def _content(issue):
    # Once sending has started, the copies were written as of that moment.
    return IssueContent(issue, now=issue.started_at) if issue.started_at else IssueContent(issue)


def _choice(request):
    """The form and the choice it asks for: the default (Finnish, the whole newsletter)
    until the form is sent, None while it has errors."""
    if not request.GET:
        return ChoiceForm(), DEFAULT_CHOICE
    form = ChoiceForm(request.GET)
    return form, (form.cleaned_data["choice"] if form.is_valid() else None)


def preview_message(issue, choice):
    """(subject, text, html) as this choice would get it, its personal links pointing
    nowhere; None when there would be nothing to send."""
    message = _content(issue).message_for(choice)
    if message is None:
        return None
    subject, text, html = message
    for placeholder in (PREFERENCES, UNSUBSCRIBE):
        text, html = text.replace(placeholder, "#"), html.replace(placeholder, "#")
    return subject, text, html


@staff_member_required
@require_GET
def issue_preview(request, pk):
    issue = _issue(pk)
    form, choice = _choice(request)
    message = preview_message(issue, choice) if choice else None
    query = request.GET.urlencode()
    context = {
        "issue": issue,
        "form": form,
        "choice": choice,
        "message": message,
        "query": query,
        "frame_url": reverse("newsletter_staff:preview_html", args=[issue.pk])
        + (f"?{query}" if query else ""),
    }
    return render(request, "newsletter/staff/preview.html", context, status=200 if choice else 400)


@staff_member_required
@require_GET
@xframe_options_sameorigin
def issue_preview_html(request, pk):
    """The email's HTML alone, for the preview's <iframe sandbox>."""
    issue = _issue(pk)
    _form, choice = _choice(request)
    message = preview_message(issue, choice) if choice else None
    if message is None:
        page = format_html(
            '<!doctype html><html lang="{}"><title>{}</title><p>{}</p>',
            get_language(),
            issue.subject_fi,
            _("With these topics there would be nothing to send."),
        )
        response = HttpResponse(page, status=200 if choice else 400)
    else:
        response = HttpResponse(message[2])
    response["Content-Security-Policy"] = PREVIEW_POLICY
    return response


@staff_member_required
def issue_test(request, pk):
    issue = _issue(pk)
    if request.method != "POST":
        form = TestSendForm(request.GET or None, user=request.user)
        if form.is_bound:
            form.is_valid()  # the preview's choice, carried over; its errors shown
        return render(request, "newsletter/staff/test_send.html", {"issue": issue, "form": form})
    form = TestSendForm(request.POST, user=request.user)
    if form.is_valid():
        choice = form.cleaned_data["choice"]
        addresses = form.addresses()
        try:
            issue_test_send(
                issue,
                actor=request.user,
                addresses=addresses,
                language=choice.language,
                wants_newsletter=choice.wants_newsletter,
                sectors=choice.sectors,
                themes=choice.themes,
                regions=choice.regions,
            )
        except IssueError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("A test was sent to %(addresses)s.") % {"addresses": ", ".join(addresses)},
            )
            return redirect(issue_url(issue))
    context = {"issue": issue, "form": form}
    return render(request, "newsletter/staff/test_send.html", context, status=400)
