"""Public pages of residents voices: reports, maps, walks; and the Open311 server."""

from django.urls import include, path

from participation import public_views

app_name = "participation"
urlpatterns: list = [
    path("trygghetsvandring/<int:pk>/", public_views.walk, name="walk"),
    path("dialog/<int:pk>/", public_views.dialogue, name="dialogue"),
    path("open311/v2/", include("participation.open311.urls")),
]
