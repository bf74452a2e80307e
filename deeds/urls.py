from django.urls import path

from . import views

app_name = "deeds"
urlpatterns = [
    path("", views.deed_list, name="list"),
    path("<int:pk>/", views.deed_detail, name="detail_short"),
    path("<int:pk>/<slug:slug>/", views.deed_detail, name="detail"),
]
