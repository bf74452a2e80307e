from django.urls import path

from . import moderation

app_name = "moderation"

urlpatterns = [
    path("", moderation.moderation_queue, name="queue"),
    path("<int:pk>/", moderation.moderation_review, name="review"),
    path("<int:pk>/muokkaa/", moderation.moderation_edit, name="edit"),
]
