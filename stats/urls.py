from django.urls import path

from . import views

app_name = "stats"
urlpatterns = [
    path("", views.stats_page, name="page"),
    path("kartta/", views.map_page, name="map"),
    path("lataa/<str:by>.<str:fmt>", views.stats_download, name="download"),
]
