"""State changes of submissions (STYLE.md: ``<noun>_<verb>``).

Each checks the current state, runs in one transaction, leaves an audit entry and
queues email for after the commit, in the submitter's language.
"""

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from coaching.models import GRANTED as COACHING_GRANTED
from coaching.services import application_deed_record
from deeds.services import deed_contacts_withdraw, deed_publish
from emails.services import email_queue
from organisations.models import Organisation

from .apply import deed_write, values_from_deed
from .files import NO_FILE_CHANGES, files_apply, files_atomic, files_check, files_missing_text
from .forms import LICENCE_TEXT, LICENCE_VERSION, SubmissionForm, as_form_data, organisation_named
from .models import (
    FileKind,
    OrganisationRequest,
    OrganisationRequestStatus,
    Submission,
    SubmissionFile,
    SubmissionStatus,
)


class SubmissionError(Exception):
    """The submission is not in a state, or not complete enough, for this change."""


def _email(submission, template, **context):
    if submission.email:
        email_queue(
            to=submission.email,
            template=template,
            context={
                "submission": submission,
                "follow_path": submission.get_secret_url(),
                **context,
            },
            language=submission.language,
            secrets=[submission.link_token],
        )


def submission_save(
    *,
    form_key,
    values,
    language,
    files=NO_FILE_CHANGES,
    submission=None,
    actor=None,
    event=None,
    coaching=None,
):
    """Keep what was typed, valid or not, and the post's file changes, in one
    transaction. Creates the draft on the first save; a second post with the same form
    key (double click, resend) finds the same one, and a file it brings again is not
    added twice.

    ``event``: the workshop whose share link opened the form (submissions.prefill);
    ``coaching``: the coaching application whose closing email's link did. Recorded
    when the draft is created.

    Returns the submission and messages naming the uploads that were refused (by
    content, or over the limit); the rest of the post is kept. Raises FileStorageError
    when storage fails, and then nothing of the post is kept.
    """
    checked = files_check(files)
    with files_atomic() as written:
        submission = _draft_for_update(form_key, language, submission, actor, event, coaching)
        if not submission.is_editable:
            raise SubmissionError(_("This deed has already been sent and cannot be changed here."))
        _save_values(submission, values, language)
        refused = files_apply(
            submission,
            files,
            checked,
            written=written,
            actor=actor,
            actor_label=_label(actor, submission),
        )
    return submission, checked.refused + refused


def _draft_for_update(form_key, language, submission, actor, event=None, coaching=None):
    """The submission a post saves, locked until the post is saved (posts of one form
    take turns); created, and its start logged, on the form's first save."""
    if submission is not None:
        return Submission.objects.select_for_update().get(pk=submission.pk)
    try:
        with transaction.atomic():
            submission, created = Submission.objects.select_for_update().get_or_create(
                form_key=form_key,
                defaults={
                    "language": language,
                    "created_by": actor if actor and actor.is_authenticated else None,
                    "event": event,
                    "coaching": coaching,
                },
            )
    except IntegrityError:  # the same form's other post created it a moment ago
        submission, created = Submission.objects.select_for_update().get(form_key=form_key), False
    if created:
        origin = {"event": event.pk} if event else {}
        if coaching:
            origin["coaching"] = coaching.pk
        submission.log_action(
            "submission.created",
            actor=actor,
            actor_label=_label(actor),
            data=origin or None,
        )
    return submission


def _save_values(submission, values, language):
    email = values.get("email", "").strip()[:254]
    if (
        submission.status == SubmissionStatus.UNVERIFIED
        and email.lower() != submission.email.lower()
    ):
        # The confirmation went to the old address: sending again asks the new one.
        submission.status = SubmissionStatus.DRAFT
    submission.data = values
    submission.email = email
    submission.language = language
    submission.organisation = organisation_named(str(values.get("organisation_name", ""))) or (
        submission.deed.organisation if submission.is_revision and submission.deed_id else None
    )
    _keep_licence_agreement(submission, agreed=bool(values.get("licence")), language=language)
    submission.save(
        update_fields=[
            "status",
            "data",
            "email",
            "language",
            "organisation",
            "licence_text",
            "licence_version",
            "licence_agreed_at",
            "updated_at",
        ]
    )


