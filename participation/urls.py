"""Public pages of residents voices: reports, maps, walks; and the Open311 server."""

from django.urls import include, path

from participation import map_views, public_views
from participation.reports import views as report_views

app_name = "participation"
urlpatterns: list = [
    path("trygghetsvandring/<int:pk>/", public_views.walk, name="walk"),
    path("dialog/<int:pk>/", public_views.dialogue, name="dialogue"),
    path("kommun/<slug:key>/rapportera/", report_views.report_form, name="report_form"),
    path("rapport/<str:token>/", report_views.report_follow, name="report_follow"),
    path("kommun/<slug:slug>/karta/", map_views.municipality_map, name="map"),
    path("kommun/<slug:slug>/karta/data.geojson", map_views.map_data, name="map_data"),
    path("open311/v2/", include("participation.open311.urls")),
]
