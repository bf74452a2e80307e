"""The public "share a deed" form and the submitter's secret link."""

import re
from dataclasses import replace

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.ratelimit import client_rate_limited, email_rate_limited
from organisations.finder import clean_query, find_organisations

from .apply import contact_consents
from .file_views import with_urls
from .files import (
    NOT_STORED,
    FileStorageError,
    file_changes,
    files_as_posted,
    files_missing_text,
)
from .forms import SubmissionForm, raw_values, without_nul
from .models import Submission, SubmissionStatus, new_secret
from .prefill import (
    COACHING_PARAMETER,
    EVENT_PARAMETER,
    coaching_of,
    coaching_token,
    event_of,
    initial_values,
)
from .preview import render_preview
from .services import (
    SubmissionError,
    submission_confirm_email,
    submission_email_link,
    submission_form,
    submission_resend_confirmation,
    submission_save,
    submission_send,
    submission_start_revision,
    submission_withdraw_consent,
)
from .spam import blocked_record, spam_reason, started_token

FORM_KEY = re.compile(r"^[A-Za-z0-9_-]{20,64}$")
FIND_CHOICES = 10


def _by_form_key(form_key):
    # Checked before the lookup: PostgreSQL refuses some characters (NUL) outright.
    if not FORM_KEY.match(form_key):
        raise Http404
    return get_object_or_404(Submission, form_key=form_key)


def form_page(
    request,
    form,
    submission=None,
    *,
    status=200,
    notice=None,
    form_key=None,
    saved=None,
    focus_summary=True,
    files=None,
    event=None,
    coaching=None,
):
    """The share form; ``saved`` says whether what the page shows is stored as a draft
    (a blocked post is shown again but not stored, and the page must not claim it is).
    Until the draft is stored, a workshop's share link (submissions.prefill) rides along
    in a hidden field, so the first save records the event; a closed coaching's link
    (its signed token) likewise."""
    params = request.POST if request.method == "POST" else request.GET
    if submission is None and event is None:
        event = event_of(params.get(EVENT_PARAMETER))
    if submission is None and coaching is None:
        coaching = coaching_of(params.get(COACHING_PARAMETER))
    # After "Find" (no JavaScript): the organisations matching what was typed, as choices.
    finding = ""
    if request.method == "GET" and "find" in request.GET:
        finding = clean_query(form["organisation_name"].value() or "")
    context = {
        "saved": submission is not None if saved is None else saved,
        "focus_summary": focus_summary,
        "form": form,
        "submission": submission,
        "form_key": submission.form_key if submission else form_key or new_secret(),
        "started": started_token(),
        "files": with_urls(
            files if files is not None else list(submission.files.all()) if submission else [],
            submission.form_key if submission else None,
        ),
        "finding": finding,
        "candidates": find_organisations(finding, limit=FIND_CHOICES)
        if finding
        else form.candidates()
        if form.is_bound
        else [],
        "notice": notice,
        "from_event": event if submission is None else submission.event,
        "from_coaching": coaching if submission is None else submission.coaching,
        "coaching_token": coaching_token(coaching) if submission is None and coaching else "",
        "max_images": settings.SUBMISSION_MAX_IMAGES,
        "max_attachments": settings.SUBMISSION_MAX_ATTACHMENTS,
    }
    return render(request, "submissions/form.html", context, status=status)


def submission_new(request):
    if request.method == "POST":
        return _save(request, None)
    initial, event = initial_values(request.GET)
    form = SubmissionForm(initial={"language": get_language()[:2], **initial})
    return form_page(request, form, event=event)


def submission_edit(request, form_key):
    submission = _by_form_key(form_key)
    if not submission.is_editable:
        return redirect("submissions:sent", form_key=form_key)
    if request.method == "POST":
        return _save(request, submission)
    return form_page(request, SubmissionForm(initial=submission.data), submission)