def _keep_licence_agreement(submission, *, agreed, language):
    """Store the licence wording the submitter ticked, as shown to them (the form is
    rendered in ``language``); an untick withdraws it until ticked again."""
    if not agreed:
        submission.licence_text = submission.licence_version = ""
        submission.licence_agreed_at = None
        return
    with translation.override(language):
        text = str(LICENCE_TEXT)
    if (submission.licence_text, submission.licence_version) != (text, LICENCE_VERSION):
        submission.licence_text = text
        submission.licence_version = LICENCE_VERSION
        submission.licence_agreed_at = timezone.now()


def _notify_moderators(submission):
    """Staff who asked for it hear of each deed that starts waiting for them."""
    for user in get_user_model().objects.moderation_recipients():
        email_queue(
            to=user.email,
            template="moderation_waiting",
            context={"submission": submission},
            language=user.language,
        )


def _label(actor, submission=None):
    if actor is not None and getattr(actor, "is_authenticated", False):
        return actor.get_username()
    return f"submitter <{submission.email}>" if submission and submission.email else "submitter"


def submission_form(submission, *, submitter=False):
    """The stored contents as a bound form; ``submitter`` adds the checks only the
    submitter's own sending needs (the licence agreement)."""
    return SubmissionForm(data=as_form_data(submission.data), submitter=submitter)


@transaction.atomic
def submission_send(submission, *, actor=None):
    """Send the deed for moderation; the email address is confirmed first."""
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if submission.status in (
        SubmissionStatus.UNVERIFIED,
        SubmissionStatus.IN_REVIEW,
        SubmissionStatus.PUBLISHED,
    ):
        return submission  # sent already (a double click or a resend): nothing more
    if not submission.is_editable:
        raise SubmissionError(_("This deed can no longer be sent."))
    form = submission_form(submission, submitter=True)
    if not form.is_valid() or files_missing_text(submission):
        raise SubmissionError(_("Some information is missing. Check the form."))
    _request_organisation(submission, form)
    previous = submission.status
    submission.submitted_at = timezone.now()
    if submission.email_is_verified or (actor and actor.is_authenticated):
        submission.status = SubmissionStatus.IN_REVIEW
        _notify_moderators(submission)
    else:
        submission.status = SubmissionStatus.UNVERIFIED
        _email(submission, "submission_confirm")
    submission.save(update_fields=["status", "submitted_at", "updated_at"])
    submission.log_action(
        "submission.sent",
        actor=actor,
        actor_label=_label(actor, submission),
        data={
            "from": previous,
            "to": submission.status,
            "licence_version": submission.licence_version,
        },
    )
    return submission


def _request_organisation(submission, form):
    data = form.cleaned_data
    if not data.get("organisation_missing"):
        OrganisationRequest.objects.filter(
            submission=submission, status=OrganisationRequestStatus.PENDING
        ).delete()
        return
    OrganisationRequest.objects.update_or_create(
        submission=submission,
        defaults={
            "name": data["new_organisation_name"],
            "type": data["new_organisation_type"],
            "municipality": data["new_organisation_municipality"],
        },
    )


@transaction.atomic
def submission_confirm_email(submission):
    """The submitter opened the secret link we emailed: the address is theirs."""
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if not submission.email or submission.email_is_verified:
        return submission
    submission.email_verified = submission.email
    fields = ["email_verified", "updated_at"]
    if submission.status == SubmissionStatus.UNVERIFIED:
        submission.status = SubmissionStatus.IN_REVIEW
        fields.append("status")
        _notify_moderators(submission)
    submission.save(update_fields=fields)
    submission.log_action(
        "submission.email_confirmed",
        actor_label=_label(None, submission),
        data={"status": submission.status},
    )
    return submission


