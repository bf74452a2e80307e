"""The staff's event pages: /tapahtumat/hallinta/ (and /sv/…, /en/…). Included in
tori/urls.py before the public /tapahtumat/ pages."""

from django.urls import path

from . import staff_registrations as people
from . import staff_views as views

app_name = "events_staff"

urlpatterns = [
    path("", views.event_list, name="list"),
    path("uusi/", views.event_new, name="create"),
    path("luvut/", views.year_figures_page, name="figures"),
    path("sarjat/uusi/", views.series_form, name="series_create"),
    path("sarjat/<int:pk>/", views.series_form, name="series_edit"),
    path("<int:pk>/", views.event_page, name="event"),
    path("<int:pk>/muokkaa/", views.event_edit, name="edit"),
    path("<int:pk>/julkaise/", views.event_publish_view, name="publish"),
    path("<int:pk>/ilmoittautuminen/", views.event_registration_view, name="registration"),
    path("<int:pk>/peru/", views.event_cancel_view, name="cancel"),
    path("<int:pk>/tallenne/", views.event_recording_view, name="recording"),
    path("<int:pk>/ilmoittautuneet/", people.registration_list, name="registrations"),
    path(
        "<int:pk>/ilmoittautuneet/<int:registration_pk>/peru/",
        people.registration_cancel_view,
        name="registration_cancel",
    ),
    path(
        "<int:pk>/ilmoittautuneet.csv",
        people.registrations_download,
        {"fmt": "csv"},
        name="export_csv",
    ),
    path(
        "<int:pk>/ilmoittautuneet.xlsx",
        people.registrations_download,
        {"fmt": "xlsx"},
        name="export_xlsx",
    ),
    path("<int:pk>/lasnaolo/", people.attendance_list, name="attendance"),
    path(
        "<int:pk>/lasnaolo/<int:registration_pk>/",
        people.attendance_mark,
        name="attendance_mark",
    ),
    path("<int:pk>/viestit/", people.message_list, name="messages"),
]
