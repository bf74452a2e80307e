from django.urls import path

from . import file_views, views

app_name = "submissions"

urlpatterns = [
    path("", views.submission_new, name="new"),
    path("tiedostot/<int:pk>/", file_views.submission_file_signed_in, name="file_signed_in"),
    path("seuraa/<str:token>/", views.submission_follow, name="follow"),
    path("seuraa/<str:token>/toiminto/", views.submission_follow_action, name="follow_action"),
    path("<str:form_key>/", views.submission_edit, name="edit"),
    path("<str:form_key>/esikatselu/", views.submission_preview, name="preview"),
    path("<str:form_key>/lahetetty/", views.submission_sent, name="sent"),
    path("<str:form_key>/tiedostot/<int:pk>/", file_views.submission_file, name="file"),
]