def _save(request, submission):
    post = request.POST
    form_key = post.get("form_key", "") if submission is None else submission.form_key
    if not FORM_KEY.match(form_key):
        form_key = new_secret()
    if submission is None:  # a double-clicked first save finds the first one
        submission = Submission.objects.filter(form_key=form_key).first()
    reason = spam_reason(post, first_save=submission is None)
    if reason is None and submission is None:
        if client_rate_limited(request, "new", settings.SUBMISSION_RATE_PER_HOUR):
            reason = "rate_limit"
    if reason is not None:
        blocked_record(reason)
        notice = {
            "honeypot": _("The form could not be saved. If you are a person, please save again."),
            "no_timestamp": _("The form had expired. Check the fields and save again."),
            "too_fast": _("The form was sent very quickly. Wait a moment and save again."),
            "rate_limit": _(
                "Too many new deeds from your address in an hour. Please try again later."
            ),
        }[reason]
        status = 429 if reason == "rate_limit" else 400
        return _not_saved(request, None, form_key, notice, status=status)
    changes = file_changes(post, request.FILES)
    if _uploads_over_limit(request, changes):
        # Decoding images is the costly part of a post: past the hourly limit the files
        # are not opened at all, while the text is saved as always.
        changes = replace(changes, uploads={})
        messages.error(
            request,
            _(
                "Too many files from your address in an hour: the files of this save were "
                "not added. Your text is saved; add the files again later."
            ),
        )
    try:
        submission, file_errors = submission_save(
            form_key=form_key,
            values=raw_values(post),
            files=changes,
            language=get_language()[:2],
            submission=submission,
            actor=request.user,
            event=event_of(post.get(EVENT_PARAMETER)) if submission is None else None,
            coaching=coaching_of(post.get(COACHING_PARAMETER)) if submission is None else None,
        )
    except SubmissionError as error:
        messages.error(request, str(error))
        return redirect("submissions:sent", form_key=form_key)
    except FileStorageError:
        files = files_as_posted(submission, changes)
        return _not_saved(request, submission, form_key, NOT_STORED, status=503, files=files)
    for error in file_errors:
        messages.error(request, error)
    action = post.get("action", "save")
    edit_url = reverse("submissions:edit", kwargs={"form_key": submission.form_key})
    if action == "email_link":
        return _email_link(request, submission, edit_url)
    if action == "find_organisation" and submission.data.get("organisation_name", "").strip():
        # The draft is saved like on every button; the edit page then lists the
        # organisations matching what was typed (post/redirect/get: a reload is safe).
        # "Find" is the form's first button, so Enter in any field presses it: with no
        # organisation typed it is an ordinary save.
        return redirect(f"{edit_url}?find=1#organisation-candidates")
    if action == "preview":
        form = SubmissionForm(data=without_nul(post), submitter=True)
        missing = files_missing_text(submission)
        if form.is_valid() and not missing and not file_errors:
            return redirect("submissions:preview", form_key=submission.form_key)
        for message in missing:
            messages.error(request, message)
        return form_page(request, form, submission)
    messages.success(
        request,
        _(
            "Your draft is saved. You can come back to it at this address, "
            "or email yourself the link."
        ),
    )
    return redirect(edit_url)


def _uploads_over_limit(request, changes):
    """Count each uploaded file against the client's hourly SUBMISSION_UPLOADS_PER_HOUR."""
    count = sum(len(uploads) for uploads in changes.uploads.values())
    limit = settings.SUBMISSION_UPLOADS_PER_HOUR
    return any([client_rate_limited(request, "uploads", limit) for _ in range(count)])


def _not_saved(request, submission, form_key, notice, *, status, files=None):
    """The form again after a post that was not stored: what was typed comes back as
    the form's initial values (not validated: the person did nothing wrong), and the
    page says it is not stored."""
    return form_page(
        request,
        SubmissionForm(initial=raw_values(request.POST)),
        submission,
        status=status,
        notice=notice,
        form_key=form_key,
        saved=False,
        files=files,
    )


def _too_many_emails(request, submission):
    """Count one more email to the submitter; when over the hourly limit, record the
    block and tell the person (the caller then sends nothing)."""
    if not email_rate_limited(submission.email, settings.SUBMISSION_EMAILS_PER_HOUR):
        return False
    blocked_record("email_limit")
    messages.error(request, _("We have already sent several emails to this address. Try later."))
    return True


