"""Coaching's working pages: /sparraus/hallinta/. The board, rounds and experts are the
programme team's; an application's page opens to staff and to its assigned expert."""

from django.urls import path

from . import expert_views, staff_views

app_name = "coaching_staff"

urlpatterns = [
    path("", staff_views.board, name="board"),
    path("omat/", expert_views.my_applications, name="mine"),
    path("<int:pk>/", staff_views.application_page, name="application"),
]