def submission_resend_confirmation(submission):
    if submission.status != SubmissionStatus.UNVERIFIED:
        raise SubmissionError(_("The address is already confirmed."))
    with transaction.atomic():
        _email(submission, "submission_confirm")
        submission.log_action(
            "submission.confirmation_resent", actor_label=_label(None, submission)
        )


def submission_email_link(submission):
    """Email the secret link to a draft, so it can be finished later."""
    if not submission.email:
        raise SubmissionError(_("Give your email address first."))
    with transaction.atomic():
        _email(submission, "submission_draft_link")
        submission.log_action("submission.link_sent", actor_label=_label(None, submission))


@transaction.atomic
def submission_start_revision(deed, *, email, language, actor=None):
    """A new draft that edits a published deed; the published version stays live."""
    existing = Submission.objects.open_revisions().filter(deed=deed).first()
    if existing is not None:
        return existing
    submission = Submission.objects.create(
        deed=deed,
        organisation=deed.organisation,
        is_revision=True,
        data={**values_from_deed(deed), "email": email},
        email=email,
        email_verified=email,
        language=language,
        created_by=actor if actor and actor.is_authenticated else None,
    )
    for position, image in enumerate(deed.images.all()):
        SubmissionFile.objects.create(
            submission=submission,
            kind=FileKind.IMAGE,
            # The deed's public copy, shared: nothing private to keep for it.
            published_name=image.image.name,
            original_name=image.image.name.rsplit("/", 1)[-1],
            alt_text=image.alt_text,
            width=image.width,
            height=image.height,
            position=position,
        )
    for position, attachment in enumerate(deed.attachments.all()):
        SubmissionFile.objects.create(
            submission=submission,
            kind=FileKind.ATTACHMENT,
            published_name=attachment.file.name,
            original_name=f"{attachment.title}.pdf",
            size=attachment.size,
            position=position,
        )
    submission.log_action(
        "submission.revision_started",
        actor=actor,
        actor_label=_label(actor, submission),
        data={"deed": deed.pk},
    )
    return submission


def _in_review(submission_id):
    submission = Submission.objects.select_for_update().get(pk=submission_id)
    if submission.status != SubmissionStatus.IN_REVIEW:
        raise SubmissionError(
            _("Only a deed in moderation can be decided; this one is “%(status)s”.")
            % {"status": submission.get_status_display()}
        )
    return submission


def submission_organisation(submission, *, actor, organisation=None):
    """The organisation a publication uses: the chosen one, or one staff confirm from
    a "not listed" request (or merge the request into ``organisation``)."""
    request = OrganisationRequest.objects.filter(
        submission=submission, status=OrganisationRequestStatus.PENDING
    ).first()
    if request is None:
        return None
    if organisation is not None:
        request.status = OrganisationRequestStatus.MERGED
    else:
        organisation = Organisation.objects.create(
            name_fi=request.name, type=request.type or "other", municipality=request.municipality
        )
        organisation.log_action("organisation.created", actor=actor, data={"request": request.pk})
        request.status = OrganisationRequestStatus.CONFIRMED
    request.organisation = organisation
    request.save(update_fields=["status", "organisation"])
    request.log_action(f"organisation_request.{request.status}", actor=actor)
    return organisation


def submission_publish(submission, *, actor, organisation=None):
    """Publish a new deed, or put an edit of a published deed live. Its files are
    copied to the public storage; if publishing fails, the copies are deleted again."""
    with files_atomic() as written:
        return _publish(submission, actor=actor, organisation=organisation, written=written)


