"""Atom and RSS feeds for social-media tools and readers: new deeds (all, per theme,
per sector) and weekly highlights. Django's syndication framework writes valid XML."""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from core import licence
from deeds.models import Deed
from recognition.highlights import Highlight
from recognition.models import in_language
from taxonomy.models import Sector, Theme

ITEMS = 30


def feed_rights(obj=None):
    """RSS <copyright> and Atom <rights>: the deeds' licence and how to credit them."""
    return _("CC BY 4.0 (%(url)s): name the organisation and Tekojen tori as the source.") % {
        "url": licence.URL
    }


class NewDeeds(Feed):
    """RSS 2.0; ``Atom`` below is the same feed as Atom 1.0."""

    def title(self, obj=None):
        return _("Tekojen tori: new deeds")

    def link(self, obj=None):
        return reverse("deeds:list")

    def description(self, obj=None):
        return _("Development deeds of Finnish municipal-sector workplaces, newest first.")

    feed_copyright = staticmethod(feed_rights)

    def deeds(self, obj):
        return Deed.objects.published().select_related("organisation")

    def items(self, obj=None):
        return self.deeds(obj).order_by("-published_at", "-id")[:ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return f"{item.organisation.name}: {item.summary}"

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.organisation.name


class NewDeedsAtom(NewDeeds):
    feed_type = Atom1Feed
    subtitle = NewDeeds.description


class _ByTerm(NewDeeds):
    model = None
    relation = ""

    def get_object(self, request, slug):
        return get_object_or_404(self.model.objects.active(), slug=slug)

    def title(self, obj=None):
        return _("Tekojen tori: new deeds – %(name)s") % {"name": obj.name}

    def link(self, obj=None):
        return reverse("deeds:list") + f"?{self.relation}={obj.slug}"

    def deeds(self, obj):
        return super().deeds(obj).filter(**{f"{self.relation}s": obj})


class ThemeDeeds(_ByTerm):
    model, relation = Theme, "theme"


class SectorDeeds(_ByTerm):
    model, relation = Sector, "sector"


class ThemeDeedsAtom(ThemeDeeds):
    feed_type = Atom1Feed
    subtitle = NewDeeds.description


class SectorDeedsAtom(SectorDeeds):
    feed_type = Atom1Feed
    subtitle = NewDeeds.description


class Highlights(Feed):
    feed_type = Atom1Feed
    feed_copyright = staticmethod(feed_rights)

    def title(self):
        return _("Tekojen tori: highlights of the week")

    def link(self):
        return reverse("recognition:highlights")

    def subtitle(self):
        return _("Deeds the programme team highlights each week.")

    def items(self):
        return Highlight.objects.public().select_related("deed__organisation")[:ITEMS]

    def item_title(self, item):
        return item.deed.title

    def item_description(self, item):
        return in_language(item, "note") or item.deed.summary

    def item_link(self, item):
        return item.deed.get_absolute_url()

    def item_guid(self, item):
        return f"{settings.SITE_URL}/highlight/{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return datetime.datetime.combine(
            item.week, datetime.time.min, tzinfo=timezone.get_default_timezone()
        )
