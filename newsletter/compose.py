"""Writing an issue from what the portal knows: the staff's texts, the week's
highlighted deeds, the running campaign with its live figures, upcoming events (when
the events app is installed), news items, and for each subscriber the new deeds of the
topics they chose.

Everything but the topic sections is the same for everyone who reads a language, so
``IssueContent`` renders it once per language; a topic's section once per language
too; a subscriber's message is those pieces put together, with placeholders for their
own links (``PLACEHOLDERS``), which the outbox fills in when it sends. Composing for
100,000 subscribers is then string joining, not 100,000 template renderings
(bench/newsletter.py).
"""

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlencode

from django.apps import apps
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from core import clock
from core.i18n import localized
from core.text import render_richtext
from deeds.models import Deed
from organisations.models import Region
from recognition.models import in_language
from recognition.rankings import municipality_ranking
from taxonomy.models import Sector, Theme

from .models import Issue

PREFERENCES = "[[tt-preferences]]"
UNSUBSCRIBE = "[[tt-unsubscribe]]"
SECTIONS_HTML = "<!--tt-sections-->"
SECTIONS_TEXT = "[[tt-sections]]"
# A topic section lists this many deeds and links to the list for the rest.
SECTION_DEEDS = 8
EVENTS_SHOWN = 6
EVENTS_AHEAD = dt.timedelta(days=183)
# Whole messages kept for reuse (each some 10-30 kB).
BODIES_KEPT = 2000
SOURCE = "uutiskirje"


def tracked(path, issue_key, fragment=""):
    """An absolute link to the portal that the visitor analytics counts for this issue
    (utm_source and utm_campaign; analytics/middleware.py): the same for every
    subscriber, so nobody's clicks can be told apart."""
    separator = "&" if "?" in path else "?"
    query = urlencode({"utm_source": SOURCE, "utm_medium": "email", "utm_campaign": issue_key})
    return f"{settings.SITE_URL}{path}{separator}{query}{fragment}"


@dataclass(frozen=True)
class Topic:
    kind: str  # "sector", "theme" or "region": the deed list's parameter
    pk: int
    slug: str  # the deed list's value (a region's code)
    term: object


@dataclass(frozen=True)
class Choice:
    """What one subscriber receives: the key of their message's shared text."""

    language: str
    wants_newsletter: bool
    sectors: tuple = ()
    themes: tuple = ()
    regions: tuple = ()


def upcoming_events(now, limit=EVENTS_SHOWN):
    """The next public events, or [] when the events app is not installed: the newsletter
    does not depend on it (issue 15: "the events block simply appears")."""
    if not apps.is_installed("events"):
        return []
    from events.models import Event, EventStatus

    return list(
        # Events already announced then, in the next half year: an issue composed for an
        # earlier moment (an old issue recorded for the archive) does not list later ones.
        Event.objects.filter(
            status=EventStatus.PUBLISHED,
            starts_at__gte=now,
            starts_at__lt=now + EVENTS_AHEAD,
            created_at__lte=now,
        )
        .select_related("municipality")
        .order_by("starts_at", "pk")[:limit]
    )


def campaign_figures(campaign, today):
    """The campaign's live figures as on its page: deeds published in it so far, from how
    many organisations, the leading municipalities."""
    last = min(today, campaign.ends_on)
    deeds = Deed.objects.published().filter(
        published_at__date__gte=campaign.starts_on, published_at__date__lte=last
    )
    started = last >= campaign.starts_on
    ranking = municipality_ranking(campaign.starts_on, last) if started else []
    count = deeds.count()
    return {
        "deeds": count,
        "organisations": deeds.values("organisation").distinct().count(),
        "target": campaign.target,
        "percent": round(100 * count / campaign.target) if campaign.target else None,
        "days_left": max(0, (campaign.ends_on - today).days) if started else None,
        "leaders": [place for place in ranking if place.place <= 3][:3],
    }


