"""Public pages of residents voices: reports, maps, walks."""

from django.urls import path

from participation import public_views

app_name = "participation"
urlpatterns: list = [
    path("trygghetsvandring/<int:pk>/", public_views.walk, name="walk"),
    path("dialog/<int:pk>/", public_views.dialogue, name="dialogue"),
]
