"""Staff pages: moderation, dialogues, safety walks."""

from django.urls import path  # noqa: F401

app_name = "participation_staff"
urlpatterns: list = []