class IssueContent:
    """One issue's content, rendered once per language and per topic section."""

    def __init__(self, issue: Issue, now=None):
        self.issue = issue
        self.now = now or clock.now()
        self.today = timezone.localdate(self.now)
        self.highlights = list(
            issue.highlights.filter(status="published").select_related("organisation")
        )
        self.news = list(issue.news.all())
        self.events = upcoming_events(self.now) if issue.show_events else []
        # A campaign over before this issue's period is no news any more.
        campaign = issue.campaign
        ended = campaign and campaign.ends_on < timezone.localdate(issue.deeds_since)
        self.campaign = None if ended else campaign
        self.figures = campaign_figures(self.campaign, self.today) if self.campaign else None
        self.new_deeds = self._new_deeds() if issue.show_new_deeds else []
        self._by_topic = self._index_topics()
        self._frames = {}
        self._items = {}
        self._sections = {}
        self._bodies = {}

    # --- what is new ---------------------------------------------------------------

    def _new_deeds(self):
        return list(
            Deed.objects.published()
            .filter(published_at__gte=self.issue.deeds_since, published_at__lt=self.now)
            .select_related("organisation")
            .prefetch_related("sectors", "themes")
            .order_by("-published_at", "-pk")
        )

    def _index_topics(self):
        """{(kind, term id): [deeds]}, newest first."""
        index = {}
        for deed in self.new_deeds:
            for sector in deed.sectors.all():
                index.setdefault(("sector", sector.pk), []).append(deed)
            for theme in deed.themes.all():
                index.setdefault(("theme", theme.pk), []).append(deed)
            if deed.region_id:
                index.setdefault(("region", deed.region_id), []).append(deed)
        return index

    def topics(self):
        """Every topic with new deeds, in the order sections appear: {(kind, id): Topic}."""
        found = {}
        for kind, model, slug in (
            ("sector", Sector, "slug"),
            ("theme", Theme, "slug"),
            ("region", Region, "code"),
        ):
            ids = [pk for (k, pk) in self._by_topic if k == kind]
            for term in model.objects.filter(pk__in=ids):
                found[(kind, term.pk)] = Topic(kind, term.pk, getattr(term, slug), term)
        return found

    # --- rendering ------------------------------------------------------------------

    def context(self, language):
        key = self.issue.key
        with translation.override(language):
            return {
                "issue": self.issue,
                "subject": self.issue.subject(language),
                "intro": render_richtext(localized(self.issue, "intro", language)),
                "intro_text": localized(self.issue, "intro", language),
                "closing": render_richtext(localized(self.issue, "closing", language)),
                "closing_text": localized(self.issue, "closing", language),
                "highlights": [self._deed(deed, language) for deed in self.highlights],
                "campaign": self.campaign
                and {
                    "name": in_language(self.campaign, "name", language),
                    "description": in_language(self.campaign, "description", language),
                    "url": tracked(self.campaign.get_absolute_url(), key),
                    **self.figures,
                },
                "events": [
                    {
                        "event": event,
                        "title": event.title,
                        "url": tracked(event.get_absolute_url(), key),
                    }
                    for event in self.events
                ],
                "events_url": tracked(reverse("events:list"), key) if self.events else "",
                "news": [
                    {
                        "title": localized(item, "title", language),
                        "text": localized(item, "text", language),
                        "html": render_richtext(localized(item, "text", language)),
                        "url": item.url,
                    }
                    for item in self.news
                ],
                "new_deeds_count": len(self.new_deeds),
                "new_deeds_url": tracked(self._list_path({}), key),
                "new_deeds_path": self._list_path({}),
                "archive_url": tracked(self.issue.get_absolute_url(), key),
                "home_url": tracked(reverse("home"), key),
                "LANGUAGE_CODE": language,
                "SITE_URL": settings.SITE_URL,
            }

    def _deed(self, deed, language):
        return {
            "deed": deed,
            "title": deed.title,
            "organisation": deed.organisation.name if deed.organisation_id else "",
            "url": tracked(deed.get_absolute_url(), self.issue.key),
        }

    def _list_path(self, params):
        query = {**params, "start": timezone.localdate(self.issue.deeds_since).isoformat()}
        return f"{reverse('deeds:list')}?{urlencode(query, doseq=True)}"

    def frame(self, language, wants_newsletter):
        """(subject, text, html) of the shared part, with the section and link markers."""
        key = (language, wants_newsletter)
        if key not in self._frames:
            context = {**self.context(language), "full": wants_newsletter}
            context["SECTIONS_HTML"], context["SECTIONS_TEXT"] = SECTIONS_HTML, SECTIONS_TEXT
            context["PREFERENCES"], context["UNSUBSCRIBE"] = PREFERENCES, UNSUBSCRIBE
            with translation.override(language):
                self._frames[key] = (
                    context["subject"],
                    render_to_string("emails/newsletter/issue.txt", context),
                    render_to_string("emails/newsletter/issue.html", context),
                )
        return self._frames[key]

    def section(self, language, topic, deeds):
        """(text, html) of one topic's section with these deeds."""
        key = (language, topic.kind, topic.pk, tuple(deed.pk for deed in deeds))
        if key not in self._sections:
            with translation.override(language):
                context = {
                    "topic": topic,
                    "name": topic.term.name,
                    "deeds": [self._deed(deed, language) for deed in deeds[:SECTION_DEEDS]],
                    "more": max(0, len(deeds) - SECTION_DEEDS),
                    "list_url": tracked(self._list_path({topic.kind: topic.slug}), self.issue.key),
                    "LANGUAGE_CODE": language,
                }
                self._sections[key] = (
                    render_to_string("emails/newsletter/_section.txt", context),
                    render_to_string("emails/newsletter/_section.html", context),
                )
        return self._sections[key]

    def sections_for(self, choice: Choice, topics):
        """The chosen topics' sections, each deed in the first section it would appear
        in, sections left empty dropped (issue 15: "no empty sections")."""
        shown, parts = set(), []
        chosen = [
            *(("sector", pk) for pk in choice.sectors),
            *(("theme", pk) for pk in choice.themes),
            *(("region", pk) for pk in choice.regions),
        ]
        for key in sorted(chosen, key=lambda k: list(topics).index(k) if k in topics else 1e9):
            deeds = [deed for deed in self._by_topic.get(key, []) if deed.pk not in shown]
            if not deeds or key not in topics:
                continue
            shown.update(deed.pk for deed in deeds)
            parts.append(self.section(choice.language, topics[key], deeds))
        return parts

    def message_for(self, choice: Choice, topics=None):
        """(subject, text, html) for a subscriber's choice, or None when there is nothing
        to send them (only topics chosen, and none has new deeds)."""
        if choice in self._bodies:
            self._bodies[choice] = self._bodies.pop(choice)  # most recently used last
            return self._bodies[choice]
        topics = self.topics() if topics is None else topics
        parts = self.sections_for(choice, topics)
        if not choice.wants_newsletter and not parts:
            result = None
        else:
            subject, text, html = self.frame(choice.language, choice.wants_newsletter)
            result = (
                subject,
                text.replace(SECTIONS_TEXT, "\n".join(part[0] for part in parts)),
                html.replace(SECTIONS_HTML, "".join(part[1] for part in parts)),
            )
        self._bodies[choice] = result
        if len(self._bodies) > BODIES_KEPT:
            # Memory stays flat however many subscribers choose their own topics: the
            # common choices (the whole newsletter in each language) stay in the cache.
            del self._bodies[next(iter(self._bodies))]
        return result

    def web_version(self, language):
        """The issue as the archive shows it: the whole newsletter, without anyone's
        topic sections (all new deeds counted instead)."""
        with translation.override(language):
            return render_to_string("newsletter/_issue_web.html", self.context(language))


def deeds_since_default(now=None):
    """New deeds count from when the last issue was sent, or the last 14 days."""
    last = Issue.objects.sent().order_by("-sent_at").values_list("sent_at", flat=True).first()
    return last or (now or clock.now()) - dt.timedelta(days=14)
