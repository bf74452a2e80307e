"""Public newsletter pages: /uutiskirje/ (and /sv/uutiskirje/, /en/uutiskirje/)."""

from django.urls import path

from . import views

app_name = "newsletter"

urlpatterns = [
    path("", views.subscribe, name="subscribe"),
    path("tilattu/", views.subscribed, name="subscribed"),
    path("vahvista/<str:token>/", views.confirm, name="confirm"),
    path("asetukset/<str:token>/", views.preferences, name="preferences"),
    path("lopeta/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("arkisto/", views.archive, name="archive"),
    path("arkisto/<slug:key>/", views.archive_issue, name="archive_issue"),
]
