"""The public feedback form and the staff's list of feedback."""

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.formguard import spam_reason, started_token
from core.ratelimit import client_rate_limited
from submissions.spam import blocked_record

from .forms import FeedbackForm, initial_page
from .models import Feedback
from .services import FeedbackError, feedback_mark_handled, feedback_reopen, feedback_submit

FILTERS = {"unhandled", "handled", "all"}


def _form_page(request, form, *, status=200, notice=None):
    context = {"form": form, "started": started_token(), "notice": notice}
    return render(request, "feedback/form.html", context, status=status)


def feedback_new(request):
    if request.method != "POST":
        form = FeedbackForm(initial={"page": initial_page(request.GET.get("sivu"))})
        return _form_page(request, form)
    form = FeedbackForm(data=request.POST)
    # The same checks as the share form: a honeypot, a minimum time to fill the form in
    # (both in core/formguard.py) and a per-address limit per hour (core/ratelimit.py).
    reason = spam_reason(request.POST, first_save=True)
    if reason is None and form.is_valid():
        if client_rate_limited(request, "feedback", settings.FEEDBACK_RATE_PER_HOUR):
            reason = "rate_limit"
        else:
            data = form.cleaned_data
            feedback_submit(
                topic=data["topic"],
                message=data["message"],
                email=data["email"],
                page=data["page"],
                language=get_language()[:2],
            )
            return redirect("feedback:sent")
    if reason is not None:
        blocked_record(f"feedback_{reason}")
        notice = {
            "honeypot": _("The form could not be sent. If you are a person, please try again."),
            "no_timestamp": _("The form had expired. Check the fields and send again."),
            "too_fast": _("The form was sent very quickly. Wait a moment and send again."),
            "rate_limit": _(
                "Too many messages from your address in an hour. Please try again later."
            ),
        }[reason]
        return _form_page(
            request, form, status=429 if reason == "rate_limit" else 400, notice=notice
        )
    return _form_page(request, form, status=400)


def feedback_sent(request):
    return render(request, "feedback/sent.html")


@staff_member_required
def feedback_list(request):
    state = request.GET.get("tila", "unhandled")
    if state not in FILTERS:
        state = "unhandled"
    items = Feedback.objects.select_related("handled_by")
    counts = {"unhandled": items.unhandled().count(), "handled": items.handled().count()}
    if state == "unhandled":
        items = items.unhandled()
    elif state == "handled":
        items = items.handled()
    page = Paginator(items, 50).get_page(request.GET.get("sivu"))
    context = {
        "page": page,
        "state": state,
        "counts": counts,
        "retention_days": settings.FEEDBACK_RETENTION_DAYS,
    }
    return render(request, "feedback/staff_list.html", context)


@staff_member_required
@require_POST
def feedback_action(request, pk):
    feedback = get_object_or_404(Feedback, pk=pk)
    try:
        if request.POST.get("action") == "reopen":
            feedback_reopen(feedback, actor=request.user)
            messages.success(request, _("The feedback is marked unhandled again."))
        else:
            feedback_mark_handled(feedback, actor=request.user)
            messages.success(request, _("The feedback is marked handled."))
    except FeedbackError as error:
        messages.error(request, str(error))
    state = request.POST.get("tila", "")
    return redirect(reverse("feedback:staff") + f"?tila={state if state in FILTERS else 'all'}")
