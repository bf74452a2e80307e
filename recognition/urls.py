from django.urls import path

from . import staff, views

app_name = "recognition"
urlpatterns = [
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
    path("joulukalenteri/", views.advent_calendar_latest, name="calendar_latest"),
    path("joulukalenteri/<int:year>/", views.advent_calendar, name="calendar"),
    path("joulukalenteri/<int:year>/<int:number>/", views.advent_door, name="door"),
]
