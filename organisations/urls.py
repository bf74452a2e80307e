from django.urls import path

from . import views

app_name = "organisations"
urlpatterns = [
    path("", views.organisation_list, name="list"),
    # Before the slug pattern; "etsi" is not a slug any organisation name makes
    # (names have at least a type word such as "kunta" or "Oy").
    path("etsi/", views.organisation_find, name="find"),
    path("<slug:slug>/", views.organisation_detail, name="detail"),
]
