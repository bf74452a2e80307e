"""Readable, translated names for the audit log's actions and actors.

Entries store stable machine names (``submission.email_confirmed``) so that the log
can be searched and never changes with the wording; staff pages show these labels.
tests/audit/test_audit_labels.py fails when code logs an action that has no label.
"""

from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy

ACTION_LABELS = {
    "application.accepted": gettext_lazy("Coaching application accepted"),
    "application.anonymised": gettext_lazy("Coaching application's personal data removed"),
    "application.assessing": gettext_lazy("Coaching application taken for assessment"),
    "application.closed": gettext_lazy("Coaching closed"),
    "application.declined": gettext_lazy("Coaching application declined"),
    "application.deed_recorded": gettext_lazy("Deed recorded as coming from the coaching"),
    "application.expert_changed": gettext_lazy("Coaching handed to another expert"),
    "application.feedback_opened": gettext_lazy("Coaching feedback opened"),
    "application.feedback_reminded": gettext_lazy("Coaching feedback reminder sent"),
    "application.message": gettext_lazy("Message on a coaching application"),
    "application.note": gettext_lazy("Note on a coaching application"),
    "application.realised": gettext_lazy("Coaching realised"),
    "application.scheduled": gettext_lazy("Coaching scheduled"),
    "application.session_planned": gettext_lazy("Coaching session planned"),
    "application.submitted": gettext_lazy("Coaching application sent"),
    "application.withdrawn": gettext_lazy("Coaching application withdrawn"),
    "expert.changed": gettext_lazy("Coaching expert changed"),
    "expert.created": gettext_lazy("Coaching expert added"),
    "expert.invited": gettext_lazy("Coaching expert invited"),
    "expert.joined": gettext_lazy("Coaching expert signed up"),
    "round.changed": gettext_lazy("Coaching round changed"),
    "round.applications_exported": gettext_lazy("Coaching applications exported"),
    "round.created": gettext_lazy("Coaching round created"),
    "round.experts_set": gettext_lazy("Coaching round's experts changed"),
    "session.corrected": gettext_lazy("Coaching session corrected"),
    "session.planned": gettext_lazy("Coaching session planned"),
    "session.recorded": gettext_lazy("Coaching session recorded"),
    "session.removed": gettext_lazy("Coaching session removed"),
    "account.created": gettext_lazy("Account created"),
    "account.recovery_code_used": gettext_lazy("Signed in with a recovery code"),
    "account.second_factor_enabled": gettext_lazy("Two-step sign-in turned on"),
    "account.second_factor_reset": gettext_lazy("Two-step sign-in reset"),
    "award.decided": gettext_lazy("Award decided"),
    "award.door_set": gettext_lazy("Advent calendar door of an award set"),
    "award.withdrawn": gettext_lazy("Award withdrawn"),
    "campaign.changed": gettext_lazy("Campaign changed"),
    "campaign.created": gettext_lazy("Campaign created"),
    "deed.changed": gettext_lazy("Deed changed"),
    "deed.contact_consent_asked": gettext_lazy("Contact person asked for consent"),
    "deed.contact_consent_given": gettext_lazy("Contact person agreed to publication"),
    "deed.contact_consent_withdrawn": gettext_lazy("Contact person declined or withdrew consent"),
    "deed.contact_handed_over": gettext_lazy("Contact handed over to a colleague"),
    "deed.created": gettext_lazy("Deed created"),
    "deed.imported": gettext_lazy("Deed imported"),
    "deed.published": gettext_lazy("Deed published"),
    "deed.revised": gettext_lazy("Published deed updated"),
    "deed.unpublished": gettext_lazy("Deed unpublished"),
    "editorship.added": gettext_lazy("Editor added"),
    "editorship.changed": gettext_lazy("Editorship changed"),
    "editorship.removed": gettext_lazy("Editor removed"),
    "event.attendance_marked": gettext_lazy("Attendance marked"),
    "event.cancelled": gettext_lazy("Event cancelled"),
    "event.changed": gettext_lazy("Event changed"),
    "event.created": gettext_lazy("Event created"),
    "event.message_sent": gettext_lazy("Message sent to registrants"),
    "event.published": gettext_lazy("Event published"),
    "event.recording_published": gettext_lazy("Recording published"),
    "event.registered": gettext_lazy("Registered for an event"),
    "event.registration_cancelled": gettext_lazy("Registration cancelled"),
    "event.registration_changed": gettext_lazy("Registration changed"),
    "event.registration_closed": gettext_lazy("Registration closed"),
    "event.registration_opened": gettext_lazy("Registration opened"),
    "event.registration_promoted": gettext_lazy("Promoted from the waiting list"),
    "event.registrations_exported": gettext_lazy("Registrants exported"),
    "event.reminders_sent": gettext_lazy("Event reminders sent"),
    "event.thanks_sent": gettext_lazy("Thank-you messages sent"),
    "event.waitlist_left": gettext_lazy("Left the waiting list"),
    "event.waitlisted": gettext_lazy("Joined the waiting list"),
    "series.changed": gettext_lazy("Event series changed"),
    "series.created": gettext_lazy("Event series created"),
    "feedback.handled": gettext_lazy("Feedback marked handled"),
    "feedback.reopened": gettext_lazy("Feedback reopened"),
    "feedback.submitted": gettext_lazy("Feedback received"),
    "gala.category_added": gettext_lazy("Award category added"),
    "gala.category_changed": gettext_lazy("Award category changed"),
    "gala.category_removed": gettext_lazy("Award category removed"),
    "gala.changed": gettext_lazy("Gala changed"),
    "gala.created": gettext_lazy("Gala created"),
    "gala.published": gettext_lazy("Gala results published"),
    "gala.scheduled": gettext_lazy("Publication of gala results scheduled"),
    "gala.shortlisted": gettext_lazy("Deed shortlisted"),
    "gala.shortlist_changed": gettext_lazy("Jury notes changed"),
    "gala.shortlist_removed": gettext_lazy("Deed taken off the shortlist"),
    "mention.added": gettext_lazy("Honourable mention added"),
    "mention.changed": gettext_lazy("Honourable mention changed"),
    "mention.removed": gettext_lazy("Honourable mention removed"),
    "highlight.cancelled": gettext_lazy("Highlight cancelled"),
    "highlight.changed": gettext_lazy("Highlight changed"),
    "highlight.scheduled": gettext_lazy("Highlight scheduled"),
    "invitation.accepted": gettext_lazy("Editor invitation accepted"),
    "invitation.cancelled": gettext_lazy("Editor invitation cancelled"),
    "invitation.resent": gettext_lazy("Editor invitation sent again"),
    "invitation.sent": gettext_lazy("Editor invitation sent"),
    "newsletter.bounced": gettext_lazy("Newsletter bounce received"),
    "newsletter.confirmed": gettext_lazy("Newsletter subscription confirmed"),
    "newsletter.imported": gettext_lazy("Imported as a newsletter subscriber"),
    "newsletter.issue_changed": gettext_lazy("Newsletter issue changed"),
    "newsletter.issue_created": gettext_lazy("Newsletter issue created"),
    "newsletter.issue_deleted": gettext_lazy("Newsletter issue deleted"),
    "newsletter.issue_paused": gettext_lazy("Newsletter issue paused"),
    "newsletter.issue_recorded": gettext_lazy("Newsletter issue recorded as sent elsewhere"),
    "newsletter.issue_resumed": gettext_lazy("Newsletter issue resumed"),
    "newsletter.issue_scheduled": gettext_lazy("Newsletter issue scheduled"),
    "newsletter.issue_sent": gettext_lazy("Newsletter issue sent"),
    "newsletter.issue_started": gettext_lazy("Newsletter issue started sending"),
    "newsletter.issue_test_sent": gettext_lazy("Newsletter issue test sent"),
    "newsletter.issue_unscheduled": gettext_lazy("Newsletter issue unscheduled"),
    "newsletter.preferences_changed": gettext_lazy("Newsletter preferences changed"),
    "newsletter.reinstated": gettext_lazy("Newsletter address reinstated"),
    "newsletter.set_aside": gettext_lazy("Newsletter address set aside"),
    "newsletter.subscribed": gettext_lazy("Subscribed to the newsletter"),
    "newsletter.subscribed_again": gettext_lazy("Subscribed to the newsletter again"),
    "newsletter.unsubscribed": gettext_lazy("Unsubscribed from the newsletter"),
    "organisation.changed": gettext_lazy("Organisation changed"),
    "organisation.created": gettext_lazy("Organisation added"),
    "organisation_request.confirmed": gettext_lazy("New organisation added to the registry"),
    "organisation_request.merged": gettext_lazy("New organisation merged into an existing one"),
    "privacy.erased": gettext_lazy("Personal data erased"),
    "ranking.changed": gettext_lazy("Ranking changed"),
    "ranking.frozen": gettext_lazy("Ranking frozen"),
    "ranking.published": gettext_lazy("Ranking published"),
    "ranking.unpublished": gettext_lazy("Ranking unpublished"),
    "submission.confirmation_resent": gettext_lazy("Confirmation link sent again"),
    "submission.consent_withdrawn": gettext_lazy(
        "Submitter stopped publishing the contact details"
    ),
    "submission.created": gettext_lazy("Draft started"),
    "submission.edited": gettext_lazy("Edited by a moderator"),
    "submission.email_confirmed": gettext_lazy("Email address confirmed"),
    "submission.file_added": gettext_lazy("Image or attachment added"),
    "submission.file_removed": gettext_lazy("Image or attachment removed"),
    "submission.link_sent": gettext_lazy("Link to the draft emailed"),
    "submission.published": gettext_lazy("Published"),
    "submission.rejected": gettext_lazy("Rejected"),
    "submission.returned": gettext_lazy("Returned to the submitter"),
    "submission.revision_started": gettext_lazy("Edit of the published deed started"),
    "submission.sent": gettext_lazy("Sent for moderation"),
}

# Stored actor descriptions of people without an account, by their English prefix.
ACTOR_KINDS = {
    "submitter": pgettext_lazy("audit actor", "Submitter"),
    "contact person": pgettext_lazy("audit actor", "Contact person"),
    "public": pgettext_lazy("audit actor", "Member of the public"),
    "registrant": pgettext_lazy("audit actor", "Registrant"),
    "applicant": pgettext_lazy("audit actor", "Applicant"),
}


def action_label(action):
    """The translated name of an action; the machine name if it has none yet."""
    return str(ACTION_LABELS.get(action, action))


def actor_label(entry):
    """Who did it, in the reader's language: the account's name, "System", or the
    kind of person with the address they used (``submitter <a@b.fi>``)."""
    if entry.actor is not None:
        return entry.actor.get_full_name() or entry.actor.get_username()
    label = entry.actor_label
    if not label or label == "system":
        return pgettext("audit actor", "System")
    kind, _sep, rest = label.partition(" <")
    if kind in ACTOR_KINDS:
        return f"{ACTOR_KINDS[kind]} <{rest}" if rest else str(ACTOR_KINDS[kind])
    return label
