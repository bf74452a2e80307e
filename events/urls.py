"""Public event pages: /tapahtumat/ (and /sv/tapahtumat/, /en/tapahtumat/).

The fixed words (ilmoittaudu, kalenteri.ics) come before ``<pk>/<slug>/``, which
would otherwise take them for an event's address name."""

from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("", views.event_list, name="list"),
    path("ilmoittautuminen/<str:token>/", views.registration_manage, name="registration"),
    path("<int:pk>/", views.event_detail, name="detail_short"),
    path("<int:pk>/kalenteri.ics", views.event_calendar, name="ics"),
    path("<int:pk>/ilmoittaudu/", views.registration_new, name="register"),
    path("<int:pk>/ilmoittauduttu/", views.registration_sent, name="registered"),
    path("<int:pk>/<slug:slug>/", views.event_detail, name="detail"),
]
