from django.urls import path, re_path

from . import coaching, events, newsletter, views

app_name = "api"
urlpatterns = [
    path("", views.index, name="index"),
    path("deeds/", views.deed_list, name="deed_list"),
    path("deeds/<int:pk>/", views.deed_detail, name="deed_detail"),
    path("stats/deeds", views.deed_stats, name="deed_stats"),
    path("stats/deeds/", views.deed_stats),
    path("events/", events.event_list, name="event_list"),
    path("stats/events", events.event_stats, name="event_stats"),
    path("stats/events/", events.event_stats),
    path("stats/newsletter", newsletter.newsletter_stats, name="newsletter_stats"),
    path("stats/newsletter/", newsletter.newsletter_stats),
    path("stats/coaching", coaching.coaching_stats, name="coaching_stats"),
    path("stats/coaching/", coaching.coaching_stats),
    re_path(
        r"^rankings/(?P<kind>municipalities|organisations)/?$", views.ranking_view, name="ranking"
    ),
    path("awards/", views.award_list, name="award_list"),
    path("sectors/", views.sector_list, name="sector_list"),
    path("themes/", views.theme_list, name="theme_list"),
    path("customer-groups/", views.customer_group_list, name="customer_group_list"),
    path("organisations/", views.organisation_list, name="organisation_list"),
    path("municipalities/", views.municipality_list, name="municipality_list"),
    path("regions/", views.region_list, name="region_list"),
    path("openapi.json", views.openapi, name="openapi"),
    re_path(r"^(?P<path>.*)$", views.not_found),
]
