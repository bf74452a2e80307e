"""State changes of feedback (STYLE.md: ``<noun>_<verb>``)."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from emails.services import email_queue

from .models import Feedback


class FeedbackError(Exception):
    """The feedback is not in a state for this change."""


def _notify_staff(feedback):
    # The same staff who hear of deeds waiting for moderation (accounts.User's
    # notify_moderation): one team reads what the public sends. The message names no
    # sender, so the outbox holds no personal data of the person giving feedback.
    for user in get_user_model().objects.moderation_recipients():
        email_queue(
            to=user.email,
            template="feedback_received",
            context={"feedback": feedback},
            language=user.language,
        )


@transaction.atomic
def feedback_submit(*, topic, message, email="", page="", language="fi"):
    feedback = Feedback.objects.create(
        topic=topic, message=message, email=email, page=page, language=language
    )
    # The sender is anonymous or gave only an address for a reply: not in the log.
    feedback.log_action("feedback.submitted", actor_label="public", data={"topic": topic})
    _notify_staff(feedback)
    return feedback


@transaction.atomic
def feedback_mark_handled(feedback, *, actor):
    feedback = Feedback.objects.select_for_update().get(pk=feedback.pk)
    if feedback.is_handled:
        raise FeedbackError(_("This feedback is already marked handled."))
    feedback.handled_at = timezone.now()
    feedback.handled_by = actor
    feedback.save(update_fields=["handled_at", "handled_by"])
    feedback.log_action("feedback.handled", actor=actor)
    return feedback


@transaction.atomic
def feedback_reopen(feedback, *, actor):
    feedback = Feedback.objects.select_for_update().get(pk=feedback.pk)
    if not feedback.is_handled:
        raise FeedbackError(_("This feedback is not marked handled."))
    feedback.handled_at = None
    feedback.handled_by = None
    feedback.save(update_fields=["handled_at", "handled_by"])
    feedback.log_action("feedback.reopened", actor=actor)
    return feedback
