"""State changes of newsletter issues (STYLE.md: ``<noun>_<verb>``).

draft → scheduled → sending ⇄ paused → sent. A draft or scheduled issue can be edited;
once it is being sent its content is fixed (the copies already written say what they
say). Sending itself is sending.py's.
"""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core import clock
from emails.services import email_queue
from recognition.highlights import Highlight
from recognition.models import Campaign

from .compose import PREFERENCES, UNSUBSCRIBE, Choice, IssueContent, deeds_since_default
from .models import Issue, IssueStatus, NewsItem


class IssueError(Exception):
    """The issue is not in a state for this change."""


def _locked(issue):
    return Issue.objects.select_for_update().get(pk=issue.pk)


@transaction.atomic
def issue_create(*, actor, key, subject_fi, now=None, **fields):
    """A new draft, with this week's highlights and the running campaign picked for it
    (staff may change both) and new deeds counted from the last issue."""
    now = now or clock.now()
    fields.setdefault("deeds_since", deeds_since_default(now))
    fields.setdefault("campaign", Campaign.objects.running(timezone.localdate(now)).first())
    issue = Issue(key=key, subject_fi=subject_fi, created_at=now, **fields)
    issue.full_clean()
    issue.save()
    issue.highlights.set(
        Highlight.objects.current(timezone.localdate(now)).values_list("deed", flat=True)
    )
    issue.log_action("newsletter.issue_created", actor=actor)
    return issue


EDITABLE = (
    "key", "subject_fi", "subject_sv", "subject_en", "intro_fi", "intro_sv", "intro_en",
    "closing_fi", "closing_sv", "closing_en", "campaign", "show_events", "show_new_deeds",
    "deeds_since",
)  # fmt: skip


@transaction.atomic
def issue_change(issue, *, actor, highlights=None, news=None, **fields):
    """Change a draft or scheduled issue. ``news``: the news items in order, as dicts of
    NewsItem fields (replacing the ones there were)."""
    issue = _locked(issue)
    if not issue.is_editable:
        raise IssueError(_("An issue that is being sent or has been sent cannot be changed."))
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise ValueError(f"Not changeable: {sorted(unknown)}")
    changed = sorted(key for key, value in fields.items() if getattr(issue, key) != value)
    for key in changed:
        setattr(issue, key, fields[key])
    issue.full_clean()
    issue.save()
    if highlights is not None:
        issue.highlights.set(highlights)
        changed.append("highlights")
    if news is not None:
        issue.news.all().delete()
        NewsItem.objects.bulk_create(
            [NewsItem(issue=issue, position=n, **item) for n, item in enumerate(news)]
        )
        changed.append("news")
    issue.log_action("newsletter.issue_changed", actor=actor, data={"fields": changed})
    return issue


@transaction.atomic
def issue_delete(issue, *, actor):
    issue = _locked(issue)
    if issue.status != IssueStatus.DRAFT:
        raise IssueError(_("Only a draft can be deleted."))
    issue.log_action("newsletter.issue_deleted", actor=actor, data={"key": issue.key})
    issue.delete()


@transaction.atomic
def issue_schedule(issue, *, actor, at=None):
    """Send the issue at ``at`` (now when not given)."""
    issue = _locked(issue)
    if not issue.is_editable:
        raise IssueError(_("This issue is already being sent or has been sent."))
    at = at or clock.now()
    issue.status = IssueStatus.SCHEDULED
    issue.scheduled_at = at
    issue.save(update_fields=["status", "scheduled_at", "updated_at"])
    issue.log_action("newsletter.issue_scheduled", actor=actor, data={"at": at.isoformat()})
    return issue


@transaction.atomic
def issue_unschedule(issue, *, actor):
    return _move(
        issue,
        IssueStatus.SCHEDULED,
        IssueStatus.DRAFT,
        "newsletter.issue_unscheduled",
        _("This issue is not scheduled."),
        actor=actor,
        scheduled_at=None,
    )


