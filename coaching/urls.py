"""Public coaching pages: /sparraus/ (and /sv/sparraus/, /en/sparraus/)."""

from django.urls import path

from . import expert_views, feedback_views, views

app_name = "coaching"

urlpatterns = [
    path("", views.coaching_page, name="page"),
    path("hae/", views.application_new, name="apply"),
    path("hae/<str:form_key>/", views.application_edit, name="draft"),
    path("hakemus/<str:token>/", views.application_follow, name="follow"),
    path("palaute/<str:token>/", feedback_views.feedback_answer_page, name="feedback"),
    path("asiantuntijat/<slug:slug>/", views.expert_profile, name="expert"),
    path("kutsu/<str:token>/", expert_views.invitation_accept, name="expert_accept"),
]
