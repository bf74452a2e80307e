from django.urls import path

from . import staff, views

app_name = "recognition"
urlpatterns = [
    path("kampanjat/", views.campaign_list, name="campaigns"),
    path("kampanjat/<slug:slug>/", views.campaign_detail, name="campaign"),
    path("kekseliain-kunta/", views.most_inventive, name="most_inventive"),
    path("palkitut/", views.awarded_latest, name="awarded_latest"),
    path("palkitut/<int:year>/", views.awarded, name="awarded"),
    path("palkitut/kunniakirjat/<int:pk>.pdf", staff.award_pdf, name="award_pdf"),
    path("palkitut/kunniamaininnat/<int:pk>.pdf", staff.mention_pdf, name="mention_pdf"),
    path("palkitut/<int:year>/kunniakirjat.zip", staff.gala_zip, name="gala_zip"),
    path("joulukalenteri/<int:year>/", views.advent_calendar, name="calendar"),
    path("joulukalenteri/<int:year>/<int:number>/", views.advent_door, name="door"),
]