def _move(issue, from_, to, action, refusal, *, actor, **fields):
    """Lock the issue, check it is ``from_``, make it ``to`` with ``fields``, log it."""
    issue = _locked(issue)
    if issue.status != from_:
        raise IssueError(refusal)
    issue.status = to
    for name, value in fields.items():
        setattr(issue, name, value)
    issue.save(update_fields=["status", "updated_at", *fields])
    issue.log_action(action, actor=actor)
    return issue


@transaction.atomic
def issue_start(issue, *, now=None):
    """Begin sending a scheduled issue: its content is fixed from now on, and the archive
    gets its web version."""
    issue = _locked(issue)
    if issue.status != IssueStatus.SCHEDULED:
        raise IssueError(_("This issue is not scheduled."))
    issue.status = IssueStatus.SENDING
    issue.started_at = now or clock.now()
    _write_web_versions(issue)
    issue.save(update_fields=["status", "started_at", "web_versions", "updated_at"])
    issue.log_action("newsletter.issue_started")
    return issue


def _write_web_versions(issue):
    content = IssueContent(issue, now=issue.started_at)
    # Stored as HTML our own templates wrote from escaped and sanitised texts.
    issue.web_versions = {code: content.web_version(code) for code, _name in settings.LANGUAGES}


@transaction.atomic
def issue_record_sent(issue, *, actor, sent_at, recipients):
    """Record an issue that the programme's earlier mailing tool sent, so that the
    archive and the figures include the newsletter's history; nothing is mailed."""
    issue = _locked(issue)
    if issue.status != IssueStatus.DRAFT:
        raise IssueError(_("Only a draft can be recorded as sent elsewhere."))
    if sent_at > clock.now():
        raise IssueError(_("An issue cannot have been sent in the future."))
    issue.started_at = issue.sent_at = sent_at
    _write_web_versions(issue)
    issue.status = IssueStatus.SENT
    issue.recipients = issue.sent_count = recipients
    issue.queue_complete = True
    issue.save()
    issue.log_action(
        "newsletter.issue_recorded",
        actor=actor,
        data={"sent_at": sent_at.isoformat(), "recipients": recipients},
    )
    return issue


@transaction.atomic
def issue_pause(issue, *, actor):
    return _move(
        issue,
        IssueStatus.SENDING,
        IssueStatus.PAUSED,
        "newsletter.issue_paused",
        _("Only an issue being sent can be paused."),
        actor=actor,
    )


@transaction.atomic
def issue_resume(issue, *, actor):
    return _move(
        issue,
        IssueStatus.PAUSED,
        IssueStatus.SENDING,
        "newsletter.issue_resumed",
        _("Only a paused issue can be resumed."),
        actor=actor,
    )


def issue_test_send(issue, *, actor, addresses, language, wants_newsletter=True,
                    sectors=(), themes=(), regions=()):  # fmt: skip
    """Send the issue as a subscriber of this language and these topics would get it, to
    staff's own addresses, marked as a test. Its links to preferences go nowhere."""
    content = IssueContent(issue)
    choice = Choice(language, wants_newsletter, tuple(sectors), tuple(themes), tuple(regions))
    message = content.message_for(choice)
    if message is None:
        raise IssueError(_("With these topics there would be nothing to send."))
    subject, text, html = message
    for placeholder in (PREFERENCES, UNSUBSCRIBE):
        # A test has no subscriber: its own links point to the newsletter's page.
        page = settings.SITE_URL + reverse("newsletter:subscribe")
        text, html = text.replace(placeholder, page), html.replace(placeholder, page)
    with transaction.atomic():
        for address in addresses:
            email_queue(
                to=address,
                template="newsletter_test",
                context={"subject": subject, "text": text, "html": html},
                language=language,
            )
        issue.log_action(
            "newsletter.issue_test_sent",
            actor=actor,
            data={"language": language, "recipients": len(addresses)},
        )
