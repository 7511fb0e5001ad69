"""Public pages of residents voices: reports, maps, walks."""

from django.urls import path  # noqa: F401

app_name = "participation"
urlpatterns: list = []