def _publish(submission, *, actor, organisation, written):
    submission = _in_review(submission.pk)
    form = submission_form(submission)
    if not form.is_valid():
        raise SubmissionError(_("The deed is not complete; edit it before publishing."))
    organisation = submission_organisation(submission, actor=actor, organisation=organisation)
    organisation = organisation or form.organisation
    if organisation is None:
        raise SubmissionError(_("Choose the organisation before publishing."))
    if submission.is_revision:
        deed = deed_write(
            submission,
            form.cleaned_data,
            organisation=organisation,
            deed=submission.deed,
            final=True,
            written=written,
        )
        deed.log_action("deed.revised", actor=actor, data={"submission": submission.pk})
    else:
        deed = deed_write(
            submission, form.cleaned_data, organisation=organisation, final=True, written=written
        )
        deed.log_action("deed.created", actor=actor, data={"submission": submission.pk})
        deed = deed_publish(deed, actor=actor)
    submission.deed = deed
    submission.organisation = organisation
    submission.status = SubmissionStatus.PUBLISHED
    submission.decided_at = timezone.now()
    submission.save(update_fields=["deed", "organisation", "status", "decided_at", "updated_at"])
    submission.log_action("submission.published", actor=actor, data={"deed": deed.pk})
    _coaching_deed_record(submission, deed, actor)
    _email(submission, "submission_published", deed_url=deed.get_absolute_url())
    return submission


def _coaching_deed_record(submission, deed, actor):
    """The coaching the deed came out of lists it (and so does its expert's profile)."""
    application = submission.coaching
    if application is None or application.status not in COACHING_GRANTED:
        return
    application_deed_record(application, deed, actor=actor)


@transaction.atomic
def submission_return(submission, *, actor, message):
    """Send the deed back to its submitter with a message; they edit and send again."""
    if not message.strip():
        raise SubmissionError(_("Write a message to the submitter."))
    submission = _in_review(submission.pk)
    submission.status = SubmissionStatus.RETURNED
    submission.message = message.strip()
    submission.save(update_fields=["status", "message", "updated_at"])
    submission.log_action("submission.returned", actor=actor, reason=submission.message)
    _email(submission, "submission_returned")
    return submission


@transaction.atomic
def submission_reject(submission, *, actor, reason):
    if not reason.strip():
        raise SubmissionError(_("Give a reason for rejecting."))
    submission = _in_review(submission.pk)
    submission.status = SubmissionStatus.REJECTED
    submission.message = reason.strip()
    submission.decided_at = timezone.now()
    submission.save(update_fields=["status", "message", "decided_at", "updated_at"])
    submission.log_action("submission.rejected", actor=actor, reason=submission.message)
    _email(submission, "submission_rejected")
    return submission


def submission_edit_by_staff(submission, *, values, actor, files=NO_FILE_CHANGES):
    """A moderator corrects the contents and files before deciding, in one
    transaction; the log says which fields, and which files came or went. Returns
    the submission and messages naming refused uploads, as submission_save."""
    checked = files_check(files)
    with files_atomic() as written:
        submission = Submission.objects.select_for_update().get(pk=submission.pk)
        if submission.status != SubmissionStatus.IN_REVIEW:
            raise SubmissionError(_("Only a deed in moderation can be edited here."))
        changed = sorted(
            name
            for name in {*values, *submission.data}
            if values.get(name) != submission.data.get(name) and name != "email"
        )
        values = {**values, "email": submission.data.get("email", "")}
        submission.data = values
        submission.organisation = organisation_named(str(values.get("organisation_name", ""))) or (
            submission.organisation
        )
        submission.save(update_fields=["data", "organisation", "updated_at"])
        submission.log_action("submission.edited", actor=actor, data={"fields": changed})
        refused = files_apply(
            submission, files, checked, written=written, actor=actor, actor_label=_label(actor)
        )
    return submission, checked.refused + refused


@transaction.atomic
def submission_withdraw_consent(submission):
    """Contact details stop being public at once, on the deed and in the form (GDPR
    art. 7(3): withdrawing consent must be as easy as giving it)."""
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    submission.data = {
        k: v for k, v in submission.data.items() if not k.startswith("contact_consent")
    }
    submission.save(update_fields=["data", "updated_at"])
    if submission.deed_id:
        deed_contacts_withdraw(submission.deed)
        for pending in Submission.objects.filter(deed=submission.deed_id).exclude(pk=submission.pk):
            pending.data = {
                k: v for k, v in pending.data.items() if not k.startswith("contact_consent")
            }
            pending.save(update_fields=["data", "updated_at"])
    submission.log_action("submission.consent_withdrawn", actor_label=_label(None, submission))
    return submission
