from django.urls import path

from . import views

app_name = "feedback"

urlpatterns = [
    path("", views.feedback_new, name="new"),
    path("kiitos/", views.feedback_sent, name="sent"),
    path("hallinta/", views.feedback_list, name="staff"),
    path("hallinta/<int:pk>/", views.feedback_action, name="action"),
]
