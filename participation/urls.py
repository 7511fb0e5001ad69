"""Public pages of residents voices: reports, maps, walks; and the Open311 server."""

from django.urls import include, path

app_name = "participation"
urlpatterns: list = [
    path("open311/v2/", include("participation.open311.urls")),
]
