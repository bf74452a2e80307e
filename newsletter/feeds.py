"""The archive's Atom feed, /syotteet/uutiskirje.atom (and /sv/…, /en/…): one entry per
sent issue, dated when it was sent, linking to its page in the archive."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.i18n import localized
from core.text import plain_excerpt

from .models import Issue

ITEMS = 30


class NewsletterIssues(Feed):
    feed_type = Atom1Feed

    def title(self):
        return _("Tekojen tori: newsletter")

    def link(self):
        return reverse("newsletter:archive")

    def subtitle(self):
        return _("The issues of the Tekojen tori newsletter, as they are sent.")

    def items(self):
        return Issue.objects.sent().order_by("-sent_at", "-id")[:ITEMS]

    def item_title(self, item):
        return item.subject(get_language())

    def item_description(self, item):
        """When it was sent and the start of its introduction, as HTML (Atom's summary
        type="html"), so the text is escaped."""
        sent = timezone.localtime(item.sent_at)
        line = _("Sent on %(date)s.") % {"date": f"{sent.day}.{sent.month}.{sent.year}"}
        intro = plain_excerpt(localized(item, "intro"), 300)
        return escape(f"{line} {intro}".strip())

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.sent_at

    def item_updateddate(self, item):
        return item.sent_at
