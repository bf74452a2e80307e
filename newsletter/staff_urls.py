"""The staff's newsletter pages: /uutiskirje/hallinta/ (and /sv/…, /en/…). Included in
tori/urls.py before the public /uutiskirje/ pages."""

from django.urls import path

from . import staff_preview as preview
from . import staff_subscribers as subscribers
from . import staff_views as views

app_name = "newsletter_staff"

urlpatterns = [
    path("", views.issue_list, name="list"),
    path("uusi/", views.issue_new, name="create"),
    path("<int:pk>/", views.issue_page, name="issue"),
    path("<int:pk>/muokkaa/", views.issue_edit, name="edit"),
    path("<int:pk>/poista/", views.issue_delete_view, name="delete"),
    path("<int:pk>/ajasta/", views.issue_schedule_view, name="schedule"),
    path("<int:pk>/peru-ajastus/", views.issue_unschedule_view, name="unschedule"),
    path("<int:pk>/keskeyta/", views.issue_pause_view, name="pause"),
    path("<int:pk>/jatka/", views.issue_resume_view, name="resume"),
    path("<int:pk>/esikatselu/", preview.issue_preview, name="preview"),
    path("<int:pk>/esikatselu/viesti/", preview.issue_preview_html, name="preview_html"),
    path("<int:pk>/testi/", preview.issue_test, name="test"),
    path("tilaajat/", subscribers.subscriber_overview, name="subscribers"),
    path("tilaajat/haku/", subscribers.subscriber_lookup, name="lookup"),
    path("tilaajat/<int:pk>/", subscribers.subscriber_detail, name="subscriber"),
    path("tilaajat/<int:pk>/palauta/", subscribers.subscriber_reinstate_view, name="reinstate"),
    path("tilaajat/<int:pk>/sivuun/", subscribers.subscriber_set_aside_view, name="set_aside"),
    path(
        "tilaajat/<int:pk>/lopeta/",
        subscribers.subscriber_unsubscribe_view,
        name="unsubscribe",
    ),
]
