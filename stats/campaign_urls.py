from django.urls import path

from . import campaigns

app_name = "campaigns"
urlpatterns = [
    path("", campaigns.campaign_list, name="list"),
    path("<slug:slug>/", campaigns.campaign_detail, name="detail"),
    path("<slug:slug>/hallinta/", campaigns.campaign_staff, name="staff"),
    path(
        "<slug:slug>/hallinta/tulokset/<int:pk>/julkaise/",
        campaigns.result_publish,
        name="result_publish",
    ),
    path("<slug:slug>/kortti.png", campaigns.campaign_card, name="card"),
]
