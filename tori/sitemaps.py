"""sitemap.xml for search engines: every published deed, organisation and public event,
and the newsletter's sent issues, in fi/sv/en."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from deeds.models import Deed
from events.models import Event
from newsletter.models import Issue
from organisations.models import Organisation


class I18nSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    # The i18n alternates multiply every item by three languages; stay well under the
    # 50,000-address limit per file.
    limit = 15_000


class DeedSitemap(I18nSitemap):
    changefreq = "monthly"

    def items(self):
        return Deed.objects.published().only("id", "slug", "updated_at").order_by("id")

    def lastmod(self, deed):
        return deed.updated_at


class OrganisationSitemap(I18nSitemap):
    changefreq = "weekly"

    def items(self):
        return Organisation.objects.public().only("id", "slug").order_by("id")


class EventSitemap(I18nSitemap):
    changefreq = "weekly"

    def items(self):
        return Event.objects.public().only("id", "slug", "updated_at").order_by("id")

    def lastmod(self, event):
        return event.updated_at


class NewsletterIssueSitemap(I18nSitemap):
    changefreq = "yearly"

    def items(self):
        return Issue.objects.sent().only("id", "key", "sent_at").order_by("sent_at", "id")

    def lastmod(self, issue):
        return issue.sent_at


class PageSitemap(I18nSitemap):
    def items(self):
        return [
            *("home", "deeds:list", "organisations:list", "events:list"),
            *("newsletter:subscribe", "newsletter:archive"),
            *("about", "accessibility", "privacy"),
        ]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "pages": PageSitemap,
    "deeds": DeedSitemap,
    "organisations": OrganisationSitemap,
    "events": EventSitemap,
    "newsletter": NewsletterIssueSitemap,
}
