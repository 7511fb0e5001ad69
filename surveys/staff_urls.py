"""Staff pages for surveys, under /personal/undersokningar/."""

from django.urls import path  # noqa: F401

app_name = "surveys_staff"
urlpatterns: list = []
