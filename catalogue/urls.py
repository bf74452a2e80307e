"""The pages that find deeds. Their URL names keep the namespaces of what they show
(``deeds:list``, ``organisations:detail``, ``search:similar``): an address names a deed
or an organisation, whichever app draws the page."""

from django.urls import include, path

from core.site_url import on_site_url
from organisations import views as organisation_views

from . import feeds, organisations, similar, views

deed_patterns = [
    path("", views.deed_list, name="list"),
    path("<int:pk>/", views.deed_detail, name="detail_short"),
    path("<int:pk>/<slug:slug>/", views.deed_detail, name="detail"),
    path("<int:pk>/kortti.png", views.deed_card, name="card"),
]
organisation_patterns = [
    path("", organisations.organisation_list, name="list"),
    # Before the slug pattern; "etsi" is not a slug any organisation name makes
    # (names have at least a type word such as "kunta" or "Oy").
    path("etsi/", organisation_views.organisation_find, name="find"),
    path("<slug:slug>/", organisations.organisation_detail, name="detail"),
]
search_patterns = [
    path("samankaltaiset/", similar.similar, name="similar"),
]
feed_patterns = [
    path("uudet.rss", on_site_url(feeds.NewDeeds()), name="new"),
    path("uudet.atom", on_site_url(feeds.NewDeedsAtom()), name="new_atom"),
    path("teema/<slug:slug>.rss", on_site_url(feeds.ThemeDeeds()), name="theme"),
    path("teema/<slug:slug>.atom", on_site_url(feeds.ThemeDeedsAtom()), name="theme_atom"),
    path("toimiala/<slug:slug>.rss", on_site_url(feeds.SectorDeeds()), name="sector"),
    path("toimiala/<slug:slug>.atom", on_site_url(feeds.SectorDeedsAtom()), name="sector_atom"),
    path("nostot.atom", on_site_url(feeds.Highlights()), name="highlights"),
]

urlpatterns = [
    path("teot/", include((deed_patterns, "deeds"))),
    path("organisaatiot/", include((organisation_patterns, "organisations"))),
    path("haku/", include((search_patterns, "search"))),
    path("syotteet/", include((feed_patterns, "feeds"))),
]
