from django.urls import path

from . import staff, views

app_name = "editors"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("teot/<int:pk>/muokkaa/", views.deed_edit, name="deed_edit"),
    path("teot/<int:pk>/yhteyshenkilo/", views.contact_handover, name="handover"),
    path("ilmoitukset/<int:pk>/", views.submission_detail, name="submission"),
    path("kutsu/<str:token>/", views.invitation_accept_view, name="accept"),
    path("hallinta/", staff.editor_list, name="staff"),
    path("hallinta/kutsut/<int:pk>/", staff.invitation_action, name="invitation_action"),
    path("hallinta/<int:pk>/poista/", staff.editorship_delete, name="remove"),
]
