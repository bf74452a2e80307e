from django.urls import path

from . import feeds, staff, views

app_name = "recognition"
urlpatterns = [
    path("kampanjat/", views.campaign_list, name="campaigns"),
    path("kampanjat/<slug:slug>/", views.campaign_detail, name="campaign"),
    path("kampanjat/<slug:slug>/hallinta/", staff.campaign_staff, name="campaign_staff"),
    path(
        "kampanjat/<slug:slug>/hallinta/tulokset/<int:pk>/julkaise/",
        staff.result_publish,
        name="result_publish",
    ),
    path("kampanjat/<slug:slug>/kortti.png", views.campaign_card, name="campaign_card"),
    path("teot/<int:pk>/kortti.png", views.deed_card, name="deed_card"),
    path("palkitut/<int:year>/kortti.png", views.awarded_card, name="awarded_card"),
    path("kekseliain-kunta/", views.most_inventive, name="most_inventive"),
    path("palkitut/", views.awarded_latest, name="awarded_latest"),
    path("palkitut/<int:year>/", views.awarded, name="awarded"),
    path("palkitut/kunniakirjat/<int:pk>.pdf", staff.award_pdf, name="award_pdf"),
    path("palkitut/kunniamaininnat/<int:pk>.pdf", staff.mention_pdf, name="mention_pdf"),
    path("palkitut/<int:year>/kunniakirjat.zip", staff.gala_zip, name="gala_zip"),
    path("gaalat/", staff.gala_list, name="gala_staff_list"),
    path("gaalat/<int:year>/", staff.gala_page, name="gala_staff"),
    path("gaalat/<int:year>/<slug:step>/", staff.gala_step, name="gala_step"),
    path("nostot/", views.highlights, name="highlights"),
    path("syotteet/uudet.rss", feeds.NewDeeds(), name="feed_new"),
    path("syotteet/uudet.atom", feeds.NewDeedsAtom(), name="feed_new_atom"),
    path("syotteet/teema/<slug:slug>.rss", feeds.ThemeDeeds(), name="feed_theme"),
    path("syotteet/teema/<slug:slug>.atom", feeds.ThemeDeedsAtom(), name="feed_theme_atom"),
    path("syotteet/toimiala/<slug:slug>.rss", feeds.SectorDeeds(), name="feed_sector"),
    path("syotteet/toimiala/<slug:slug>.atom", feeds.SectorDeedsAtom(), name="feed_sector_atom"),
    path("syotteet/nostot.atom", feeds.Highlights(), name="feed_highlights"),
    path("joulukalenteri/", views.advent_calendar_latest, name="calendar_latest"),
    path("joulukalenteri/<int:year>/", views.advent_calendar, name="calendar"),
    path("joulukalenteri/<int:year>/<int:number>/", views.advent_door, name="door"),
]
