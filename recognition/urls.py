from django.urls import path

from . import views

app_name = "recognition"
urlpatterns = [
    path("kampanjat/", views.campaign_list, name="campaigns"),
    path("kampanjat/<slug:slug>/", views.campaign_detail, name="campaign"),
    path("kekseliain-kunta/", views.most_inventive, name="most_inventive"),
]
