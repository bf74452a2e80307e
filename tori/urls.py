from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from accounts.forms import AdminSignInForm
from core.site_url import on_site_url
from editors import views as editor_views
from newsletter import figures_views as newsletter_figures
from newsletter.feeds import NewsletterIssues

from . import organisation_record, views
from .sitemaps import SITEMAPS

admin.site.site_header = _("Tekojen tori")
admin.site.site_title = _("Tekojen tori")
admin.site.index_title = _("Administration")
# The admin's sign-in shares the public one's limits on attempts (accounts/forms.py).
admin.site.login_form = AdminSignInForm

urlpatterns = [
    path("api/v1/", include("api.urls")),
    path("hallinta/", admin.site.urls),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path(
        "sitemap.xml",
        on_site_url(sitemap_views.index),
        {"sitemaps": SITEMAPS},
        name="sitemap_index",
    ),
    path(
        "sitemap-<section>.xml",
        on_site_url(sitemap_views.sitemap),
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("healthz", views.healthz, name="healthz"),
]

# Finnish pages have no prefix (/teot/), Swedish and English ones do (/sv/teot/):
# every page has one stable, shareable address per language, without cookies.
urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    # Staff's record of one organisation, gathered from every app (tori/organisation_record.py).
    path(
        "organisaatiot/<slug:slug>/hallinta/",
        organisation_record.organisation_record,
        name="organisation_record",
    ),
    path("", include("catalogue.urls")),
    path("ilmianna/", include("submissions.urls")),
    path("moderointi/", include("submissions.moderation_urls")),
    path("toimittaja/", include("editors.urls")),
    path("tilastot/", include("stats.urls")),
    path("kampanjat/", include("stats.campaign_urls")),
    path("kavijat/", include("analytics.urls")),
    path("", include("recognition.urls")),
    path("tili/", include("accounts.urls")),
    path("yhteystiedot/<str:token>/", editor_views.contact_consent, name="contact_consent"),
    path("tietoa/", views.about, name="about"),
    path("saavutettavuus/", views.accessibility, name="accessibility"),
    path("tietosuoja/", views.privacy, name="privacy"),
    path("palaute/", include("feedback.urls")),
    path("tapahtumat/hallinta/", include("events.staff_urls")),
    path("tapahtumat/", include("events.urls")),
    path("sparraus/hallinta/", include("coaching.staff_urls")),
    path("sparraus/", include("coaching.urls")),
    # The staff's figures before every other newsletter address, so that no pattern of
    # the public or staff pages can take them.
    path("uutiskirje/hallinta/luvut/", newsletter_figures.figures_page, name="newsletter_figures"),
    path(
        "uutiskirje/hallinta/luvut.csv",
        newsletter_figures.figures_download,
        {"fmt": "csv"},
        name="newsletter_figures_csv",
    ),
    path(
        "uutiskirje/hallinta/luvut.xlsx",
        newsletter_figures.figures_download,
        {"fmt": "xlsx"},
        name="newsletter_figures_xlsx",
    ),
    path("uutiskirje/hallinta/", include("newsletter.staff_urls")),
    path("uutiskirje/", include("newsletter.urls")),
    # Beside the catalogue's feeds (/syotteet/…), in the newsletter's own name: the
    # "feeds" namespace is the catalogue's.
    path(
        "syotteet/uutiskirje.atom",
        on_site_url(NewsletterIssues()),
        name="newsletter_feed",
    ),
    prefix_default_language=False,
)

if settings.SERVE_MEDIA:
    urlpatterns += [path("media/<path:path>", views.media)]
