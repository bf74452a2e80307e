from django.urls import path

from . import views

app_name = "search"
urlpatterns = [
    path("samankaltaiset/", views.similar, name="similar"),
]
