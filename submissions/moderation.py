"""Staff views: the moderation queue, one submission as it will look, and decisions."""

from datetime import timedelta

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.db.models import Sum
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from organisations.models import Organisation

from .apply import contact_consents, unknown_partners
from .file_views import with_urls
from .files import (
    NOT_STORED,
    FileStorageError,
    file_changes,
    files_as_posted,
    files_missing_text,
)
from .forms import SubmissionForm, raw_values, without_nul
from .models import (
    BlockedAttempt,
    OrganisationRequestStatus,
    Submission,
    SubmissionStatus,
)
from .preview import render_preview
from .services import (
    SubmissionError,
    submission_edit_by_staff,
    submission_form,
    submission_publish,
    submission_reject,
    submission_return,
)


class DecisionForm(forms.Form):
    message = forms.CharField(
        label=gettext_lazy("Message to the submitter, or reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    merge_into = forms.ModelChoiceField(
        Organisation.objects.public().order_by("sort_key"),
        label=gettext_lazy("Merge the new organisation into"),
        required=False,
        empty_label=gettext_lazy("— add it to the registry as a new organisation —"),
    )


def history(submission):
    """The submission's log, with its deed's (publication, contact persons' answers),
    newest first."""
    entries = list(submission.audit_entries().select_related("actor"))
    if submission.deed_id:
        entries += submission.deed.audit_entries().select_related("actor")
        # "Contact person asked" says whom (the entry stores only the row's id).
        names = dict(submission.deed.contacts.values_list("pk", "name"))
        for entry in entries:
            entry.subject = names.get(entry.data.get("contact"), "")
    return sorted(entries, key=lambda e: (e.created_at, e.pk), reverse=True)


@staff_member_required
def moderation_queue(request):
    waiting = (
        Submission.objects.in_review().oldest_first().select_related("deed", "organisation_request")
    )
    since = timezone.localdate() - timedelta(days=30)
    blocked = BlockedAttempt.objects.filter(day__gte=since)
    context = {
        "waiting": waiting,
        "now": timezone.now(),
        "counts": {
            status: Submission.objects.filter(status=status).count()
            for status in (SubmissionStatus.UNVERIFIED, SubmissionStatus.RETURNED)
        },
        "blocked_total": blocked.aggregate(total=Sum("count"))["total"] or 0,
        "blocked_by_reason": blocked.values("reason").annotate(total=Sum("count")).order_by(),
    }
    return render(request, "submissions/moderation_queue.html", context)


NOT_PUBLISHED = gettext_lazy(
    "The images and attachments could not be copied for publication just now, so the "
    "deed was not published. Try again in a moment."
)


@staff_member_required
def moderation_review(request, pk):
    submission = get_object_or_404(
        Submission.objects.select_related("deed", "organisation_request", "event"), pk=pk
    )
    decision = DecisionForm(request.POST or None)
    if request.method == "POST" and decision.is_valid():
        action = request.POST.get("action")
        try:
            if action == "publish":
                submission_publish(
                    submission, actor=request.user, organisation=decision.cleaned_data["merge_into"]
                )
                messages.success(request, _("The deed is published."))
            elif action == "return":
                submission_return(
                    submission, actor=request.user, message=decision.cleaned_data["message"]
                )
                messages.success(request, _("The deed was returned to its submitter."))
            elif action == "reject":
                submission_reject(
                    submission, actor=request.user, reason=decision.cleaned_data["message"]
                )
                messages.success(request, _("The deed was rejected."))
            return redirect("moderation:queue")
        except SubmissionError as error:
            messages.error(request, str(error))
        except FileStorageError:
            messages.error(request, NOT_PUBLISHED)
    form = submission_form(submission)
    html, changes = ("", [])
    if form.is_valid():
        html, changes = render_preview(submission, form, request)
    organisation_request = getattr(submission, "organisation_request", None)
    if organisation_request and organisation_request.status != OrganisationRequestStatus.PENDING:
        organisation_request = None
    context = {
        "submission": submission,
        "form": form,
        "article": html,
        "changes": changes,
        "decision": decision,
        "organisation_request": organisation_request,
        "unknown_partners": unknown_partners(submission.data.get("partners", "")),
        "audit": history(submission),
        "contact_consents": contact_consents(submission),
        "can_decide": submission.status == SubmissionStatus.IN_REVIEW,
    }
    return render(request, "submissions/moderation_review.html", context)


@staff_member_required
def moderation_edit(request, pk):
    submission = get_object_or_404(Submission, pk=pk)
    status, files = 200, None
    if request.method == "POST":
        form = SubmissionForm(data=without_nul(request.POST))
        changes = file_changes(request.POST, request.FILES)
        try:
            submission, file_errors = submission_edit_by_staff(
                submission, values=raw_values(request.POST), files=changes, actor=request.user
            )
        except SubmissionError as error:
            messages.error(request, str(error))
            return redirect("moderation:review", pk=pk)
        except FileStorageError:
            # Nothing was saved; the bound form shows what was typed.
            messages.error(request, NOT_STORED)
            status, files = 503, files_as_posted(submission, changes)
        else:
            for error in file_errors:
                messages.error(request, error)
            missing = files_missing_text(submission)
            for message in missing:
                messages.error(request, message)
            if form.is_valid() and not file_errors and not missing:
                messages.success(request, _("Changes saved."))
                return redirect("moderation:review", pk=pk)
    else:
        form = SubmissionForm(initial=submission.data)
    context = {
        "form": form,
        "submission": submission,
        "staff_edit": True,
        "files": with_urls(files if files is not None else list(submission.files.all())),
        "organisation_names": Organisation.objects.public()
        .order_by("sort_key")
        .values_list("name_fi", flat=True),
        "candidates": form.candidates() if form.is_bound else [],
        "max_images": settings.SUBMISSION_MAX_IMAGES,
        "max_attachments": settings.SUBMISSION_MAX_ATTACHMENTS,
    }
    return render(request, "submissions/form.html", context, status=status)
