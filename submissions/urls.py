from django.urls import path

from . import views

app_name = "submissions"

urlpatterns = [
    path("", views.submission_new, name="new"),
    path("seuraa/<str:token>/", views.submission_follow, name="follow"),
    path("seuraa/<str:token>/toiminto/", views.submission_follow_action, name="follow_action"),
    path("<str:form_key>/", views.submission_edit, name="edit"),
    path("<str:form_key>/esikatselu/", views.submission_preview, name="preview"),
    path("<str:form_key>/lahetetty/", views.submission_sent, name="sent"),
]