def _email_link(request, submission, edit_url):
    if not _is_email(submission.email):
        return _ask_for_email(request, submission)
    if not _too_many_emails(request, submission):
        submission_email_link(submission)
        messages.success(
            request,
            _("We sent a link to %(email)s. Your draft is kept.") % {"email": submission.email},
        )
    return redirect(edit_url)


def _ask_for_email(request, submission):
    """The draft is saved, but the link needs an address: the form again with only the
    email field marked, and focus on it."""
    form = SubmissionForm(data=without_nul(request.POST))
    form.full_clean()
    form.errors.clear()  # the rest is for sending, not for saving a draft
    form.add_error(
        "email",
        _("Write your email address, such as name@kunta.fi, so that we can send you the link."),
    )
    form.fields["email"].widget.attrs["autofocus"] = True
    return form_page(request, form, submission, focus_summary=False)


def _is_email(address):
    try:
        validate_email(address)
    except ValidationError:
        return False
    return True


def submission_preview(request, form_key):
    submission = _by_form_key(form_key)
    if not submission.is_editable:
        return redirect("submissions:sent", form_key=form_key)
    form = submission_form(submission, submitter=True)
    if not form.is_valid() or files_missing_text(submission):
        messages.error(request, _("Some information is missing. Check the form."))
        return redirect("submissions:edit", form_key=form_key)
    if request.method == "POST":
        if not submission.email_is_verified and _too_many_emails(request, submission):
            return redirect("submissions:preview", form_key=form_key)
        try:
            submission_send(submission, actor=request.user)
        except SubmissionError as error:
            messages.error(request, str(error))
            return redirect("submissions:edit", form_key=form_key)
        return redirect("submissions:sent", form_key=form_key)
    html, changes = render_preview(submission, form, request, form_key=submission.form_key)
    context = {"submission": submission, "article": html, "changes": changes}
    return render(request, "submissions/preview.html", context)


def submission_sent(request, form_key):
    submission = _by_form_key(form_key)
    if request.method == "POST":  # "send the confirmation link again"
        if not _too_many_emails(request, submission):
            try:
                submission_resend_confirmation(submission)
                messages.success(request, _("We sent the link again."))
            except SubmissionError as error:
                messages.error(request, str(error))
        return redirect("submissions:sent", form_key=form_key)
    return render(request, "submissions/sent.html", {"submission": submission})


def submission_follow(request, token):
    """The secret link from our emails: confirms the address, shows where the deed is
    and lets its submitter edit it or withdraw consent to publish contact details."""
    submission = Submission.objects.by_link_token(token)
    if submission is None:
        return render(request, "submissions/link_invalid.html", status=404)
    submission = submission_confirm_email(submission)
    revision = None
    if submission.status == SubmissionStatus.PUBLISHED and submission.deed_id:
        revision = (
            Submission.objects.open_revisions()
            .filter(deed=submission.deed_id)
            .exclude(pk=submission.pk)
            .first()
        )
    context = {
        "submission": submission,
        "token": token,
        "revision": revision,
        "contact_consents": contact_consents(submission),
    }
    return render(request, "submissions/follow.html", context)


@require_POST
def submission_follow_action(request, token):
    submission = Submission.objects.by_link_token(token)
    if submission is None:
        return render(request, "submissions/link_invalid.html", status=404)
    action = request.POST.get("action")
    if action == "edit":
        if submission.is_editable:
            return redirect("submissions:edit", form_key=submission.form_key)
        if submission.status == SubmissionStatus.PUBLISHED and submission.deed_id:
            revision = submission_start_revision(
                submission.deed, email=submission.email, language=get_language()[:2]
            )
            return redirect("submissions:edit", form_key=revision.form_key)
        messages.error(request, _("This deed cannot be edited now."))
    elif action == "withdraw_consent":
        submission_withdraw_consent(submission)
        messages.success(request, _("The contact details are no longer published."))
    return redirect("submissions:follow", token=token)
